import type { JsonObject } from '@certflow/engine';
import type { AnnualPlanInput } from './flows/annual-plan/index.js';

/**
 * A recurring call of the pilot: "start flow X with these inputs" on a cron pattern in Beijing
 * time. Structurally the `RecurringCall` of `@certflow/queue`, which runs it on BullMQ job
 * schedulers (worker) or the in-process scheduler (embedded), idempotently per occurrence.
 */
export interface PilotCall {
  readonly id: string;
  readonly repeat: { readonly pattern: string };
  readonly flowId: string;
  inputs(args: { readonly occurrence: Date }): readonly JsonObject[];
}

export interface PilotCallSettings {
  /** College ids (二级学院) that get the calls. No colleges, no calls. */
  readonly colleges: readonly string[];
  /** Dynamic reports (第六条8): cron in Beijing time; default the 1st of every month, 09:00. */
  readonly dynamicReportPattern?: string;
  /** Autumn-semester start, `MM-DD` (Beijing): the annual-plan call opens at 09:00 that day. */
  readonly semesterStart?: string;
  /** Open the annual-plan call each autumn (第七条2); default true. */
  readonly annualPlan?: boolean;
  /** The annual summary (年度总结, 第五条3, 第十四条): cron in Beijing time; default 1 December 09:00. */
  readonly annualSummaryPattern?: string;
  /** Open the annual-summary call each year; default true. */
  readonly annualSummary?: boolean;
}

/** `YYYY-MM` of an instant in Beijing time. */
function beijingMonth(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** `MM-DD` → month and day; throws a `RangeError` on a date no calendar has. */
export function monthDay(mmdd: string): { month: number; day: number } {
  const m = /^(\d{2})-(\d{2})$/u.exec(mmdd);
  const month = Number(m?.[1]);
  const day = Number(m?.[2]);
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (!m || days === undefined || day < 1 || day > days) {
    throw new RangeError(`semester start must be a date MM-DD, not "${mmdd}"`);
  }
  return { month, day };
}

/**
 * The recurring calls of the 1+X pilot: a dynamic report (试点工作动态) per college each period
 * (第六条8); at the start of each autumn semester the annual-plan call (第七条2) per college for
 * the next year — its deadline is the `annual-plan` flow's, counted in working days; and each
 * year the annual summary (年度总结, 第五条3, 第十四条) per college for the year of the call.
 */
export function pilotCalls(settings: PilotCallSettings): PilotCall[] {
  const colleges = settings.colleges;
  if (colleges.length === 0) return [];
  const calls: PilotCall[] = [
    {
      id: 'dynamic-report',
      repeat: { pattern: settings.dynamicReportPattern ?? '0 9 1 * *' },
      flowId: 'report',
      inputs: ({ occurrence }) =>
        colleges.map((collegeId) => ({
          kind: 'dynamic',
          collegeId,
          period: beijingMonth(occurrence),
        })),
    },
  ];
  if (settings.annualPlan ?? true) {
    const { month, day } = monthDay(settings.semesterStart ?? '09-01');
    calls.push({
      id: 'annual-plan-call',
      repeat: { pattern: `0 9 ${day} ${month} *` },
      flowId: 'annual-plan',
      inputs: ({ occurrence }) => {
        const year = Number(beijingMonth(occurrence).slice(0, 4)) + 1;
        return colleges.map((collegeId): AnnualPlanInput & JsonObject => ({ year, collegeId }));
      },
    });
  }
  if (settings.annualSummary ?? true) {
    calls.push({
      id: 'annual-summary',
      repeat: { pattern: settings.annualSummaryPattern ?? '0 9 1 12 *' },
      flowId: 'report',
      inputs: ({ occurrence }) =>
        colleges.map((collegeId) => ({
          kind: 'annual-summary',
          collegeId,
          period: beijingMonth(occurrence).slice(0, 4),
        })),
    });
  }
  return calls;
}
