import { eq } from 'drizzle-orm';
import type { AttachmentRecord, AttachmentStore } from '@certflow/engine';
import type { Database } from './database.js';
import { guarded } from './errors.js';
import { attachments } from './schema/attachment-tables.js';

/**
 * The PostgreSQL attachment store: the record and the bytes in one `attachments` row (bytea).
 * Files are written once and never updated by certflow.
 */
export function createPostgresAttachmentStore(db: Database): AttachmentStore {
  const record = {
    id: attachments.id,
    name: attachments.name,
    mediaType: attachments.mediaType,
    size: attachments.size,
    sha256: attachments.sha256,
    uploadedBy: attachments.uploadedBy,
    uploadedAt: attachments.uploadedAt,
  };
  return {
    put: (r, bytes) =>
      guarded(async () => {
        await db.insert(attachments).values({
          ...r,
          content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        });
      }),
    describe: (id) =>
      guarded(async () => {
        const [row] = await db.select(record).from(attachments).where(eq(attachments.id, id));
        return row satisfies AttachmentRecord | undefined;
      }),
    read: (id) =>
      guarded(async () => {
        const [row] = await db
          .select({ content: attachments.content })
          .from(attachments)
          .where(eq(attachments.id, id));
        return row?.content ? new Uint8Array(row.content) : undefined;
      }),
  };
}
