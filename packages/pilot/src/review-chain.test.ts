import type { AnyFlow, TaskSpec } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pilotProjectFlowV2 } from './flows/pilot-project/flow.js';
import { CHAIN_DECISIONS, REVIEW_STEPS, reviewChain, withLeadership } from './review-chain.js';

/** The events of an approval step and of the applicant's revise task (review-task.ts). */
const REVIEW_EVENTS = ['APPROVE', 'RETURN', 'REJECT', 'TRANSFER', 'ADD_APPROVER', 'CC', 'COMMENT'];
const REVISE = {
  step: 'revise',
  role: 'submitter',
  scope: 'submitter',
  events: ['RESUBMIT', 'WITHDRAW'],
  approval: false,
};

describe('the review chain: 二级学院 → 财务审计处 → 教务处 → 领导小组', () => {
  it('each step has its state, its audit step name, its role and where the role holds (第六条1–4, 第十一条)', () => {
    expect(REVIEW_STEPS).toEqual({
      // 第六条4: the college reviews its own applications.
      college: { state: 'collegeReview', step: 'college', role: 'college_lead', scope: 'college' },
      // 第十一条: finance checks the money school-wide.
      finance: { state: 'financeReview', step: 'finance', role: 'finance', scope: 'school' },
      // 第六条2: 教务处.
      academic: {
        state: 'academicReview',
        step: 'academic',
        role: 'academic_affairs',
        scope: 'school',
      },
      // 第六条1–2: the 领导小组.
      leadership: {
        state: 'leadershipReview',
        step: 'leadership',
        role: 'leadership',
        scope: 'school',
      },
    });
    expect(CHAIN_DECISIONS).toEqual({
      RETURN: 'returned',
      REJECT: 'rejected',
      WITHDRAW: 'withdrawn',
    });
  });

  describe('reviewChain', () => {
    const resubmit = z.object({ input: z.string() }).strict();
    const chain = reviewChain({
      steps: [
        REVIEW_STEPS.college,
        { ...REVIEW_STEPS.academic, deadline: { workingDays: 5 }, batch: true },
        REVIEW_STEPS.leadership,
      ],
      resubmit,
      revise: { deadline: { workingDays: 10 }, reminders: [{ workingDays: 7 }] },
    });

    it('one state per step: its approval task (the flow’s additions kept), the applicant may withdraw', () => {
      expect(chain.states).toEqual({
        collegeReview: {
          tasks: [
            {
              step: 'college',
              role: 'college_lead',
              scope: 'college',
              events: REVIEW_EVENTS,
              approval: true,
              replyAllowed: true,
            },
          ],
          submitterEvents: ['WITHDRAW'],
        },
        academicReview: {
          tasks: [
            {
              step: 'academic',
              role: 'academic_affairs',
              scope: 'school',
              events: REVIEW_EVENTS,
              approval: true,
              replyAllowed: true,
              deadline: { workingDays: 5 },
              batch: true,
            },
          ],
          submitterEvents: ['WITHDRAW'],
        },
        // A leadership decision is never taken by reply mail.
        leadershipReview: {
          tasks: [
            {
              step: 'leadership',
              role: 'leadership',
              scope: 'school',
              events: REVIEW_EVENTS,
              approval: true,
              replyAllowed: false,
            },
          ],
          submitterEvents: ['WITHDRAW'],
        },
        // 退回: the applicant revises, with what the flow adds to that task.
        returned: {
          tasks: [{ ...REVISE, deadline: { workingDays: 10 }, reminders: [{ workingDays: 7 }] }],
        },
      });
    });

    it('the decisions carry no data; 重新提交 carries the flow’s payload', () => {
      for (const type of ['APPROVE', 'RETURN', 'REJECT', 'WITHDRAW']) {
        const schema = chain.events?.[type] as z.ZodType;
        expect(schema.safeParse({}).success, type).toBe(true);
        expect(schema.safeParse({ extra: 1 }).success, type).toBe(false);
      }
      expect(chain.events?.RESUBMIT).toBe(resubmit);
    });

    it('outcomes: approved completes, rejected rejects, withdrawn withdraws; a flow may name its approved state', () => {
      expect(chain.outcomes).toEqual({
        approved: 'completed',
        rejected: 'rejected',
        withdrawn: 'withdrawn',
      });
      const established = reviewChain({
        steps: [REVIEW_STEPS.academic],
        resubmit,
        approvedState: 'established',
      });
      expect(established.outcomes).toEqual({
        established: 'completed',
        rejected: 'rejected',
        withdrawn: 'withdrawn',
      });
      // Without additions the revise task is the applicant's plain one.
      expect(established.states?.returned).toEqual({ tasks: [REVISE] });
    });
  });

  describe('withLeadership (第六条2: the chair, or a 会签 of the members)', () => {
    // pilot-project's chain, with a state that has a timer and no task.
    const pilotProjectFlow: AnyFlow = {
      ...pilotProjectFlowV2,
      states: {
        ...pilotProjectFlowV2.states,
        waiting: { timeout: { after: { workingDays: 1 }, event: 'WAITED' } },
      },
    };
    const tasksOf = (flow: AnyFlow): Record<string, readonly TaskSpec[] | undefined> =>
      Object.fromEntries(Object.entries(flow.states).map(([id, s]) => [id, s.tasks]));
    const leadershipTasks = (flow: AnyFlow) =>
      Object.values(flow.states)
        .flatMap((s) => s.tasks ?? [])
        .filter((t) => t.role === 'leadership');

    it('the chair decides by default and when asked: the flow is returned as it is', () => {
      expect(withLeadership(pilotProjectFlow)).toBe(pilotProjectFlow);
      expect(withLeadership(pilotProjectFlow, { mode: 'chair' })).toBe(pilotProjectFlow);
    });

    it('a council: every member (会签 all), only on the 领导小组 tasks; the rest of the flow unchanged', () => {
      const council = withLeadership(pilotProjectFlow, { mode: 'council' });
      expect(leadershipTasks(council).length).toBeGreaterThan(0);
      for (const t of leadershipTasks(council)) expect(t.approvers).toEqual({ mode: 'all' });
      const others = (flow: AnyFlow) =>
        Object.fromEntries(
          Object.entries(tasksOf(flow)).map(([id, tasks]) => [
            id,
            tasks?.filter((t) => t.role !== 'leadership'),
          ]),
        );
      expect(others(council)).toEqual(others(pilotProjectFlow));
      // A state without tasks stays the very same spec; the rest of the definition is kept.
      for (const [id, spec] of Object.entries(pilotProjectFlow.states)) {
        if (!spec.tasks) expect(council.states[id], id).toBe(spec);
      }
      expect({ ...council, states: pilotProjectFlow.states }).toEqual(pilotProjectFlow);
    });

    it('a council with a threshold: that many members of it', () => {
      const council = withLeadership(pilotProjectFlow, { mode: 'council', threshold: 3 });
      for (const t of leadershipTasks(council)) {
        expect(t.approvers).toEqual({ mode: 'all', threshold: 3 });
      }
      expect(leadershipTasks(pilotProjectFlow).every((t) => t.approvers === undefined)).toBe(true);
    });
  });
});
