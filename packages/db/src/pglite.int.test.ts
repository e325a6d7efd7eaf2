import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite } from './pglite.js';
import { instanceRecord } from './fixtures.js';

// Opens its own PGlite twice (one at a time): only this file pays for it.
describe('PGlite on disk', () => {
  it('keeps data in dataDir across close and reopen, and migrating again is a no-op', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'certflow-pglite-'));
    try {
      const first = await openPglite({ dataDir });
      await first.store.transaction((tx) => tx.insertInstance(instanceRecord()));
      await first.close();

      const second = await openPglite({ dataDir });
      try {
        expect(await second.store.read.getInstance('i-1')).toStrictEqual(instanceRecord());
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
