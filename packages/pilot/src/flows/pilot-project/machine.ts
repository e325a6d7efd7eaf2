import { assign, setup } from 'xstate';
import type { JsonObject } from '@certflow/engine';
import type { EffectParams } from '../../effects.js';
import type { ProjectApplication } from './input.js';
import { positionIn, type QuotaPosition } from './quota-position.js';
import { CHAIN_DECISIONS } from '../../review-chain.js';

export interface ProjectContextV2 {
  readonly instanceId: string;
  readonly submitterId: string;
  readonly application: ProjectApplication;
  /**
   * The college's year against its 试点规模数 and last year's executed budget, with the figures
   * — as of the last submission, refreshed at every 同意 so the 领导小组 decides on current ones.
   */
  readonly quota: QuotaPosition;
  readonly revisions: number;
}

interface MachineInput {
  readonly input: ProjectApplication;
  readonly refs: JsonObject;
  readonly instanceId: string;
  readonly submitterId: string;
}

interface Meta {
  readonly refs?: JsonObject;
  readonly at?: string;
}
type Decision = Meta & { type: 'APPROVE' | 'RETURN' | 'REJECT' | 'WITHDRAW'; data: JsonObject };
type Resubmit = Meta & { type: 'RESUBMIT'; data: { input?: ProjectApplication } };
export type ProjectEventV2 = Decision | Resubmit;

const EMPTY: QuotaPosition = {
  over: false,
  reasons: [],
  flags: [],
  scale: { quota: null, college: 0, project: 0 },
  budget: {
    lastYearExecuted: null,
    source: null,
    ledgerSpent: null,
    note: null,
    college: 0,
    project: 0,
  },
  projects: 0,
};

/**
 * Pilot project application, version 2 (第六条2, 第七条2, 第八条1): 二级学院 → 教务处 → 领导小组 →
 * approved, for every project — the 领导小组 approves each project before it is implemented
 * (第六条2). A project that takes the college's year over its 试点规模数 or last year's executed
 * budget carries the applicant's justification and is flagged `quota.over` with the figures
 * (第七条2); its path is the same, so a year's list can be decided together.
 */
export const pilotProjectMachineV2 = setup({
  types: {
    context: {} as ProjectContextV2,
    events: {} as ProjectEventV2,
    input: {} as MachineInput,
  },
  actions: {
    // Effects are returned by `transition` and written to the outbox by the engine; never run here.
    effect: (_, _params: EffectParams) => undefined,
    /** The figures a 同意's rule read (`refs.quota`). */
    refresh: assign(({ context, event }) => ({ quota: positionIn(event.refs) ?? context.quota })),
  },
}).createMachine({
  id: 'pilot-project',
  context: ({ input }) => ({
    instanceId: input.instanceId,
    submitterId: input.submitterId,
    application: input.input,
    quota: positionIn(input.refs) ?? EMPTY,
    revisions: 0,
  }),
  initial: 'collegeReview',
  states: {
    collegeReview: {
      on: { APPROVE: { target: 'academicReview', actions: 'refresh' }, ...CHAIN_DECISIONS },
    },
    academicReview: {
      on: { APPROVE: { target: 'leadershipReview', actions: 'refresh' }, ...CHAIN_DECISIONS },
    },
    leadershipReview: {
      on: { APPROVE: { target: 'approved', actions: 'refresh' }, ...CHAIN_DECISIONS },
    },
    returned: {
      on: {
        RESUBMIT: {
          target: 'collegeReview',
          actions: assign(({ context, event }) => ({
            application: event.data.input ?? context.application,
            quota: positionIn(event.refs) ?? context.quota,
            revisions: context.revisions + 1,
          })),
        },
        WITHDRAW: 'withdrawn',
      },
    },
    approved: {
      type: 'final',
      entry: [
        {
          type: 'effect',
          params: ({ context }) => ({
            kind: 'reference.put',
            refKind: 'project',
            key: context.instanceId,
            value: JSON.parse(
              JSON.stringify({
                id: context.instanceId,
                ownerId: context.submitterId,
                ...context.application,
                status: 'implementing',
                creditBankLocked: false,
                overQuota: context.quota.over,
              }),
            ) as JsonObject,
          }),
        },
        {
          type: 'effect',
          params: ({ context }) => ({
            kind: 'pilot.project.approved',
            projectId: context.instanceId,
            year: context.application.year,
            collegeId: context.application.collegeId,
            overQuota: context.quota.over,
          }),
        },
      ],
    },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});
