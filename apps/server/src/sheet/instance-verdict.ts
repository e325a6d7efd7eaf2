import { verifyAttachments, type AttachmentFinding } from '@certflow/attachments';
import type { AttachmentStore, Engine, HistoryRecord } from '@certflow/engine';

export interface InstanceVerdict {
  /** The chain verifies and every recorded attachment's stored file matches its sha256. */
  readonly ok: boolean;
  readonly count: number;
  /** The first row that broke (chain), or whose attachment failed. */
  readonly brokenAt?: number;
  /** `sequence` / `link` / `hash` (the chain), `attachment-missing` / `attachment-altered`. */
  readonly reason?: string;
  readonly attachments: readonly AttachmentFinding[];
  readonly history: readonly HistoryRecord[];
}

/**
 * `engine.verifyHistory` (the hash chain, which covers every attachment's sha256) and the stored
 * files re-hashed against the history rows (docs/attachments.md § Verification).
 */
export async function verifyInstance(
  engine: Engine,
  store: AttachmentStore,
  instanceId: string,
): Promise<InstanceVerdict> {
  const verdict = await engine.verifyHistory(instanceId);
  const history = await engine.history(instanceId);
  const attachments = await verifyAttachments(store, history);
  const bad = attachments.find((f) => f.check !== 'ok');
  const broken = !verdict.ok
    ? { brokenAt: verdict.brokenAt, reason: verdict.reason }
    : bad
      ? { brokenAt: bad.seq, reason: `attachment-${bad.check}` }
      : {};
  return { ok: verdict.ok && !bad, count: verdict.count, ...broken, attachments, history };
}
