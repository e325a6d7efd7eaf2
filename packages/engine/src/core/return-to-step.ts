import { refuse } from '../errors.js';
import type { AnyFlow } from '../flows/flow.js';
import type { LoadedInstance } from '../ports/store.js';
import type { InstanceRecord, StepDecision } from '../records.js';
import type { Actor } from './actor.js';
import type { DecideContext } from './context.js';
import { jumpTo, snapshotAt, stateOfStep } from './jump.js';
import type { AuditedEvent, InstanceChange } from './outcome.js';

/** `stepActors` as the decisions `kept` record them (the step's first decider under its name). */
export function stepActorsOf(kept: readonly StepDecision[]): InstanceRecord['stepActors'] {
  const out: Record<string, string> = {};
  for (const d of kept) {
    const taken = Object.keys(out).filter((k) => k === d.step || k.startsWith(`${d.step}#`)).length;
    out[taken === 0 ? d.step : `${d.step}#${taken + 1}`] = d.actorId;
  }
  return out;
}

/**
 * The steps 退回 may send this instance back to: decided since its last (re)submission (a
 * decision before it is `supersededBy`, the step not passed again yet), and not open now.
 */
export function returnableSteps(flow: AnyFlow, row: InstanceRecord): string[] {
  const open = new Set(row.state.split(','));
  const steps = row.decisions
    .filter((d) => d.supersededBy === undefined)
    .map((d) => d.step)
    .filter((step) => {
      const state = stateOfStep(flow, step);
      return state !== undefined && !open.has(state);
    });
  return [...new Set(steps)];
}

/**
 * 退回 to a chosen earlier step: the instance goes back to the step's state, re-assigned to whoever
 * decided it there, and every decision from that step on is undone (they decide again; separation
 * of duties counts what is kept). Only a step passed since the last (re)submission and not open
 * now (`returnableSteps`): else `STEP_NOT_REACHED`.
 */
export function returnToStep(
  ctx: DecideContext,
  args: {
    flow: AnyFlow;
    loaded: LoadedInstance;
    actor: Actor;
    event: AuditedEvent;
    toStep: string;
  },
): InstanceChange {
  const { flow, loaded, toStep } = args;
  const row = loaded.row;
  const live = row.decisions.filter((d) => d.step === toStep && d.supersededBy === undefined);
  const first = live[0];
  const state = stateOfStep(flow, toStep);
  if (!first || !state || !returnableSteps(flow, row).includes(toStep)) {
    throw refuse(
      'STEP_NOT_REACHED',
      { toStep },
      {
        zh: `只能退回到本流程已经办理过的环节（${toStep} 尚未办理或就是当前环节）`,
        en: `Only a step this instance has already passed can be returned to (${toStep})`,
      },
    );
  }
  const kept = row.decisions.filter((d) => d.seq < first.seq);
  const deciders = [...new Set(live.map((d) => d.actorId))];
  return jumpTo(ctx, {
    flow,
    loaded,
    actor: args.actor,
    event: args.event,
    leaves: [state],
    snapshot: snapshotAt(flow, row.snapshot, [state]),
    restore: { stepActors: stepActorsOf(kept), decisions: kept, steps: {} },
    assign: { step: toStep, slots: deciders.map((id) => ({ kind: 'person', id })) },
  });
}
