import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbedded } from '@certflow/db';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { approvalSuite } from './contract/approval.js';
import { directorySuite } from './contract/directory.js';
import { discoverySuite } from './contract/discovery.js';
import { errorSuite } from './contract/errors.js';
import { hostileSuite } from './contract/hostile.js';
import { inboxSuite } from './contract/inbox.js';
import { messagesSuite } from './contract/messages.js';
import { visibilitySuite } from './contract/visibility.js';
import { startApiWorld, type ApiWorld } from './support/api-world.js';

/**
 * The API contract over real HTTP, once per configuration: the embedded PostgreSQL of
 * `pnpm start` (managed in a data directory) and the PostgreSQL service of a deployment.
 */
function describeApi(
  name: string,
  driver: 'embedded' | 'postgres',
  open: () => Promise<{ world: ApiWorld; drop: () => Promise<void> }>,
): void {
  describe(name, () => {
    let world: ApiWorld | undefined;
    let drop: () => Promise<void> = async () => {};
    const w = (): ApiWorld => {
      if (!world) throw new Error('the API world did not start');
      return world;
    };
    beforeAll(async () => {
      ({ world, drop } = await open());
    });
    beforeEach(() => w().reset());
    afterAll(async () => {
      await world?.close();
      await drop();
    });
    discoverySuite(w, driver);
    approvalSuite(w);
    errorSuite(w);
    inboxSuite(w);
    hostileSuite(w);
    visibilitySuite(w);
    messagesSuite(w);
    directorySuite(w);
  });
}

describeApi('API on embedded PostgreSQL', 'embedded', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'certflow-api-'));
  const handle = await openEmbedded({ dataDir });
  return {
    world: await startApiWorld(handle, { driver: 'embedded' }),
    drop: async () => {
      await handle.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

describeApi('API on PostgreSQL', 'postgres', async () => {
  const pg: TestPostgres = await createTestPostgres();
  return { world: await startApiWorld(pg), drop: () => pg.drop() };
});
