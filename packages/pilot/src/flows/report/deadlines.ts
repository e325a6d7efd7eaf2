import type { Duration } from '@certflow/engine';

/** Report deadlines and reminders, in working days from entering the state (the engine’s BusinessCalendar). */
export const REPORT_DEADLINES = {
  /** A dynamic report is due 5 working days after the call; reminders after 3 and 4. */
  dynamic: { due: { workingDays: 5 }, reminders: [{ workingDays: 3 }, { workingDays: 4 }] },
  /** The annual summary is due 15 working days after the call; reminders after 10 and 14. */
  annual: { due: { workingDays: 15 }, reminders: [{ workingDays: 10 }, { workingDays: 14 }] },
  /** Overdue: 2 more working days, a reminder after 1, then escalated to academic affairs. */
  overdue: { due: { workingDays: 2 }, reminders: [{ workingDays: 1 }] },
  /** A returned report: 3 working days to resubmit, then escalated. */
  returned: { due: { workingDays: 3 }, reminders: [{ workingDays: 2 }] },
  /** Academic affairs reviews a report or a 诊改 answer within 5 working days. */
  review: { due: { workingDays: 5 }, reminders: [{ workingDays: 3 }] },
  /** 诊改: 10 working days to answer feedback, reminders after 5 and 8, then escalated. */
  improve: { due: { workingDays: 10 }, reminders: [{ workingDays: 5 }, { workingDays: 8 }] },
  /** A filed report stays open for feedback for 20 working days, then closes by itself. */
  feedbackWindow: { workingDays: 20 },
} as const satisfies Record<string, unknown>;

export type ReportDeadline = { readonly due: Duration; readonly reminders: readonly Duration[] };
