import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttachmentRecord, AttachmentStore } from '@certflow/engine';

/** Ids the store makes file names of: no separators, no `..`. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/u;

interface RecordFile extends Omit<AttachmentRecord, 'uploadedAt'> {
  readonly uploadedAt: string;
}

/**
 * The directory attachment store (`CERTFLOW_ATTACHMENT_DIR`): `<id>` holds the bytes and
 * `<id>.json` the record. Both are written under a temporary name and linked into place, which
 * fails when the name exists: a stored file is never overwritten (one that changes afterwards
 * fails verification).
 */
export function createDirectoryAttachmentStore(dir: string): AttachmentStore {
  let ready: Promise<unknown> | undefined;
  const path = (id: string, suffix = ''): string | undefined =>
    SAFE_ID.test(id) ? join(dir, `${id}${suffix}`) : undefined;
  const missing = (error: unknown): boolean =>
    (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

  async function place(target: string, data: Uint8Array | string): Promise<void> {
    const temp = `${target}.${process.pid}.part`;
    await writeFile(temp, data, { flag: 'wx' });
    try {
      await link(temp, target);
    } finally {
      await unlink(temp);
    }
  }

  return {
    async put(record, bytes) {
      const file = path(record.id);
      const meta = path(record.id, '.json');
      if (!file || !meta) throw new TypeError(`not a storable attachment id: ${record.id}`);
      ready ??= mkdir(dir, { recursive: true });
      await ready;
      await place(file, bytes);
      const json: RecordFile = { ...record, uploadedAt: record.uploadedAt.toISOString() };
      await place(meta, JSON.stringify(json));
    },
    async describe(id) {
      const meta = path(id, '.json');
      if (!meta) return undefined;
      try {
        const json = JSON.parse(await readFile(meta, 'utf8')) as RecordFile;
        return { ...json, uploadedAt: new Date(json.uploadedAt) };
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    async read(id) {
      const file = path(id);
      if (!file) return undefined;
      try {
        return new Uint8Array(await readFile(file));
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
  };
}
