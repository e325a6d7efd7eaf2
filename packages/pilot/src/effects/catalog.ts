import { z } from 'zod';
import { withdrawalInput } from '../flows/withdrawal/input.js';

/**
 * The outbox effect kinds of the pilot flows (other than `notify` and `reference.put`), each with
 * the schema its payload is validated against when a handler runs. The engine adds
 * `instanceId`, `flowId` and `subjectId` to every payload.
 */
export const EFFECT_KINDS = {
  /** Open a withdrawal case (第七条1) — from a student fee or a failed/overdue rectification. */
  openWithdrawal: 'pilot.withdrawal.open',
  /** End every other open instance of a cancelled project. */
  endProjectInstances: 'pilot.project.end-open-instances',
} as const;

const origin = {
  instanceId: z.string(),
  flowId: z.string(),
  subjectId: z.string().nullable(),
};

export const openWithdrawalPayload = z.object({
  ...origin,
  kind: z.literal(EFFECT_KINDS.openWithdrawal),
  withdrawal: withdrawalInput,
});
export type OpenWithdrawalPayload = z.infer<typeof openWithdrawalPayload>;

export const endProjectInstancesPayload = z.object({
  ...origin,
  kind: z.literal(EFFECT_KINDS.endProjectInstances),
  projectId: z.string().min(1),
  reason: z.string().min(1),
});
export type EndProjectInstancesPayload = z.infer<typeof endProjectInstancesPayload>;
