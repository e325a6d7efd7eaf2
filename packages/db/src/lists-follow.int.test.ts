import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '@certflow/engine';
import { sql } from 'drizzle-orm';
import { createLists } from './store/lists.js';
import { type ListFilter, type Lists, type TodoOwner } from './store/list-types.js';
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
    // The earliest open deadline is kept on the instance only (migration 0017); 已办 and 抄送我的
    // read it from there.
    const lateAt = async () =>
      rowsOf(
        await pg.db.execute(
          sql`select (select min(o.due_at) from tasks o where o.instance_id = r.id
            and o.status = 'open') as open_min, r.late_at from instances r where r.id = ${id}`,
        ),
      );
    const started = async (f: ListFilter, now = new Date()) =>
      (await lists.started(reviewCast.owner.id, f, page, now)).items.map((i) => i.instance.id);
    const [row] = await lateAt();
    expect(row?.late_at).not.toBeNull();
    expect(new Date(String(row?.late_at))).toEqual(new Date(String(row?.open_min)));
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
    expect((await lateAt()).map((r) => r.late_at)).toEqual([null]);
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

  it('a step that moves the deadline rewrites no 已办 or 抄送 row; the end rewrites each once', async () => {
    const { id } = await engine.start(
      'review',
      { college: 'ee', title: '丙项目' },
      reviewCast.owner,
    );
    await engine.send(id, { type: 'CC', data: { userIds: [reader] } }, reviewCast.lead);
    await engine.send(id, { type: 'TRANSFER', data: { to: lead2.id } }, reviewCast.lead);
    // xmin is the transaction that last wrote a row. The list rows copy the instance's status
    // only; its earliest open deadline stays on the instance (migration 0017).
    const versions = async () =>
      rowsOf(
        await pg.db.execute(sql`
          select 'done ' || seq as k, xmin::text as v from done_items where instance_id = ${id}
          union all select 'copy ' || person_id, xmin::text from copies where instance_id = ${id}
          order by 1`),
      );
    const lateAt = async () =>
      rowsOf(await pg.db.execute(sql`select late_at from instances where id = ${id}`))[0]?.late_at;
    const before = await versions();
    expect(before.map((r) => r.k)).toEqual(['copy ' + reader, 'done 3']);
    expect(await lateAt()).not.toBeNull();
    // 同意 by the college: the office's step has no deadline, so the instance's late_at moves to
    // none while it stays active — its 已办 and 抄送 rows are left as they were.
    await engine.send(id, { type: 'APPROVE' }, lead2);
    expect(await lateAt()).toBeNull();
    const stepped = await versions();
    expect(stepped.filter((r) => before.some((b) => b.k === r.k))).toEqual(before);
    expect(stepped.map((r) => r.k)).toEqual(['copy ' + reader, 'done 3', 'done 4']);
    await engine.send(id, { type: 'COMMENT', comment: '请尽快审核' }, reviewCast.owner);
    expect(await versions()).toEqual(stepped);
    expect(
      await decided(reviewCast.lead.id, { status: 'active', overdue: false }, later()),
    ).toContain(id);
    // The end moves the status: every row is rewritten, by that one write.
    await engine.send(id, { type: 'APPROVE' }, reviewCast.office);
    const ended = await versions();
    // (seq 5 is the 评论: no 已办 row.)
    expect(ended.map((r) => r.k)).toEqual(['copy ' + reader, 'done 3', 'done 4', 'done 6']);
    expect(new Set(ended.map((r) => r.v)).size).toBe(1);
    expect(ended.some((r) => stepped.some((b) => b.v === r.v))).toBe(false);
    expect(await decided(reviewCast.lead.id, { status: 'completed' })).toContain(id);
  });
});
