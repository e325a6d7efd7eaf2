import { z } from 'zod';

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
