import type { TaskSpec } from '@certflow/engine';

/**
 * An approval step of a review flow: 同意 / 退回 / 驳回 plus the engine's task operations
 * (转办, 加签, 抄送, 评论). Leadership decisions are never taken by reply mail.
 */
export function reviewTask(
  step: string,
  role: string,
  scope: 'school' | 'college' = 'school',
): TaskSpec {
  return {
    step,
    role,
    scope,
    events: ['APPROVE', 'RETURN', 'REJECT', 'TRANSFER', 'ADD_APPROVER', 'CC', 'COMMENT'],
    approval: true,
    replyAllowed: role !== 'leadership',
  };
}

/** The applicant's task after 退回: revise and resubmit, or withdraw. */
export const REVISE_TASK: TaskSpec = {
  step: 'revise',
  role: 'submitter',
  scope: 'submitter',
  events: ['RESUBMIT', 'WITHDRAW'],
  approval: false,
};
