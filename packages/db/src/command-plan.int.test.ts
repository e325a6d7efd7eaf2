import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyRecord, instanceRecord, later, taskRecord, timerRecord } from './fixtures.js';
import { createTestPostgres, type TestPostgres } from './testing.js';

// Plans, not speed: a command's statements read their rows by key even when the statistics
// were taken on a quiet table (autovacuum analyzed it, then a backlog of open rows came).

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
    const used: string[] = [];
    for (const s of statements) {
      const [row] = await pg.sql.unsafe<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
        `explain (format json) ${s.query}`,
        s.parameters as never[],
      );
      const indexes = indexesIn(row!['QUERY PLAN'][0]!.Plan);
      expect(indexes).not.toContain('timers_pending_due_idx');
      used.push(...indexes);
    }
    // The cancel walks only the instance's pending timers.
    expect(used).toContain('timers_pending_instance_idx');
    expect((await pg.store.read.pendingTimers('pi-7')).map((t) => t.id)).toEqual(['new-1']);
  });
});

describe("a command's read on PostgreSQL, for an instance with a long past", () => {
  let pg: TestPostgres;

  beforeAll(async () => {
    pg = await createTestPostgres({ max: 1 });
    await pg.store.transaction((tx) => tx.insertInstance(instanceRecord({ id: 'old-1' })));
    await pg.sql`
      insert into tasks (id, instance_id, flow_id, state, step, kind, role, college, assignee,
        events, approval, status, created_at, completed_at)
      select 'done-' || g, case when g % 10 = 0 then 'other-' || g else 'old-1' end, 'f', 's',
             'step', 'approval', 'college_lead', 'ee', null, '["APPROVE"]', true, 'done',
             now() - interval '1 day', now()
        from generate_series(1, 20000) g`;
    // Statistics taken while no task was open; then a backlog of open tasks arrives.
    await pg.sql`alter table tasks set (autovacuum_enabled = false)`;
    await pg.sql`analyze tasks`;
    await pg.sql`
      insert into tasks (id, instance_id, flow_id, state, step, kind, role, college, assignee,
        events, approval, status, created_at)
      select 'open-other-' || g, 'other-' || g, 'f', 's', 'step', 'approval', 'college_lead',
             'ee', case when g % 2 = 0 then 'u-' || g else null end, '["APPROVE"]', true, 'open',
             now()
        from generate_series(1, 30000) g`;
    await pg.store.transaction((tx) =>
      tx.insertTasks([taskRecord('open-1', { instanceId: 'old-1' })]),
    );
  });
  afterAll(async () => {
    await pg.drop();
  });

  it('finds its open tasks through their index, on stale statistics too', async () => {
    const statements: { query: string; parameters: unknown[] }[] = [];
    (pg.sql.options as { debug: unknown }).debug = (
      _c: number,
      query: string,
      parameters: unknown[],
    ) => statements.push({ query, parameters });
    const read = await pg.store.unlocked!((tx) => tx.lockInstanceWithOpenTasks('old-1'));
    (pg.sql.options as { debug: unknown }).debug = undefined;
    expect(read?.openTasks.map((t) => t.id)).toEqual(['open-1']);
    const [statement] = statements.filter((s) => s.query.includes('open_tasks'));
    const [row] = await pg.sql.unsafe<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
      `explain (format json) ${statement!.query}`,
      statement!.parameters as never[],
    );
    expect(indexesIn(row!['QUERY PLAN'][0]!.Plan)).toContain('tasks_open_instance_idx');
  });
});
