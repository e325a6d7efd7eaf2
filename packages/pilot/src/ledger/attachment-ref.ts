import { z } from 'zod';

/**
 * A reference to a stored file (scan, video, receipt) — the flows keep references only, never the
 * file. A URI-like string such as `att://2027/ee/cert-scan-001.pdf`.
 */
export const attachmentRef = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .regex(/^[a-z][a-z0-9+.-]*:\/\/\S+$/u, 'an attachment reference like att://…');
