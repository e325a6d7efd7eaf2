import { createTestPostgres, sharedPglite, type TestPostgres } from '@certflow/db/testing';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { approvalSuite } from './contract/approval.js';
import { discoverySuite } from './contract/discovery.js';
import { errorSuite } from './contract/errors.js';
import { hostileSuite } from './contract/hostile.js';
import { inboxSuite } from './contract/inbox.js';
import { startApiWorld, type ApiWorld } from './support/api-world.js';

/**
 * The API contract over real HTTP, once per configuration: embedded PGlite (the `pnpm start`
 * default) and PostgreSQL (the deployment). One file, so one PGlite per test process.
 */
function describeApi(name: string, driver: 'pglite' | 'postgres', open: () => Promise<{ world: ApiWorld; drop: () => Promise<void> }>): void {
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
  });
}

describeApi('API on embedded PGlite', 'pglite', async () => ({
  world: await startApiWorld(await sharedPglite()),
  drop: async () => {},
}));

describeApi('API on PostgreSQL', 'postgres', async () => {
  const pg: TestPostgres = await createTestPostgres();
  return { world: await startApiWorld(pg), drop: () => pg.drop() };
});
