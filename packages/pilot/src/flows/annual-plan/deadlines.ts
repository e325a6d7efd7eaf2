import type { Duration } from '@certflow/engine';

/**
 * How long the colleges have to compile the plan, in working days from the call (第七条2:
 * 每年秋季学期编报). The call opens at semester start; the deadline is a deployment setting
 * (e.g. mid-December), so it is given to `annualPlanFlow` rather than fixed here.
 */
export interface AnnualPlanSettings {
  /** Working days from the call to the deadline; at the deadline 教务处 gets an escalation. */
  readonly dueWorkingDays: number;
  /** Reminders (催办), in working days from the call; default 15 and 5 days before the deadline. */
  readonly reminderWorkingDays?: readonly number[];
}

/** 70 working days from the first week of September ends in mid-December. */
export const DEFAULT_ANNUAL_PLAN_SETTINGS: AnnualPlanSettings = { dueWorkingDays: 70 };

/** Review steps and a returned plan: 5 working days, a reminder after 3. */
export const PLAN_REVIEW_DEADLINE = {
  due: { workingDays: 5 },
  reminders: [{ workingDays: 3 }],
} as const satisfies { due: Duration; reminders: readonly Duration[] };

export interface CompileDeadline {
  readonly due: Duration;
  readonly reminders: readonly Duration[];
}

/** The compile step's deadline and reminders; throws on settings no school could mean. */
export function compileDeadline(settings: AnnualPlanSettings): CompileDeadline {
  const due = settings.dueWorkingDays;
  if (!Number.isInteger(due) || due < 1 || due > 250) {
    throw new RangeError(`annual plan: dueWorkingDays must be 1–250 working days, not ${due}`);
  }
  const reminders = settings.reminderWorkingDays ?? [due - 15, due - 5].filter((d) => d > 0);
  for (const r of reminders) {
    if (!Number.isInteger(r) || r < 1 || r >= due) {
      throw new RangeError(
        `annual plan: a reminder must be a whole number of working days before the deadline (1–${due - 1}), not ${r}`,
      );
    }
  }
  return {
    due: { workingDays: due },
    reminders: [...new Set(reminders)].sort((a, b) => a - b).map((d) => ({ workingDays: d })),
  };
}
