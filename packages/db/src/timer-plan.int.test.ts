import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyRecord, instanceRecord, later, timerRecord } from './fixtures.js';
import { createTestPostgres, type TestPostgres } from './testing.js';

// Plans, not speed: claiming or cancelling timers reads them by key even when the statistics
// were taken while no timer was pending (autovacuum analyzed a quiet table, then a backlog came).

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const indexesIn = (plan: PlanNode): string[] => [
  ...(plan['Index Name'] ? [plan['Index Name']] : []),
  ...(plan.Plans ?? []).flatMap(indexesIn),
];

describe('timer statements on PostgreSQL with stale statistics', () => {
  let pg: TestPostgres;
  const statements: { query: string; parameters: unknown[] }[] = [];

  beforeAll(async () => {
    pg = await createTestPostgres({ max: 1 });
    await pg.sql`alter table timers set (autovacuum_enabled = false)`;
    await pg.sql`
      insert into timers (id, instance_id, task_id, state, kind, event, due_at, status, created_at)
      select 'f-' || g, 'fi-' || (g % 500), null, 's1', 'remind', 'REMIND', now(), 'fired', now()
        from generate_series(1, 2000) g`;
    await pg.sql`analyze timers`;
    await pg.sql`
      insert into timers (id, instance_id, task_id, state, kind, event, due_at, status, created_at)
      select 'p-' || g, 'pi-' || (g % 5000), null, 's1', 'remind', 'REMIND',
             now() + interval '1 year', 'pending', now()
        from generate_series(1, 50000) g`;
    await pg.store.transaction((tx) => tx.insertInstance(instanceRecord({ id: 'pi-7' })));
    (pg.sql.options as { debug: unknown }).debug = (
      _c: number,
      query: string,
      parameters: unknown[],
    ) => {
      if (query.includes('timers')) statements.push({ query, parameters });
    };
  });
  afterAll(async () => {
    await pg.drop();
  });

  it('claims by primary key and cancels by instance, never through the pending index', async () => {
    await pg.store.transaction(async (tx) => {
      await tx.claimTimer('p-7', later(1));
      await tx.writeCommand({
        instance: instanceRecord({ id: 'pi-7', version: 2 }),
        expectedVersion: 1,
        history: historyRecord(2, { instanceId: 'pi-7' }),
        closeTasks: [],
        newTasks: [],
        cancelTimers: { keepStates: [] },
        timers: [timerRecord('new-1', { instanceId: 'pi-7' })],
        outbox: [],
      });
    });
    (pg.sql.options as { debug: unknown }).debug = undefined;
    expect(statements.length).toBeGreaterThanOrEqual(2);
    for (const s of statements) {
      const [row] = await pg.sql.unsafe<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
        `explain (format json) ${s.query}`,
        s.parameters as never[],
      );
      expect(indexesIn(row!['QUERY PLAN'][0]!.Plan)).not.toContain('timers_pending_due_idx');
    }
    expect((await pg.store.read.pendingTimers('pi-7')).map((t) => t.id)).toEqual(['new-1']);
  });
});
