import type { AnyFlow, FlowDefinition, StateSpec, TaskSpec } from '@certflow/engine';
import { z, type ZodType } from 'zod';
import { REVISE_TASK, reviewTask } from './review-task.js';

/**
 * The review steps of the pilot's approval chains: 二级学院 (第六条4), 财务审计处 (第十一条),
 * 教务处 (第六条2) and the 领导小组 (第六条1–2). A state, the step name kept in the audit trail,
 * the role that decides and where it holds it.
 */
export const REVIEW_STEPS = {
  college: { state: 'collegeReview', step: 'college', role: 'college_lead', scope: 'college' },
  finance: { state: 'financeReview', step: 'finance', role: 'finance', scope: 'school' },
  academic: {
    state: 'academicReview',
    step: 'academic',
    role: 'academic_affairs',
    scope: 'school',
  },
  leadership: {
    state: 'leadershipReview',
    step: 'leadership',
    role: 'leadership',
    scope: 'school',
  },
} as const satisfies Record<string, ChainStep>;

/** Where a review chain's decisions lead: the machines' states, the flows' outcomes. */
export const CHAIN_DECISIONS = {
  RETURN: 'returned',
  REJECT: 'rejected',
  WITHDRAW: 'withdrawn',
} as const;

/** One step of a chain, with what a flow may add to its task (deadline, escalation, 批量审批). */
export interface ChainStep extends Partial<
  Pick<TaskSpec, 'deadline' | 'reminders' | 'escalateTo' | 'batch'>
> {
  readonly state: string;
  readonly step: string;
  readonly role: string;
  readonly scope: 'school' | 'college';
}

/**
 * How the 领导小组 decides (第六条2): by its chair — one holder of the `leadership` role, 或签,
 * the default — or as a 会签 of its members: all of them, or `threshold` of them. One 驳回 ends a
 * 会签 step. A deployment setting (`LEADERSHIP_DECISION`, settings.ts).
 */
export type LeadershipDecision =
  { readonly mode: 'chair' } | { readonly mode: 'council'; readonly threshold?: number };

const CHAIR_DECIDES: LeadershipDecision = { mode: 'chair' };

/**
 * `flow` with its 领导小组 steps (the tasks of the `leadership` role) deciding as `decision` says:
 * unchanged for the chair, the engine's 会签 (`approvers: { mode: 'all', threshold? }`) for the
 * members. The registration list applies it to the review chains (flows/index.ts).
 */
export function withLeadership<F extends AnyFlow>(
  flow: F,
  decision: LeadershipDecision = CHAIR_DECIDES,
): F {
  if (decision.mode === 'chair') return flow;
  const approvers: TaskSpec['approvers'] =
    decision.threshold === undefined
      ? { mode: 'all' }
      : { mode: 'all', threshold: decision.threshold };
  const states = Object.fromEntries(
    Object.entries(flow.states).map(([id, spec]): [string, StateSpec] => [
      id,
      spec.tasks
        ? {
            ...spec,
            tasks: spec.tasks.map((t) => (t.role === 'leadership' ? { ...t, approvers } : t)),
          }
        : spec,
    ]),
  );
  return { ...flow, states };
}

export interface ReviewChainOptions {
  /** The steps in order (a 领导小组 step decides as `withLeadership` makes it). */
  readonly steps: readonly ChainStep[];
  /** The payload of 重新提交 (`RESUBMIT`) after 退回. */
  readonly resubmit: ZodType;
  /** What the applicant's revise task adds (deadline, escalation). */
  readonly revise?: Partial<Pick<TaskSpec, 'deadline' | 'reminders' | 'escalateTo'>>;
  /** The final state of an approval; default `approved`. */
  readonly approvedState?: string;
}

const empty = z.object({}).strict();

/**
 * The parts of a flow that a review chain fixes — its events (同意 / 退回 / 驳回 / 撤回 / 重新提交),
 * one state per step (the applicant may withdraw while it is under review), the applicant's
 * revise state after 退回, and the outcomes — so each flow declares only its steps and what its
 * tasks add. Its machine moves between the same states (`CHAIN_DECISIONS`).
 */
export function reviewChain(
  options: ReviewChainOptions,
): Pick<FlowDefinition, 'events' | 'states' | 'outcomes'> {
  const states: Record<string, StateSpec> = {};
  for (const { state, step, role, scope, ...extra } of options.steps) {
    states[state] = {
      tasks: [{ ...reviewTask(step, role, scope), ...extra }],
      submitterEvents: ['WITHDRAW'],
    };
  }
  states[CHAIN_DECISIONS.RETURN] = { tasks: [{ ...REVISE_TASK, ...options.revise }] };
  return {
    events: {
      APPROVE: empty,
      RETURN: empty,
      REJECT: empty,
      WITHDRAW: empty,
      RESUBMIT: options.resubmit,
    },
    states,
    outcomes: {
      [options.approvedState ?? 'approved']: 'completed',
      [CHAIN_DECISIONS.REJECT]: 'rejected',
      [CHAIN_DECISIONS.WITHDRAW]: 'withdrawn',
    },
  };
}
