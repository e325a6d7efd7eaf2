import {
  InfrastructureError,
  isDomainError,
  SYSTEM_ACTOR,
  type Engine,
  type InstanceQuery,
  type InstanceRecord,
  type JsonObject,
} from '@certflow/engine';
import type { ZodType } from 'zod';
import {
  EFFECT_KINDS,
  endProjectInstancesPayload,
  openWithdrawalPayload,
  type EndProjectInstancesPayload,
  type OpenWithdrawalPayload,
} from './catalog.js';

/** Lists instances; the engine's `Store.read` satisfies it. */
export interface InstanceLister {
  listInstances(query: InstanceQuery): Promise<{ items: InstanceRecord[]; total: number }>;
}

/** What a handler gets besides its payload. */
export interface EffectContext {
  readonly engine: Engine;
  /** The outbox row id: the idempotency key of whatever the handler starts. */
  readonly outboxId: string;
  /** To find a project's open instances (the engine has no listing of its own yet). */
  readonly instances: InstanceLister;
}

export type EffectHandler = (payload: JsonObject, ctx: EffectContext) => Promise<void>;

function parse<T>(schema: ZodType<T>, payload: JsonObject, kind: string): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new InfrastructureError('EFFECT_PAYLOAD_INVALID', `${kind}: ${parsed.error.message}`, {
      retryable: false,
    });
  }
  return parsed.data;
}

/**
 * Open the withdrawal case — or, when the project has an open one, add this trigger to it as
 * evidence (第七条1: one open case per project; `ifOpen: 'add-evidence'`, decided atomically by
 * the withdrawal flow on the project's case file). A project already cancelled needs none.
 * Redelivery starts nothing new (idempotency key).
 */
async function openWithdrawal(payload: JsonObject, ctx: EffectContext): Promise<void> {
  const p: OpenWithdrawalPayload = parse(
    openWithdrawalPayload,
    payload,
    EFFECT_KINDS.openWithdrawal,
  );
  try {
    await ctx.engine.start(
      'withdrawal',
      { ...p.withdrawal, ifOpen: 'add-evidence' },
      SYSTEM_ACTOR,
      {
        idempotencyKey: `effect-${ctx.outboxId}`,
      },
    );
  } catch (error) {
    if (isDomainError(error) && error.code === 'PROJECT_NOT_IMPLEMENTING') return;
    throw error;
  }
}

/** End every other open instance of the cancelled project, each with an audit row saying why. */
async function endProjectInstances(payload: JsonObject, ctx: EffectContext): Promise<void> {
  const p: EndProjectInstancesPayload = parse(
    endProjectInstancesPayload,
    payload,
    EFFECT_KINDS.endProjectInstances,
  );
  const page = 200;
  for (;;) {
    // Always the first page: each cancelled instance leaves the `active` listing.
    const { items } = await ctx.instances.listInstances({
      subjectId: p.projectId,
      status: 'active',
      limit: page,
      offset: 0,
    });
    const others = items.filter((i) => i.id !== p.instanceId);
    for (const i of others) await ctx.engine.cancel(i.id, p.reason);
    if (items.length < page || others.length === 0) return;
  }
}

/** Handlers of the pilot's outbox effect kinds (every kind but `notify`). Each is idempotent. */
export const pilotEffectHandlers: Readonly<Record<string, EffectHandler>> = {
  [EFFECT_KINDS.openWithdrawal]: openWithdrawal,
  [EFFECT_KINDS.endProjectInstances]: endProjectInstances,
  // Announcements: the approval itself already wrote its records (reference.put) in the same
  // transaction; these rows only tell integrations (webhooks, reports) and need no work here.
  'pilot.project.approved': async () => undefined,
  'pilot.certificate-change.approved': async () => undefined,
  'pilot.teacher-training.approved': async () => undefined,
  'pilot.training-base.established': async () => undefined,
  'pilot.report.overdue': async () => undefined,
  'pilot.report.feedback': async () => undefined,
};
