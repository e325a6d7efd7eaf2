import type { RecurringCall } from '@certflow/queue';
import type { WorkerConfig } from './worker-config.js';

/** `YYYY-MM` of an instant in Beijing time. */
function beijingMonth(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/**
 * The recurring calls of the 1+X pilot: a dynamic report (试点工作动态) per college and month
 * (第六条8), and — once a flow for it exists — the autumn annual-plan call (第七条2), opened at
 * semester start; its deadline is the called flow's own (counted in working days).
 */
export function pilotRecurringCalls(config: WorkerConfig): RecurringCall[] {
  const colleges = config.REPORT_COLLEGES.split(',').map((c) => c.trim()).filter(Boolean);
  const calls: RecurringCall[] = [];
  if (colleges.length > 0) {
    calls.push({
      id: 'dynamic-report',
      repeat: { pattern: config.DYNAMIC_REPORT_PATTERN },
      flowId: 'report',
      inputs: ({ occurrence }) =>
        colleges.map((collegeId) => ({ kind: 'dynamic', collegeId, period: beijingMonth(occurrence) })),
    });
  }
  if (config.ANNUAL_PLAN_CALL_FLOW) {
    const [month, day] = config.SEMESTER_START.split('-').map(Number);
    calls.push({
      id: 'annual-plan-call',
      repeat: { pattern: `0 9 ${day} ${month} *` },
      flowId: config.ANNUAL_PLAN_CALL_FLOW,
      inputs: ({ occurrence }) => [{ year: Number(beijingMonth(occurrence).slice(0, 4)) + 1 }],
    });
  }
  return calls;
}
