import { DomainError } from '../errors.js';
import type { Loaded, LoadedInstance } from '../ports/store.js';
import type { InstanceRecord } from '../records.js';
import type { Actor } from './actor.js';
import type { DecideContext } from './context.js';
import { Notifications } from './notifications.js';
import { changeWrite, type Decided } from './outcome.js';
import { referenceReader } from './references.js';
import type { InstanceView } from './view.js';

/**
 * End an active instance as `cancelled` (its project was withdrawn): its open tasks and pending
 * timers end, the applicant is told why, the flow's `CANCEL` rule may write references. An
 * instance that has already ended is left alone (no write, `undefined`).
 */
export function decideCancel(
  ctx: DecideContext,
  loaded: Loaded,
  current: LoadedInstance,
  reason: string,
  actor: Actor,
): Decided<InstanceView | undefined> {
  const instance = current.row;
  if (instance.status !== 'active') return { write: null, result: undefined };
  const flow = ctx.flows.get(instance.flowId, instance.flowVersion);
  const rule = flow.rules?.['CANCEL'];
  const verdict = rule
    ? rule({
        context: (instance.snapshot as { context?: unknown }).context,
        event: { type: 'CANCEL', data: { reason } },
        actor,
        state: instance.state,
        refs: referenceReader(loaded, instance.refKeys),
        now: ctx.now,
      })
    : undefined;
  if (verdict instanceof DomainError) throw verdict;
  const ended: InstanceRecord = { ...instance, status: 'cancelled' };
  return changeWrite(
    {
      loaded: current,
      actor,
      event: { type: 'CANCEL', data: { reason }, comment: reason },
      status: 'cancelled',
      closeCancelled: current.openTasks.map((t) => t.id),
      cancelTimers: current.pendingTimers.map((t) => t.id),
      outbox: new Notifications(ctx.people, ctx.ids, ctx.now).forEnd(
        ended,
        actor,
        reason,
        'CANCEL',
      ),
      references: verdict?.writes ?? [],
    },
    loaded,
    ctx.now,
  );
}
