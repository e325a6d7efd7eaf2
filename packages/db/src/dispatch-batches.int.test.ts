import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { later, outboxRecord } from '@certflow/engine/testing';
import { toJsonRow } from './schema/columns.js';
import { outbox } from './schema/tables.js';
import { createTestPostgres, type TestPostgres } from './testing/index.js';
import { StatementLog } from './testing/statement-log.js';

// A delivery reads its outbox row and marks it delivered; concurrent deliveries (the mails of a
// timer worker's turn) share one statement for each, and one commit for the marks.

let pg: TestPostgres;
let log: StatementLog;
const ids = Array.from({ length: 20 }, (_, n) => `ob-${n}`);

beforeAll(async () => {
  pg = await createTestPostgres({ max: 4 });
  log = new StatementLog(pg.sql);
  const rows = ids.map((id, n) => toJsonRow(outbox, outboxRecord(id, { availableAt: later(n) })));
  await pg.sql`insert into outbox select x.* from
    jsonb_populate_recordset(null::outbox, ${JSON.stringify(rows)}::text::jsonb) x`;
});
afterAll(async () => {
  await pg?.drop();
});

describe('outbox deliveries in batches', () => {
  it('reads the rows of concurrent deliveries in one statement, each as its own record', async () => {
    let read: Awaited<ReturnType<typeof pg.dispatch.getOutbox>>[] = [];
    await log.during(async () => {
      read = await Promise.all([...ids, 'ob-missing'].map((id) => pg.dispatch.getOutbox(id)));
    });
    expect(log.statements).toHaveLength(1);
    expect(read.map((r) => r?.id)).toEqual([...ids, undefined]);
    expect(read[3]).toEqual(outboxRecord('ob-3', { availableAt: later(3) }));
  });

  it('marks concurrent deliveries in one statement; a row already delivered answers false', async () => {
    await pg.dispatch.markDelivered('ob-0', later(50));
    let marked: boolean[] = [];
    await log.during(async () => {
      marked = await Promise.all(ids.map((id) => pg.dispatch.markDelivered(id, later(60))));
    });
    expect(log.statements).toHaveLength(1);
    expect(marked).toEqual(ids.map((id) => id !== 'ob-0'));
    const rows = await pg.sql<{ id: string; status: string; delivered_at: string }[]>`
      select id, status, delivered_at::text from outbox order by id`;
    const deliveredAt = (id: string) => new Date(rows.find((r) => r.id === id)?.delivered_at ?? 0);
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    // The first mark stands: a second never moves the delivery time.
    expect(deliveredAt('ob-0')).toEqual(later(50));
    expect(deliveredAt('ob-7')).toEqual(later(60));
  });

  it('marks the same row twice at once as one delivery', async () => {
    await pg.sql`update outbox set status = 'pending', delivered_at = null where id = 'ob-5'`;
    const twice = await Promise.all([
      pg.dispatch.markDelivered('ob-5', later(70)),
      pg.dispatch.markDelivered('ob-5', later(71)),
    ]);
    expect(twice).toEqual([true, false]);
  });
});
