import { customType, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { mode: 'date', precision: 3, withTimezone: true });

/** `bytea` as a Node Buffer (postgres.js sends and returns Buffers). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Uploaded files (docs/attachments.md): what was recorded at upload (the sniffed type, the
 * size, the SHA-256 computed then) and, with the PostgreSQL attachment store, the bytes. A
 * command records an attachment by id and sha256 in its history row; this row is not part of
 * the chain — verification re-hashes `content` against the history row.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: at('uploaded_at').notNull(),
    /** The bytes (PostgreSQL store); null when the files live in a directory. */
    content: bytea('content'),
  },
  (t) => [index('attachments_uploader_idx').on(t.uploadedBy, t.uploadedAt)],
);
