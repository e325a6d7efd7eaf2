import {
  attachmentRefSchema,
  type AttachmentRef,
  type AttachmentStore,
  type HistoryRecord,
} from '@certflow/engine';
import { sha256Hex } from './upload.js';

/** One attachment recorded in a history row, and what re-hashing its stored file found. */
export interface AttachmentFinding {
  readonly seq: number;
  readonly ref: AttachmentRef;
  readonly check: 'ok' | 'missing' | 'altered';
}

/** Every attachment the history records (START's and the events' `data.attachments`), in order. */
export function attachmentsOf(
  history: readonly HistoryRecord[],
): { seq: number; ref: AttachmentRef }[] {
  return history.flatMap((row) => {
    const list = row.data['attachments'];
    if (!Array.isArray(list)) return [];
    return list.flatMap((item) => {
      const ref = attachmentRefSchema.safeParse(item);
      return ref.success ? [{ seq: row.seq, ref: ref.data }] : [];
    });
  });
}

/**
 * Re-hashes the stored file of every attachment the history records against the sha256 and size
 * in its history row (which the hash chain covers): `missing` when the store has no bytes,
 * `altered` when they differ.
 */
export async function verifyAttachments(
  store: AttachmentStore,
  history: readonly HistoryRecord[],
): Promise<AttachmentFinding[]> {
  const findings: AttachmentFinding[] = [];
  for (const { seq, ref } of attachmentsOf(history)) {
    const bytes = await store.read(ref.id);
    const check = !bytes
      ? 'missing'
      : bytes.length === ref.size && sha256Hex(bytes) === ref.sha256
        ? 'ok'
        : 'altered';
    findings.push({ seq, ref, check });
  }
  return findings;
}
