import type { DbHandle } from '@certflow/db';
import { emptyWrite, referenceId, type JsonObject } from '@certflow/engine';
import { history, instances, outbox, tasks, timers } from '@certflow/db';
import type { StoreHarness } from './harness.js';

/** A `StoreHarness` over a real database handle (PostgreSQL, the service or embedded). */
export function dbHarness(name: string, handle: DbHandle<unknown>): StoreHarness {
  const { db } = handle;
  return {
    name,
    store: handle.store,
    directory: handle.directory,
    dump: async () => {
      const byKey = <T>(rows: T[], key: (r: T) => string): T[] =>
        rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      return JSON.stringify({
        instances: byKey(await db.select().from(instances), (r) => r.id),
        history: byKey(
          await db.select().from(history),
          (r) => `${r.instanceId}#${String(r.seq).padStart(9, '0')}`,
        ),
        tasks: byKey(await db.select().from(tasks), (r) => r.id),
        timers: byKey(await db.select().from(timers), (r) => r.id),
        outbox: byKey(await db.select().from(outbox), (r) => r.id),
      });
    },
    // As an administrator writes it: at the version it has now.
    setReference: async (kind, key, value) => {
      const loaded = await handle.store.load({ references: [{ kind, key }] });
      const expectedVersion = loaded.references.get(referenceId(kind, key))?.version ?? null;
      await handle.store.write({
        ...emptyWrite(),
        references: [{ kind, key, value: value as JsonObject, expectedVersion }],
      });
    },
  };
}
