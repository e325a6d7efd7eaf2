import type { IdGenerator } from '../ports/clock.js';
import type { ReferenceWrite } from '../flows/flow.js';
import type { InstanceRecord, JsonObject, OutboxRecord } from '../records.js';

/** The effect kind that writes reference data inside the command's own transaction. */
export const REFERENCE_PUT = 'reference.put';

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Machine actions of type `effect` become outbox rows of kind `params.kind`, except
 * `reference.put`, which writes reference data in the command's own transaction.
 * Built-in `xstate.*` actions are never executed or persisted.
 */
export function effectsOf(
  instance: InstanceRecord,
  actions: readonly unknown[],
  now: Date,
  ids: IdGenerator,
): { outbox: OutboxRecord[]; references: ReferenceWrite[] } {
  const outbox: OutboxRecord[] = [];
  const references: ReferenceWrite[] = [];
  for (const action of actions) {
    const a = action as { type?: unknown; params?: unknown };
    if (a.type !== 'effect' || !isObject(a.params)) continue;
    const params = JSON.parse(JSON.stringify(a.params)) as JsonObject;
    const kind = typeof params.kind === 'string' ? params.kind : 'effect';
    if (kind === REFERENCE_PUT) {
      const { refKind, key, value } = params;
      if (typeof refKind !== 'string' || typeof key !== 'string' || !isObject(value)) {
        throw new TypeError(`flow ${instance.flowId}: malformed ${REFERENCE_PUT} effect`);
      }
      references.push({ kind: refKind, key, value });
      continue;
    }
    outbox.push({
      id: ids(),
      instanceId: instance.id,
      kind,
      payload: {
        ...params,
        instanceId: instance.id,
        flowId: instance.flowId,
        subjectId: instance.subjectId,
      },
      status: 'pending',
      attempts: 0,
      createdAt: now,
      availableAt: now,
      deliveredAt: null,
      lastError: null,
    });
  }
  return { outbox, references };
}
