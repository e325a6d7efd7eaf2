import { z } from 'zod';
import type { CommandEvent } from '../commands/command.js';
import { validationError } from '../commands/command.js';
import type { JsonObject } from '../records.js';
import { attachmentRefSchema } from './attachment-ref.js';

export { attachmentRefSchema, type AttachmentRef } from './attachment-ref.js';

const engineKeys = z
  .object({
    /** 退回 to a chosen earlier step (its step name), instead of to the applicant. */
    toStep: z.string().min(1).max(100).optional(),
    attachments: z.array(attachmentRefSchema).max(50).optional(),
  })
  .strict();

/**
 * The parts of an event's data the engine reads itself, for every flow — `attachments` (their
 * sha256 recorded in the history row, so the hash chain covers them) and `toStep` (退回 to a
 * chosen step) — apart from the flow's own payload, which its schema validates.
 */
export function engineData(event: CommandEvent): { flowData: JsonObject; extra: JsonObject } {
  const { toStep, attachments, ...flowData } = (event.data ?? {}) as JsonObject & {
    toStep?: unknown;
    attachments?: unknown;
  };
  const parsed = engineKeys.safeParse({
    ...(toStep === undefined ? {} : { toStep }),
    ...(attachments === undefined ? {} : { attachments }),
  });
  if (!parsed.success) throw validationError(parsed.error, 'data');
  return { flowData, extra: parsed.data };
}
