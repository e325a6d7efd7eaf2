import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandWrite } from '@certflow/engine';
import {
  auditRecord,
  historyRecord,
  idempotencyRecord,
  instanceRecord,
  later,
  taskRecord,
  timerRecord,
  writeOf,
} from '@certflow/engine/testing';
import { createTestPostgres, type TestPostgres } from './testing/index.js';
import { explain, indexesOf, seqScans, wholeIndexScans } from './testing/query-plans.js';
import { kindOf, StatementLog, type LoggedStatement } from './testing/statement-log.js';

// Plans, not speed: the load and the write read every row by key — instances, their open tasks
// and pending timers through the partial indexes — even when the statistics were taken on a
// quiet table (autovacuum analyzed it, then a backlog of open rows came), and never through
// `timers_pending_due_idx` (every pending timer: the pollers' index).

let pg: TestPostgres;
let log: StatementLog;

beforeAll(async () => {
  pg = await createTestPostgres({ max: 2 });
  log = new StatementLog(pg.sql);
  for (const table of ['instances', 'tasks', 'timers']) {
    await pg.sql.unsafe(`alter table ${table} set (autovacuum_enabled = false)`);
  }
  // The quiet past: instances, finished tasks and fired timers, analyzed.
  await insertInstances(pg, 20000);
  await pg.sql`
    insert into tasks (id, instance_id, flow_id, state, step, kind, role, events, approval,
      status, created_at, completed_at)
    select 'done-' || g, 'pi-' || (g % 50), 'f', 's', 'step', 'step', 'lead', '[]', true,
      'done', now(), now()
      from generate_series(1, 20000) g`;
  await pg.sql`
    insert into timers (id, instance_id, state, kind, event, due_at, status, created_at)
    select 'fired-' || g, 'pi-' || (g % 500), 's', 'remind', 'REMIND', now(), 'fired', now()
      from generate_series(1, 2000) g`;
  // The tables a write checks keys and versions in, each with a past of its own.
  await pg.sql`
    insert into idempotency_keys (scope, key, actor_id, fingerprint, instance_id, result,
      created_at)
    select 'u|pi-' || g, 'k-' || g, 'u', 'f', 'pi-' || g, '{}', now()
      from generate_series(1, 20000) g`;
  await pg.sql`
    insert into reference_data (kind, key, value, version, updated_at)
    select 'quota', 'q-' || g, '{}', 1, now() from generate_series(1, 20000) g`;
  await pg.sql`
    insert into admin_audit (seq, at, actor_id, action, subject, data, prev_hash, hash)
    select g, now(), 'a', 'x', 's', '{}', 'p', 'h' from generate_series(1, 20000) g`;
  await pg.sql`
    insert into mail_action_tokens (token_hash, purpose, kid, task_id, instance_id,
      approver_id, outbox_id, expires_at, created_at)
    select 't-' || g, 'action', 'k', 'open-' || g, 'pi-' || g, 'u', 'o', now() + interval '1 day',
      now() from generate_series(1, 20000) g`;
  await pg.sql`analyze`;
  // Then a backlog of open tasks and pending timers arrives, unseen by the statistics.
  await insertOpenTasks(pg, 20000);
  await insertPendingTimers(pg, 40000, 10000);
});
afterAll(async () => {
  log?.stop();
  await pg?.drop();
});

/** `n` active instances `pi-1`…`pi-n`. */
async function insertInstances(db: TestPostgres, n: number): Promise<void> {
  await db.sql`
    insert into instances (id, flow_id, flow_version, state, status, version, snapshot,
      submitter_id, title, step_actors, head_hash, created_at, updated_at)
    select 'pi-' || g, 'f', 1, 's', 'active', 1, '{}', 'u', 't', '{}', 'h', now(), now()
      from generate_series(1, ${n}::int) g`;
}

