import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  historyRecord,
  instanceRecord,
  later,
  taskRecord,
  writeOf,
} from '@certflow/engine/testing';
import { createTestPostgres, type TestPostgres } from './testing/index.js';
import { explain, seqScans } from './testing/query-plans.js';
import { kindOf, StatementLog } from './testing/statement-log.js';

// Plans, not speed, on the tables of a young deployment: a few thousand rows. Each connection
// keeps one generic plan per statement, made on the tables as they were, and the planner takes a
// batch's jsonb row sets for 100 rows each; joined to those, a table of a few thousand rows was
// read whole and hashed for a one-command batch (bench §1: a load read every timer, ≈ 1 ms at
// 1,000), and an update whose rows were lateral to the batch read it once per write.

let pg: TestPostgres;
let log: StatementLog;

beforeAll(async () => {
  pg = await createTestPostgres({ max: 2 });
  log = new StatementLog(pg.sql);
  await pg.sql`
    insert into instances (id, flow_id, flow_version, state, status, version, snapshot,
      submitter_id, title, step_actors, head_hash, created_at, updated_at)
    select 'pi-' || g, 'f', 1, 's', 'active', 1, '{}', 'u', 't', '{}', 'h', now(), now()
      from generate_series(1, 3000) g`;
  await pg.sql`
    insert into tasks (id, instance_id, flow_id, state, step, kind, role, events, approval,
      status, created_at)
    select 'open-' || g, 'pi-' || g, 'f', 's', 'step', 'step', 'lead', '[]', true, 'open', now()
      from generate_series(1, 3000) g`;
  await pg.sql`
    insert into timers (id, instance_id, state, kind, event, due_at, status, created_at)
    select 'pending-' || g, 'pi-' || g, 's', 'remind', 'REMIND', now() + interval '1 year',
      'pending', now()
      from generate_series(1, 3000) g`;
  await pg.sql`analyze`;
});
afterAll(async () => {
  log?.stop();
  await pg?.drop();
});

/** The tables the store's statements sent by `run` read whole. */
async function readWhole(run: () => Promise<unknown>): Promise<string[]> {
  await log.during(run);
  const statements = log.statements.filter((s) => kindOf(s.query) !== 'other');
  expect(statements.length).toBeGreaterThan(0);
  const seq: string[] = [];
  for (const statement of statements) seq.push(...seqScans(await explain(pg.sql, statement)));
  return seq;
}

describe('the command statements on tables of a few thousand rows', () => {
  it('load the timer and the instance by key', async () => {
    const whole = await readWhole(() => pg.store.load({ timerId: 'pending-7' }));
    expect(whole.filter((t) => ['instances', 'timers', 'tasks'].includes(t))).toEqual([]);
  });

  it('update tasks and timers by key', async () => {
    const write = writeOf({
      instance: {
        row: instanceRecord({ id: 'pi-9', version: 2, refKeys: [] }),
        expectedVersion: 1,
      },
      history: historyRecord(2, { instanceId: 'pi-9' }),
      closeTasks: [{ id: 'open-9', status: 'done', by: 'u', at: later(1) }],
      moveTasks: [{ id: 'open-10', dueAt: later(9), dueBasis: taskRecord('t').dueBasis! }],
      cancelTimers: ['pending-9'],
      moveTimers: [{ id: 'pending-10', dueAt: later(99), dueBasis: taskRecord('t').dueBasis! }],
    });
    const whole = await readWhole(() => pg.store.write(write));
    expect(whole.filter((t) => ['instances', 'timers', 'tasks'].includes(t))).toEqual([]);
    expect((await pg.store.load({ timerId: 'pending-9' })).timer?.status).toBe('cancelled');
  });
});
