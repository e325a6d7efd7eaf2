import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '@certflow/engine';
import { sql } from 'drizzle-orm';
import { createLists, type ListFilter, type Lists, type TodoOwner } from './store/lists.js';
import { rowsOf } from './sql/sql-values.js';
import { createTestPostgres, type TestPostgres } from './testing/index.js';
import { reviewCast, reviewEngine } from './testing/review-engine.js';

// The lists' copies of their instance's fields (migration 0013, docs/lists.md) follow the
// commands that change them, written by the command's own write (write-commands.ts): the status
// when an instance completes, the earliest open deadline as steps open and close, the assignee
// on a 转办 — each checked through the lists' filters, on the engine's review flow.

const page = { limit: 20, offset: 0 };
const lead2 = { id: 'u-lead2', roles: ['lead'], college: 'ee' } as const;
const reader = 'u-reader';
/** Far enough ahead that every deadline of the review flow is behind it. */
const later = (): Date => new Date(Date.now() + 400 * 86_400_000);

let pg: TestPostgres;
let engine: Engine;
let lists: Lists;
beforeAll(async () => {
  pg = await createTestPostgres({ max: 4 });
  engine = await reviewEngine(pg);
  for (const [id, roles, college] of [
    [lead2.id, ['lead'], 'ee'],
    [reader, ['owner'], 'ee'],
  ] as const) {
    await pg.directory.upsertUser({
      id,
      name: id,
      email: `${id}@example.edu`,
      roles: [...roles],
      college,
    });
  }
  lists = createLists(pg.db);
});
afterAll(async () => {
  await pg?.drop();
});

const decided = async (person: string, f: ListFilter, now = new Date()) =>
  (await lists.decided(person, f, page, now)).items.map((d) => d.instance.id);
const copied = async (f: ListFilter, now = new Date()) =>
  (await lists.copies(reader, f, page, now)).items.map((c) => c.instance.id);
const todo = async (owner: TodoOwner, f: ListFilter) =>
  (await lists.todo(owner, f, page, new Date())).items.map((t) => t.instance.id);
const asOwner = (a: { id: string; roles: readonly string[]; college?: string }): TodoOwner => ({
  actorId: a.id,
  roles: [...a.roles],
  college: a.college ?? null,
  organization: null,
});

