import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachments, createPostgresAttachmentStore } from '@certflow/db';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { createDirectoryAttachmentStore } from './directory-store.js';
import { attachmentStoreContract } from './testing/store-contract.js';

let pg: TestPostgres;
let dir: string;
beforeAll(async () => {
  pg = await createTestPostgres();
  dir = await mkdtemp(join(tmpdir(), 'certflow-attachments-'));
});
afterAll(async () => {
  await pg.drop();
  await rm(dir, { recursive: true, force: true });
});

attachmentStoreContract('PostgreSQL (table attachments)', () => ({
  store: createPostgresAttachmentStore(pg.db),
  tamper: async (id, bytes) => {
    await pg.db
      .update(attachments)
      .set({ content: Buffer.from(bytes) })
      .where(eq(attachments.id, id));
  },
  remove: async (id) => {
    await pg.db.update(attachments).set({ content: null }).where(eq(attachments.id, id));
  },
}));

attachmentStoreContract('a directory (CERTFLOW_ATTACHMENT_DIR)', () => ({
  store: createDirectoryAttachmentStore(join(dir, 'files')),
  tamper: (id, bytes) => writeFile(join(dir, 'files', id), bytes),
  remove: (id) => unlink(join(dir, 'files', id)),
}));
