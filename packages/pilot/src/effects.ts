import type { JsonObject } from '@certflow/engine';

/** Params of a machine `effect` action: an outbox row of `kind`, or `reference.put`. */
export type EffectParams = JsonObject & { kind: string };
