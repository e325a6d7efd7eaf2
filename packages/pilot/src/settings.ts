import { z } from 'zod';
import { compileDeadline } from './flows/annual-plan/deadlines.js';
import { pilotCalls, type PilotCallSettings } from './calls.js';
import type { PilotSettings } from './flows/index.js';
import type { LeadershipDecision } from './review-chain.js';
import { checkCallWindow } from './flows/pilot-project/call-window.js';

const days = z.coerce.number().int().min(1).max(250);
const dayList = z
  .string()
  .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/u, 'comma-separated working days, e.g. 55,65')
  .transform((s) => s.split(',').map((d) => Number(d.trim())));

const schema = z.object({
  /** Colleges (二级学院) that get the recurring calls, comma-separated ids. */
  PILOT_COLLEGES: z.string().default(''),
  /** Cron pattern (Beijing time) of the dynamic-report call. */
  DYNAMIC_REPORT_PATTERN: z.string().min(9).default('0 9 1 * *'),
  /** Autumn-semester start (MM-DD, Beijing): the annual-plan call opens that day at 09:00. */
  SEMESTER_START: z
    .string()
    .regex(/^\d{2}-\d{2}$/u, 'MM-DD')
    .default('09-01'),
  /** `0`/`false`: no annual-plan call. */
  ANNUAL_PLAN_CALL: z.enum(['1', '0', 'true', 'false']).default('true'),
  /** Working days from the call to the compile deadline (default 70 ≈ mid-December). */
  ANNUAL_PLAN_DUE_WORKING_DAYS: days.default(70),
  /** Reminders, in working days from the call (default 15 and 5 days before the deadline). */
  ANNUAL_PLAN_REMINDER_WORKING_DAYS: dayList.optional(),
  /**
   * When pilot projects are applied for, for the next year (第七条2): `MM-DD..MM-DD`, Beijing,
   * both days included; default from SEMESTER_START to 12-31.
   */
  PROJECT_CALL_WINDOW: z
    .string()
    .regex(/^\d{2}-\d{2}\.\.\d{2}-\d{2}$/u, 'MM-DD..MM-DD, e.g. 09-01..12-20')
    .optional(),
  /**
   * How the 领导小组 decides its steps (第六条2): `chair` (one holder of the `leadership` role,
   * the default), `council` (a 会签 of every member) or `council:N` (N of the members).
   */
  LEADERSHIP_DECISION: z
    .string()
    .regex(
      /^(chair|council(:[1-9]\d?)?)?$/u,
      'chair, council or council:N (N of the members, 1–99)',
    )
    .default('chair'),
  /** Cron pattern (Beijing time) of the annual-summary call (第五条3); default 1 December 09:00. */
  ANNUAL_SUMMARY_PATTERN: z.string().min(9).default('0 9 1 12 *'),
  /** `0`/`false`: no annual-summary call. */
  ANNUAL_SUMMARY_CALL: z.enum(['1', '0', 'true', 'false']).default('true'),
});

/** The pilot's deployment settings, read from the environment of the server or the worker. */
export interface PilotDeployment {
  readonly flows: PilotSettings;
  readonly calls: PilotCallSettings;
}

export class PilotSettingsError extends Error {
  override readonly name = 'PilotSettingsError';
}

/**
 * Read the pilot settings shared by `apps/server` and `apps/worker` (both must see the same
 * values when they share a database). Says which variable is wrong.
 */
export function pilotSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  defaults: { readonly colleges?: readonly string[] } = {},
): PilotDeployment {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new PilotSettingsError(`invalid pilot settings:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const listed = e.PILOT_COLLEGES.split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const annualPlan = {
    dueWorkingDays: e.ANNUAL_PLAN_DUE_WORKING_DAYS,
    ...(e.ANNUAL_PLAN_REMINDER_WORKING_DAYS
      ? { reminderWorkingDays: e.ANNUAL_PLAN_REMINDER_WORKING_DAYS }
      : {}),
  };
  const calls: PilotCallSettings = {
    colleges: listed.length > 0 ? listed : (defaults.colleges ?? []),
    dynamicReportPattern: e.DYNAMIC_REPORT_PATTERN,
    semesterStart: e.SEMESTER_START,
    annualPlan: e.ANNUAL_PLAN_CALL === '1' || e.ANNUAL_PLAN_CALL === 'true',
    annualSummaryPattern: e.ANNUAL_SUMMARY_PATTERN,
    annualSummary: e.ANNUAL_SUMMARY_CALL === '1' || e.ANNUAL_SUMMARY_CALL === 'true',
  };
  const [start, end] = (e.PROJECT_CALL_WINDOW ?? `${e.SEMESTER_START}..12-31`).split('..');
  const projectCall = { start: start ?? '', end: end ?? '' };
  // Checked now, so a bad value stops the process at start with the variable's name.
  check('ANNUAL_PLAN_REMINDER_WORKING_DAYS', () => compileDeadline(annualPlan));
  check('SEMESTER_START', () => pilotCalls({ ...calls, colleges: ['check'] }));
  check(e.PROJECT_CALL_WINDOW ? 'PROJECT_CALL_WINDOW' : 'SEMESTER_START', () =>
    checkCallWindow(projectCall),
  );
  return {
    flows: { annualPlan, projectCall, leadership: leadershipOf(e.LEADERSHIP_DECISION) },
    calls,
  };
}

/** `LEADERSHIP_DECISION` as the flows take it. */
function leadershipOf(value: string): LeadershipDecision {
  // Empty is unset (compose writes ${X:-} as "").
  if (value === 'chair' || value === '') return { mode: 'chair' };
  const [, n] = value.split(':');
  return n === undefined ? { mode: 'council' } : { mode: 'council', threshold: Number(n) };
}

function check(variable: string, fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new PilotSettingsError(`invalid pilot settings:\n  ${variable}: ${error.message}`);
  }
}