/** `n` open tasks `open-1`…`open-n`, one on each instance `pi-<k>`. */
async function insertOpenTasks(db: TestPostgres, n: number): Promise<void> {
  await db.sql`
    insert into tasks (id, instance_id, flow_id, state, step, kind, role, events, approval,
      status, created_at)
    select 'open-' || g, 'pi-' || g, 'f', 's', 'step', 'step', 'lead', '[]', true, 'open', now()
      from generate_series(1, ${n}::int) g`;
}

/** `n` pending timers `pending-1`…`pending-n`, due in a year, over instances `pi-<k mod m>`. */
async function insertPendingTimers(db: TestPostgres, n: number, m: number): Promise<void> {
  await db.sql`
    insert into timers (id, instance_id, state, kind, event, due_at, status, created_at)
    select 'pending-' || g, 'pi-' || (g % ${m}::int), 's', 'remind', 'REMIND',
      now() + interval '1 year', 'pending', now()
      from generate_series(1, ${n}::int) g`;
}

interface Scans {
  /** Tables read whole. */
  readonly seq: string[];
  /** Indexes walked whole (`<index> on <table>`). */
  readonly whole: string[];
  readonly indexes: string[];
}

/** What the plans of the store's statements that `run` sent (on `db`, logged by `by`) read, and how. */
async function scansOf(
  run: () => Promise<unknown>,
  db: TestPostgres = pg,
  by: StatementLog = log,
): Promise<Scans> {
  await by.during(run);
  const statements: LoggedStatement[] = by.statements.filter((s) => kindOf(s.query) !== 'other');
  expect(statements.length).toBeGreaterThan(0);
  const scans: Scans = { seq: [], whole: [], indexes: [] };
  for (const statement of statements) {
    const nodes = await explain(db.sql, statement);
    scans.seq.push(...seqScans(nodes));
    scans.whole.push(...wholeIndexScans(nodes));
    scans.indexes.push(...indexesOf(nodes));
  }
  return scans;
}

/** Neither read whole nor walked whole through an index: `tables` are read by key. */
function byKey(scans: Scans, tables: readonly string[]): void {
  expect(scans.seq.filter((t) => tables.includes(t))).toEqual([]);
  expect(scans.whole.filter((w) => tables.some((t) => w.endsWith(` on ${t}`)))).toEqual([]);
}

const load = () =>
  Promise.all([
    pg.store.load({
      instanceId: 'pi-7',
      references: [{ kind: 'quota', key: 'q-7' }],
      idempotency: { scope: 'u|pi-7', key: 'k-7' },
      auditHead: true,
    }),
    pg.store.load({ timerId: 'pending-7' }),
  ]);

/** A write that touches every kind of row, on instance `pi-<n>`. */
const write = (n: number): CommandWrite =>
  writeOf({
    instance: {
      row: instanceRecord({ id: `pi-${n}`, version: 2, refKeys: [] }),
      expectedVersion: 1,
    },
    history: historyRecord(2, { instanceId: `pi-${n}` }),
    closeTasks: [{ id: `open-${n}`, status: 'done', by: 'u', at: later(1) }],
    updateTasks: [taskRecord(`open-${n + 1}`, { instanceId: `pi-${n + 1}`, assignee: 'u-2' })],
    moveTasks: [{ id: `open-${n + 2}`, dueAt: later(9), dueBasis: taskRecord('t').dueBasis! }],
    newTasks: [taskRecord(`new-task-${n}`, { instanceId: `pi-${n}` })],
    claimTimer: { id: `pending-${n}`, at: later(1) },
    cancelTimers: [`pending-${n + 10000}`, `pending-${n + 20000}`],
    moveTimers: [
      { id: `pending-${n + 30000}`, dueAt: later(99), dueBasis: taskRecord('t').dueBasis! },
    ],
    newTimers: [timerRecord(`new-timer-${n}`, { instanceId: `pi-${n}` })],
    references: [
      { kind: 'quota', key: `q-${n}`, value: { n: 1 }, expectedVersion: 1 },
      { kind: 'quota', key: `new-${n}`, value: { n: 1 }, expectedVersion: null },
    ],
    idempotency: idempotencyRecord(`new-${n}`, { scope: `u|pi-${n}`, instanceId: `pi-${n}` }),
    useToken: { tokenHash: `t-${n}`, at: later(1) },
    audit: auditRecord(20001),
  });

