import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPostgres, type TestPostgres } from './testing.js';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await createTestPostgres({ max: 12 });
});
afterAll(async () => {
  await pg?.drop();
});

describe('reference data read inside a command is locked until commit', () => {
  it('ten concurrent read-modify-write transactions lose no update', async () => {
    await pg.store.transaction((tx) => tx.putReference('ledger', 'p1', { spent: 0 }));
    await Promise.all(
      Array.from({ length: 10 }, () =>
        pg.store.transaction(async (tx) => {
          const current = (await tx.reference('ledger', 'p1')) as { spent: number };
          await new Promise((r) => setTimeout(r, 20));
          await tx.putReference('ledger', 'p1', { spent: current.spent + 100 });
        }),
      ),
    );
    expect(await pg.store.read.reference('ledger', 'p1')).toEqual({ spent: 1000 });
  });
});
