import { assign, setup } from 'xstate';
import type { JsonObject } from '@certflow/engine';
import type { EffectParams } from '../../effects.js';
import type { AnnualPlanInput, PlanSubmission } from './input.js';

/** Reference data kind of a college's plan for a year: `open` while called, `filed` when done. */
export const ANNUAL_PLAN_REF = 'annual-plan';

export interface PlanTotals {
  readonly certificates: number;
  readonly scale: number;
  /** Fen. */
  readonly budget: number;
}

export interface PlanLeadershipCheck {
  readonly needsLeadership: boolean;
  /** Why the 领导小组 must approve: `scale`, `budget`, `quota-missing`. */
  readonly reasons: readonly string[];
}

export interface AnnualPlanContext {
  readonly instanceId: string;
  /** The call: year and college (named `request` so mail shows the year). */
  readonly request: AnnualPlanInput;
  /** The plan as last submitted, or null while the college compiles it. */
  readonly plan: PlanSubmission | null;
  readonly totals: PlanTotals | null;
  readonly leadership: PlanLeadershipCheck;
  readonly revisions: number;
}

interface MachineInput {
  readonly input: AnnualPlanInput;
  readonly instanceId: string;
}

type Submit = { type: 'SUBMIT_PLAN'; data: PlanSubmission; refs: JsonObject };
type Decision = { type: 'APPROVE' | 'RETURN'; data: JsonObject };
export type AnnualPlanEvent = Submit | Decision;

const totalsOf = (refs: JsonObject): PlanTotals => {
  const t = (refs.totals ?? {}) as Partial<PlanTotals>;
  return { certificates: t.certificates ?? 0, scale: t.scale ?? 0, budget: t.budget ?? 0 };
};

const leadershipOf = (refs: JsonObject): PlanLeadershipCheck => ({
  needsLeadership: refs.needsLeadership === true,
  reasons: Array.isArray(refs.reasons) ? refs.reasons.map(String) : [],
});

/** The `reference.put` effect of the college's plan row: `open` at the call, `filed` at the end. */
const planRef = (context: AnnualPlanContext, status: 'open' | 'filed'): EffectParams => ({
  kind: 'reference.put',
  refKind: ANNUAL_PLAN_REF,
  key: `${context.request.year}/${context.request.collegeId}`,
  value: {
    instanceId: context.instanceId,
    year: context.request.year,
    collegeId: context.request.collegeId,
    status,
    ...(status === 'filed' && context.plan
      ? { lines: context.plan.lines, totals: { ...context.totals } }
      : {}),
  },
});

/**
 * The annual plan call (第七条2): each autumn semester a college compiles next year's
 * certificate assessment plan and budget indicators by a deadline; 教务处 reviews it; a plan
 * over the pilot scale or last year's executed budget also needs the 领导小组.
 */
export const annualPlanMachine = setup({
  types: {
    context: {} as AnnualPlanContext,
    events: {} as AnnualPlanEvent,
    input: {} as MachineInput,
  },
  actions: {
    effect: (_, _params: EffectParams) => undefined,
    recordPlan: assign(({ context, event }) => {
      const e = event as Submit;
      return {
        plan: e.data,
        totals: totalsOf(e.refs),
        leadership: leadershipOf(e.refs),
        revisions: context.plan ? context.revisions + 1 : context.revisions,
      };
    }),
  },
  guards: {
    needsLeadership: ({ context }) => context.leadership.needsLeadership,
  },
}).createMachine({
  id: 'annual-plan',
  context: ({ input }) => ({
    instanceId: input.instanceId,
    request: input.input,
    plan: null,
    totals: null,
    leadership: { needsLeadership: false, reasons: [] },
    revisions: 0,
  }),
  initial: 'compiling',
  states: {
    compiling: {
      entry: { type: 'effect', params: ({ context }) => planRef(context, 'open') },
      on: { SUBMIT_PLAN: { target: 'academicReview', actions: 'recordPlan' } },
    },
    academicReview: {
      on: {
        APPROVE: [{ guard: 'needsLeadership', target: 'leadershipReview' }, { target: 'filed' }],
        RETURN: 'returned',
      },
    },
    leadershipReview: {
      on: { APPROVE: 'filed', RETURN: 'returned' },
    },
    returned: {
      on: { SUBMIT_PLAN: { target: 'academicReview', actions: 'recordPlan' } },
    },
    filed: {
      type: 'final',
      entry: { type: 'effect', params: ({ context }) => planRef(context, 'filed') },
    },
  },
});