describe('the load statement on PostgreSQL, with stale statistics', () => {
  it('reads the instance, its open tasks and pending timers, and the timer, by key', async () => {
    const scans = await scansOf(load);
    byKey(scans, ['instances', 'tasks', 'timers']);
    expect(scans.indexes).toEqual(
      expect.arrayContaining([
        'instances_pkey',
        'timers_pkey',
        'tasks_open_instance_idx',
        'timers_pending_instance_idx',
      ]),
    );
    expect(scans.indexes).not.toContain('timers_pending_due_idx');
  });

  // The planner takes a batch of requests for 100 rows (jsonb_to_recordset's estimate); without
  // `lateral … limit 1` it hashed whole tables against it (9 ms a load at 20,000 rows each).
  it('reads idempotency keys and reference rows by key', async () => {
    byKey(await scansOf(load), ['idempotency_keys', 'reference_data']);
  });
});

describe('the write statement on PostgreSQL, with stale statistics', () => {
  it("claims, cancels and moves timers by key, never through the pollers' index", async () => {
    const scans = await scansOf(() => pg.store.write(write(9)));
    byKey(scans, ['timers']);
    expect(scans.indexes).toContain('timers_pkey');
    expect(scans.indexes).not.toContain('timers_pending_due_idx');
    expect((await pg.store.load({ instanceId: 'pi-9' })).instance?.row.version).toBe(2);
  });

  it('finds its instance by key (the lock a lateral primary-key lookup)', async () => {
    byKey(await scansOf(() => pg.store.write(write(100))), ['instances']);
  });

  // With statistics taken before the backlog of open tasks, a plain `status = 'open'` let the
  // planner hash every open task through tasks_open_instance_idx (20,000 for a one-task write).
  it('updates its tasks by key, on stale statistics too', async () => {
    const scans = await scansOf(() => pg.store.write(write(300)));
    byKey(scans, ['tasks']);
    expect(scans.indexes).toContain('tasks_pkey');
  });

  it('checks reference rows, tokens, keys and the audit seq by key', async () => {
    const tables = ['reference_data', 'mail_action_tokens', 'idempotency_keys', 'admin_audit'];
    byKey(await scansOf(() => pg.store.write(write(200))), tables);
  });
});

// The tables of a young deployment: a few thousand rows. Each connection keeps one generic plan
// per statement, made on the tables as they were, and the planner takes a batch's jsonb row sets
// for 100 rows each; joined to those, a table of a few thousand rows was read whole and hashed for
// a one-command batch (bench §1: a load read every timer, ≈ 1 ms at 1,000), and an update whose
// rows were lateral to the batch read it once per write.
describe('the command statements on tables of a few thousand rows', () => {
  let small: TestPostgres;
  let smallLog: StatementLog;
  beforeAll(async () => {
    small = await createTestPostgres({ max: 2 });
    smallLog = new StatementLog(small.sql);
    await insertInstances(small, 3000);
    await insertOpenTasks(small, 3000);
    await insertPendingTimers(small, 3000, 3000);
    await small.sql`analyze`;
  });
  afterAll(async () => {
    smallLog?.stop();
    await small?.drop();
  });

  it('load the timer and the instance by key', async () => {
    const scans = await scansOf(() => small.store.load({ timerId: 'pending-7' }), small, smallLog);
    byKey(scans, ['instances', 'timers', 'tasks']);
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
    byKey(await scansOf(() => small.store.write(write), small, smallLog), [
      'instances',
      'timers',
      'tasks',
      'change_feed',
    ]);
    expect((await small.store.load({ timerId: 'pending-9' })).timer?.status).toBe('cancelled');
  });
});