describe('list rows follow their instance', () => {
  it('已办 and 抄送我的: a completed instance is found by status completed, no longer active', async () => {
    const { id } = await engine.start(
      'review',
      { college: 'ee', title: '甲项目' },
      reviewCast.owner,
    );
    await engine.send(id, { type: 'CC', data: { userIds: [reader] } }, reviewCast.lead);
    await engine.send(id, { type: 'APPROVE' }, reviewCast.lead);
    expect(await decided(reviewCast.lead.id, { status: 'active' })).toEqual([id]);
    expect(await copied({ status: 'active' })).toEqual([id]);
    expect(await decided(reviewCast.lead.id, { status: 'completed' })).toEqual([]);

    await engine.send(id, { type: 'APPROVE' }, reviewCast.office);
    expect(await decided(reviewCast.lead.id, { status: 'completed' })).toEqual([id]);
    expect(await decided(reviewCast.lead.id, { status: 'active' })).toEqual([]);
    expect(await decided(reviewCast.office.id, { status: 'completed', college: 'ee' })).toEqual([
      id,
    ]);
    expect(await copied({ status: 'completed' })).toEqual([id]);
    expect(await copied({ status: 'active' })).toEqual([]);
    // A one-character keyword is a substring like any other.
    expect(await decided(reviewCast.lead.id, { keyword: '甲' })).toEqual([id]);

    // A rename (not a command) refreshes the rows' search text through 0013's trigger.
    await pg.db.execute(sql`update instances set title = '乙项目' where id = ${id}`);
    expect(await decided(reviewCast.lead.id, { keyword: '乙项' })).toEqual([id]);
    expect(await decided(reviewCast.lead.id, { keyword: '甲' })).toEqual([]);
    expect(await copied({ keyword: '乙项' })).toEqual([id]);
  });

  it('overdue on 已办 and 抄送我的 follows the open tasks: the earliest deadline, none once past', async () => {
    // The review flow's first step has a deadline, the office's none.
    const { id } = await engine.start(
      'review',
      { college: 'ee', title: '丙项目' },
      reviewCast.owner,
    );
    await engine.send(id, { type: 'CC', data: { userIds: [reader] } }, reviewCast.lead);
    await engine.send(id, { type: 'TRANSFER', data: { to: lead2.id } }, reviewCast.lead);
    const lateAt = async (table: 'done_items' | 'copies' | 'instances') =>
      rowsOf(
        await pg.db.execute(
          table === 'instances'
            ? sql`select (select min(o.due_at) from tasks o where o.instance_id = r.id
                and o.status = 'open') as open_min, r.late_at from instances r where r.id = ${id}`
            : sql`select distinct (select min(o.due_at) from tasks o where o.instance_id = r.instance_id
                and o.status = 'open') as open_min, r.late_at
              from ${sql.raw(table)} r where r.instance_id = ${id}`,
        ),
      );
    const started = async (f: ListFilter, now = new Date()) =>
      (await lists.started(reviewCast.owner.id, f, page, now)).items.map((i) => i.instance.id);
    for (const table of ['done_items', 'copies', 'instances'] as const) {
      const rows = await lateAt(table);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.late_at).not.toBeNull();
      expect(new Date(String(rows[0]?.late_at))).toEqual(new Date(String(rows[0]?.open_min)));
    }
    // The college step (transferred, a 已办 row of the lead) is open: overdue once its deadline
    // has passed, not before.
    expect(await decided(reviewCast.lead.id, { overdue: true }, later())).toEqual([id]);
    expect(await decided(reviewCast.lead.id, { overdue: true })).toEqual([]);
    expect(await copied({ overdue: true }, later())).toContain(id);
    // 我发起的 by the instance's own late_at (migration 0015).
    expect(await started({ overdue: true }, later())).toContain(id);
    expect(await started({ overdue: true })).not.toContain(id);

    await engine.send(id, { type: 'APPROVE' }, lead2);
    expect(await decided(reviewCast.lead.id, { overdue: true }, later())).toEqual([]);
    expect(await decided(reviewCast.lead.id, { overdue: false }, later())).toContain(id);
    expect(await decided(lead2.id, { overdue: false }, later())).toContain(id);
    expect(await copied({ overdue: true }, later())).not.toContain(id);
    expect(await started({ overdue: true }, later())).not.toContain(id);
    expect(await started({ overdue: false }, later())).toContain(id);
    for (const table of ['done_items', 'copies', 'instances'] as const) {
      expect((await lateAt(table)).map((r) => r.late_at)).toEqual([null]);
    }
  });

  it('待办: a 转办 moves the task with its filters; the next step opens searchable', async () => {
    const { id } = await engine.start(
      'review',
      { college: 'ee', title: '丁项目' },
      reviewCast.owner,
    );
    const filter: ListFilter = {
      college: 'ee',
      keyword: '丁项目',
      flow: 'review',
      status: 'active',
    };
    expect(await todo(asOwner(reviewCast.lead), filter)).toEqual([id]);
    await engine.send(id, { type: 'TRANSFER', data: { to: lead2.id } }, reviewCast.lead);
    expect(await todo(asOwner(lead2), filter)).toEqual([id]);
    expect(await todo(asOwner(reviewCast.lead), filter)).toEqual([]);
    expect(await todo(asOwner(lead2), { ...filter, status: 'completed' })).toEqual([]);

    await engine.send(id, { type: 'APPROVE' }, lead2);
    expect(await todo(asOwner(reviewCast.office), { keyword: '丁项', college: 'ee' })).toEqual([
      id,
    ]);
    expect(await todo(asOwner(reviewCast.office), { keyword: '丁项', college: 'cs' })).toEqual([]);
    expect(await decided(lead2.id, { keyword: '丁项', flow: 'review' })).toEqual([id]);
  });

  it('a command that moves neither status nor deadline rewrites no 已办 or 抄送 row', async () => {
    const { id } = await engine.start(
      'review',
      { college: 'ee', title: '丙项目' },
      reviewCast.owner,
    );
    await engine.send(id, { type: 'CC', data: { userIds: [reader] } }, reviewCast.lead);
    await engine.send(id, { type: 'APPROVE' }, reviewCast.lead);
    // xmin is the transaction that last wrote a row: a 评论 leaves the list rows as they were
    // (write-commands.ts rewrites a copy only where its status or deadline differs).
    const versions = async () =>
      rowsOf(
        await pg.db.execute(sql`
          select 'done' as t, xmin::text as v from done_items where instance_id = ${id}
          union all select 'copy', xmin::text from copies where instance_id = ${id}
          order by 1, 2`),
      );
    const before = await versions();
    expect(before.length).toBeGreaterThanOrEqual(2);
    await engine.send(id, { type: 'COMMENT', comment: '请尽快审核' }, reviewCast.owner);
    expect(await versions()).toEqual(before);
    expect(await decided(reviewCast.lead.id, { status: 'active' })).toContain(id);
  });
});
