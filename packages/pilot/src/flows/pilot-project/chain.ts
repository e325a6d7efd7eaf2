import type { ZodType } from 'zod';
import { REVIEW_STEPS, reviewChain, type LeadershipDecision } from '../../review-chain.js';
import { PROJECT_DEADLINES as D } from './deadlines.js';

/**
 * The review chain of a pilot-project application, versions 1 and 2: 二级学院 → 教务处 → 领导小组
 * (第六条2), each step with its deadline and reminders (`PROJECT_DEADLINES`), the college and
 * academic steps escalated to the office above at their deadline; 退回 gives the applicant a
 * deadline, then goes to the college lead.
 */
export function projectChain(options: {
  readonly resubmit: ZodType;
  /** 批量审批 of the 领导小组 step: the year's list approved together (version 2). */
  readonly batch: boolean;
  readonly leadership?: LeadershipDecision;
}): ReturnType<typeof reviewChain> {
  const { college, academic, leadership } = REVIEW_STEPS;
  return reviewChain({
    steps: [
      {
        ...college,
        deadline: D.college.due,
        reminders: D.college.reminders,
        escalateTo: { role: academic.role, scope: 'school' },
      },
      {
        ...academic,
        deadline: D.academic.due,
        reminders: D.academic.reminders,
        escalateTo: { role: leadership.role, scope: 'school' },
      },
      {
        ...leadership,
        deadline: D.leadership.due,
        reminders: D.leadership.reminders,
        // A normal task whose 同意 needs no data: each item is still checked on its own rules.
        ...(options.batch ? { batch: true } : {}),
      },
    ],
    revise: {
      deadline: D.revise.due,
      reminders: D.revise.reminders,
      escalateTo: { role: college.role, scope: 'college' },
    },
    resubmit: options.resubmit,
    ...(options.leadership ? { leadership: options.leadership } : {}),
  });
}
