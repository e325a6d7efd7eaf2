import type { Duration } from '@certflow/engine';

interface StepDeadline {
  readonly due: Duration;
  readonly reminders: readonly Duration[];
}

/**
 * Deadlines of a pilot-project application, in working days from entering the step (counted by
 * the engine's BusinessCalendar: due at the end of the last working day, reminders the morning after).
 * The college and academic steps are due in 5 working days with a reminder (催办) after 3, and
 * are escalated at the deadline: an escalation task lets the office above decide the step in
 * place. The 领导小组 decision is never escalated — nobody may take it for the leadership group
 * (第七条2) — so it gets reminders only. 退回 gives the applicant 10 working days.
 */
export const PROJECT_DEADLINES = {
  /** 二级学院 review: escalated to 教务处 at the deadline. */
  college: { due: { workingDays: 5 }, reminders: [{ workingDays: 3 }] },
  /** 教务处 review: escalated to the 领导小组 at the deadline. */
  academic: { due: { workingDays: 5 }, reminders: [{ workingDays: 3 }] },
  /** 领导小组 decision: reminders after 3 and 5 working days, no escalation. */
  leadership: { due: { workingDays: 5 }, reminders: [{ workingDays: 3 }, { workingDays: 5 }] },
  /** Revise after 退回: 10 working days, a reminder after 7, then escalated to the college lead. */
  revise: { due: { workingDays: 10 }, reminders: [{ workingDays: 7 }] },
} as const satisfies Record<string, StepDeadline>;
