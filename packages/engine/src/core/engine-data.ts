import { z } from 'zod';
import type { CommandEvent } from '../commands/command.js';
import { validationError } from '../commands/command.js';
import type { JsonObject } from '../records.js';

/** A file attached to an application or a decision: its digest goes into the audit chain. */
export const attachmentRefSchema = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().min(1).max(255),
    sha256: z.string().regex(/^[0-9a-f]{64}$/u, 'a sha256 in lowercase hex'),
    size: z.number().int().nonnegative(),
    mediaType: z.string().min(1).max(127),
  })
  .strict();
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

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
