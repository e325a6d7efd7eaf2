import type { AttachmentStore } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { saveUpload } from '../upload.js';
import { pdfFile } from './files.js';

export interface StoreUnderTest {
  readonly store: AttachmentStore;
  /** Replaces the stored bytes behind certflow's back (a tampered file). */
  tamper(id: string, bytes: Uint8Array): Promise<void>;
  /** Deletes the stored bytes behind certflow's back (a lost file). */
  remove(id: string): Promise<void>;
}

let counter = 0;
const nextId = (): string => `att-${process.pid}-${Date.now()}-${(counter += 1)}`;

/** One contract for every `AttachmentStore` adapter (PostgreSQL, directory). */
export function attachmentStoreContract(name: string, open: () => StoreUnderTest): void {
  describe(`${name}: the attachment store contract`, () => {
    it('keeps the bytes and the record of an upload, the sha256 computed on upload', async () => {
      const { store } = open();
      const bytes = pdfFile();
      const id = nextId();
      const at = new Date('2027-03-01T01:00:00.000Z');
      const record = await saveUpload(store, {
        id,
        name: '方案.pdf',
        declaredType: 'application/pdf',
        bytes,
        limit: 1024 * 1024,
        uploadedBy: 'u-zhang',
        uploadedAt: at,
      });
      expect(record.sha256).toMatch(/^[0-9a-f]{64}$/u);
      expect(record).toMatchObject({ size: bytes.length, mediaType: 'application/pdf' });
      expect(await store.describe(id)).toEqual(record);
      expect(Buffer.from((await store.read(id)) ?? [])).toEqual(Buffer.from(bytes));
    });

    it('answers undefined for an unknown id, and for one that is no file name', async () => {
      const { store } = open();
      expect(await store.describe('nope')).toBeUndefined();
      expect(await store.read('nope')).toBeUndefined();
      expect(await store.read('../etc/passwd')).toBeUndefined();
    });

    it('never overwrites a stored file with the same id', async () => {
      const { store } = open();
      const id = nextId();
      const args = {
        id,
        name: 'a.pdf',
        declaredType: 'application/pdf',
        limit: 1024 * 1024,
        uploadedBy: 'u-zhang',
        uploadedAt: new Date(),
      };
      await saveUpload(store, { ...args, bytes: pdfFile('one') });
      await expect(saveUpload(store, { ...args, bytes: pdfFile('two') })).rejects.toThrow();
      expect(Buffer.from((await store.read(id)) ?? []).toString()).toContain('one');
    });

    it('reads back what was tampered with or removed (verification detects it)', async () => {
      const under = open();
      const id = nextId();
      await saveUpload(under.store, {
        id,
        name: 'a.pdf',
        declaredType: '',
        bytes: pdfFile(),
        limit: 1024 * 1024,
        uploadedBy: 'u-zhang',
        uploadedAt: new Date(),
      });
      await under.tamper(id, pdfFile('forged'));
      expect(Buffer.from((await under.store.read(id)) ?? []).toString()).toContain('forged');
      await under.remove(id);
      expect(await under.store.read(id)).toBeUndefined();
    });
  });
}
