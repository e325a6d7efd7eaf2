import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CertflowClient, Instance } from '@certflow/client';
import { openEmbedded } from '@certflow/db';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyProject, failure, setQuota } from './support/fixtures.js';
import { startApiWorld, type ApiWorld } from './support/api-world.js';

// The work lists over real HTTP on PostgreSQL (docs/lists.md): 待办 with its filters, 已办,
// 我发起的, 抄送我的 with the 已阅 mark, the counts and /api/me — each the caller's own, a
// college's people never seeing another college's items, every refusal a typed 4xx.

/** Today in Beijing, as the lists' day bounds read it. */
const beijingDay = (offsetDays = 0): string =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

const CS_OWNER = {
  id: 'u-owner-cs',
  name: '周老师',
  email: 'owner-cs@example.edu.cn',
  roles: ['project_owner'],
  college: 'cs',
};

interface School {
  /** ee, approved by the college lead: now at 教务处. */
  a: Instance;
  /** ee, 电子商务数据分析, waiting for the college lead; copied to owner2. */
  b: Instance;
  /** cs, waiting for academic affairs after the cs lead approved. */
  c: Instance;
  csOwner: CertflowClient;
}

async function school(w: ApiWorld): Promise<School> {
  await setQuota(w.as('academic'), 100, 10_000_000);
  await w.as('academic').putQuota(2027, 'cs', { scale: 100, budget: 10_000_000 });
  await w.handle.directory.upsertUser({ ...CS_OWNER, organization: null });
  const csOwner = await w.withClaims({
    sub: CS_OWNER.id,
    name: CS_OWNER.name,
    email: CS_OWNER.email,
    roles: ['project_owner'],
    college: 'cs',
  });
  const a = await applyProject(w.as('owner'));
  const b = await applyProject(w.as('owner'), {
    certificate: { code: 'EC-DA', name: '电子商务数据分析', level: 'intermediate' },
  });
  const c = await applyProject(csOwner, {
    collegeId: 'cs',
    certificate: { code: 'IR-PR', name: '工业机器人应用编程', level: 'advanced' },
  });
  await w.as('collegeLead').sendEvent(a.id, { type: 'APPROVE', comment: '同意' });
  await w.as('otherLead').sendEvent(c.id, { type: 'APPROVE', comment: '同意' });
  await w
    .as('collegeLead')
    .sendEvent(b.id, { type: 'CC', data: { userIds: ['u-owner2'] }, comment: '请知悉' });
  return { a, b, c, csOwner };
}

function describeLists(
  name: string,
  open: () => Promise<{ world: ApiWorld; drop: () => Promise<void> }>,
) {
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

    it('待办: filters by flow, college, date, overdue and keyword (a two-character name too)', async () => {
      const s = await school(w());
      const lead = w().as('collegeLead');
      const ids = async (q: Parameters<CertflowClient['inbox']>[0]) =>
        (await lead.inbox(q)).items.map((t) => t.instanceId);

      const page = await lead.inbox();
      expect(page.items.map((t) => t.instanceId)).toEqual([s.b.id]);
      expect(page.items[0]).toMatchObject({
        flow: 'pilot-project',
        title: s.b.title,
        overdue: false,
        instance: { id: s.b.id, submitterName: '张老师', college: 'ee', status: 'active' },
      });
      expect(await ids({ keyword: '电子商务' })).toEqual([s.b.id]);
      expect(await ids({ keyword: '张老' })).toEqual([s.b.id]);
      expect(await ids({ keyword: '电子工程学院 ec-da' })).toEqual([s.b.id]);
      expect(await ids({ keyword: 'Web前端' })).toEqual([]);
      expect(await ids({ flow: 'assessment' })).toEqual([]);
      expect(await ids({ college: 'cs' })).toEqual([]);
      expect(await ids({ from: beijingDay(1) })).toEqual([]);
      expect(await ids({ from: beijingDay(-1), to: beijingDay() })).toEqual([s.b.id]);
      expect(await ids({ overdue: true })).toEqual([]);

      // Time passes: the college step's deadline is behind us.
      await w().handle.db.execute(
        sql`update tasks set due_at = now() - interval '1 day' where instance_id = ${s.b.id} and status = 'open'`,
      );
      expect(await ids({ overdue: true })).toEqual([s.b.id]);
      expect(await ids({ overdue: false })).toEqual([]);
      expect((await lead.inbox()).items[0]?.overdue).toBe(true);
      expect(await lead.myCounts()).toEqual({
        todo: 1,
        done: 1,
        started: 0,
        copiesUnread: 0,
        copies: 0,
        overdue: 1,
        atLeast: [],
      });
    });

    it('bounds a busy list: total up to 1000 (totalExact), counts up to 1000 (atLeast), a filter walks a window', async () => {
      const s = await school(w());
      const owner2 = w().as('owner2');
      // 1,001 more copies to owner2, written straight into the table (docs/lists.md § Bounded
      // totals and the scan window), newer than the real one.
      await w().handle.db.execute(sql`insert into copies (id, instance_id, seq, person_id, from_id,
          flow_id, created_at, status, college, search_text)
        select 'k-bulk-' || g, ${s.a.id}, 100 + g, 'u-owner2', 'u-lead', 'pilot-project',
          now() + g * interval '1 second', 'active', 'ee', '批量'
        from generate_series(1, 1001) g`);
      const all = await owner2.copiesList({ limit: 20 });
      expect(all).toMatchObject({ total: 1000, totalExact: false, scan: null });
      // Deeper than the cap: counted to the page's end, here past the list's end (exact).
      expect(await owner2.copiesList({ limit: 20, offset: 1000 })).toMatchObject({
        total: 1002,
        totalExact: true,
      });
      expect((await owner2.copiesList({ read: true })).totalExact).toBe(true);
      expect(await owner2.myCounts()).toMatchObject({
        copies: 1000,
        copiesUnread: 1000,
        atLeast: ['copiesUnread', 'copies'],
      });

      // A keyword walks the newest 2,000 rows: the real copy is the 1,002nd, within the window.
      const found = await owner2.copiesList({ keyword: '电子商务' });
      expect(found.items.map((c) => c.instance.id)).toEqual([s.b.id]);
      expect(found).toMatchObject({
        total: 1,
        totalExact: true,
        scan: { from: 0, to: 1002, complete: true },
      });
      expect(await owner2.copiesList({ keyword: '批量', limit: 5, scanFrom: 1000 })).toMatchObject({
        total: 1,
        scan: { from: 1000, to: 1002, complete: true },
      });
      const raw = await owner2.raw('/api/me/copies?keyword=%E6%89%B9%E9%87%8F&scanFrom=1');
      expect(raw.body).toMatchObject({ total: 1000, scan: { from: 1, to: 1002 } });
    });

    it('已办: the decisions I made, not my starts, comments or copies', async () => {
      const s = await school(w());
      const lead = w().as('collegeLead');
      const done = await lead.doneList();
      expect(done.total).toBe(1);
      expect(done.items).toEqual([
        expect.objectContaining({
          event: 'APPROVE',
          comment: '同意',
          instance: expect.objectContaining({
            id: s.a.id,
            status: 'active',
            submitterName: '张老师',
          }),
        }),
      ]);
      expect((await lead.doneList({ keyword: '电子工程' })).total).toBe(1);
      expect((await lead.doneList({ keyword: '电子商务' })).total).toBe(0);
      expect((await lead.doneList({ status: 'rejected' })).total).toBe(0);
      expect((await w().as('owner').doneList()).total).toBe(0);
      expect((await w().as('academic').doneList()).total).toBe(0);
      const after = await w().as('academic').sendEvent(s.a.id, { type: 'APPROVE' });
      const academic = await w().as('academic').doneList();
      expect(academic.items.map((d) => [d.instance.id, d.event])).toEqual([[s.a.id, 'APPROVE']]);
      // The lists show the instance as it is now, and filter on that.
      expect((await lead.doneList({ status: after.status })).items[0]?.instance).toMatchObject({
        id: s.a.id,
        state: after.state,
      });
    });

    it('我发起的: my applications, newest first or oldest first, by day', async () => {
      const s = await school(w());
      const owner = w().as('owner');
      expect((await owner.startedList()).items.map((i) => i.instance.id)).toEqual([s.b.id, s.a.id]);
      expect((await owner.startedList({ order: 'asc' })).items.map((i) => i.instance.id)).toEqual([
        s.a.id,
        s.b.id,
      ]);
      expect(
        (await owner.startedList({ limit: 1, offset: 1 })).items.map((i) => i.instance.id),
      ).toEqual([s.a.id]);
      expect((await owner.startedList({ to: beijingDay(-1) })).total).toBe(0);
      expect((await owner.startedList({ from: beijingDay(), to: beijingDay() })).total).toBe(2);
      expect(
        (await owner.startedList({ keyword: 'web前端开发' })).items.map((i) => i.instance.id),
      ).toEqual([s.a.id]);
      expect((await s.csOwner.startedList()).items.map((i) => i.instance.id)).toEqual([s.c.id]);
    });

    it('抄送我的: 待阅 until marked 已阅; the first mark stays; nobody else can mark it', async () => {
      const s = await school(w());
      const owner2 = w().as('owner2');
      const unread = await owner2.copiesList({ read: false });
      expect(unread.total).toBe(1);
      const [copy] = unread.items;
      expect(copy).toMatchObject({
        fromId: 'u-lead',
        fromName: '李院长',
        readAt: null,
        instance: { id: s.b.id },
      });
      if (!copy) throw new Error('no copy');
      expect((await owner2.myCounts()).copiesUnread).toBe(1);

      const before = await w().fingerprint();
      expect(await failure(w().as('owner').markCopyRead(copy.id))).toMatchObject({
        status: 404,
        code: 'COPY_NOT_FOUND',
      });
      expect(await failure(owner2.markCopyRead('no-such-copy'))).toMatchObject({
        status: 404,
        code: 'COPY_NOT_FOUND',
      });
      expect(await w().fingerprint()).toBe(before);

      const read = await owner2.markCopyRead(copy.id);
      expect(read.id).toBe(copy.id);
      expect((await owner2.markCopyRead(copy.id)).readAt).toBe(read.readAt);
      expect((await owner2.copiesList({ read: false })).total).toBe(0);
      expect((await owner2.copiesList({ read: true })).items[0]?.readAt).toBe(read.readAt);
      expect(await owner2.myCounts()).toMatchObject({ copiesUnread: 0, copies: 1 });
      // A copy makes the instance readable to its reader.
      expect((await owner2.getInstance(s.b.id)).id).toBe(s.b.id);
    });

    it("never shows a college's people another college's items, whatever the filter", async () => {
      const s = await school(w());
      const ee = [s.a.id, s.b.id];
      for (const [client, own, other] of [
        [w().as('collegeLead'), 'ee', 'cs'],
        [w().as('otherLead'), 'cs', 'ee'],
        [w().as('owner'), 'ee', 'cs'],
        [s.csOwner, 'cs', 'ee'],
      ] as const) {
        const lists = [
          (await client.inbox({ limit: 200 })).items.map((t) => t.instance),
          (await client.doneList({ limit: 200 })).items.map((d) => d.instance),
          (await client.startedList({ limit: 200 })).items.map((d) => d.instance),
          (await client.copiesList({ limit: 200 })).items.map((d) => d.instance),
        ];
        for (const items of lists) {
          for (const item of items) {
            expect(item.college).toBe(own);
            expect((await client.getInstance(item.id)).id).toBe(item.id);
          }
        }
        for (const q of [{ college: other }, { keyword: other === 'cs' ? '计算机' : '电子工程' }]) {
          expect((await client.inbox(q)).total).toBe(0);
          expect((await client.doneList(q)).total).toBe(0);
          expect((await client.startedList(q)).total).toBe(0);
          expect((await client.copiesList(q)).total).toBe(0);
        }
      }
      const cs = (await w().as('otherLead').doneList()).items.map((d) => d.instance.id);
      expect(cs).toEqual([s.c.id]);
      expect(cs.some((id) => ee.includes(id))).toBe(false);
    });

    it('answers who I am, and refuses bad list queries with a typed 400', async () => {
      expect(await w().as('collegeLead').me()).toEqual({
        id: 'u-lead',
        name: '李院长',
        email: expect.any(String) as string,
        roles: ['college_lead'],
        college: 'ee',
        organization: null,
      });
      const lead = w().as('collegeLead');
      for (const path of [
        '/api/me/done?from=yesterday',
        '/api/me/done?from=2026-03-05&to=2026-03-01',
        '/api/me/started?limit=0',
        '/api/me/copies?read=maybe',
        '/api/tasks?overdue=yes',
        '/api/tasks?status=pending',
        `/api/me/started?keyword=${'长'.repeat(101)}`,
        '/api/me/copies?flow=..',
        '/api/me/done?keyword=x&scanFrom=-1',
        '/api/me/started?scanFrom=1.5',
        '/api/tasks?scanFrom=abc',
        '/api/me/copies?scanFrom=1000001',
      ]) {
        const r = await lead.raw(path);
        expect(r.status, path).toBe(400);
        expect(r.body).toMatchObject({ code: 'VALIDATION_FAILED' });
        expect((r.body as { message: string }).message).toMatch(/[\u4e00-\u9fff]/u);
      }
      const bad = await lead.raw('/api/me/copies/..x/read', { method: 'POST', body: {} });
      expect(bad.status).toBe(400);
      const range = await lead.raw('/api/me/done?from=2026-03-05&to=2026-03-01');
      expect((range.body as { message: string }).message).toContain('结束日期须晚于开始日期');
      const scan = await lead.raw('/api/me/done?scanFrom=-1');
      expect((scan.body as { message: string }).message).toContain('须为列表中的位置');
      expect((await w().anonymous.raw('/api/me/counts')).status).toBe(401);
    });
  });
}

describeLists('work lists over HTTP on PostgreSQL', async () => {
  const pg: TestPostgres = await createTestPostgres();
  return { world: await startApiWorld(pg), drop: () => pg.drop() };
});

describe('work lists on embedded PostgreSQL', () => {
  it('searches a two-character Chinese name: migration 0010 runs on the embedded server', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'certflow-lists-'));
    const handle = await openEmbedded({ dataDir });
    try {
      const world = await startApiWorld(handle, { driver: 'embedded' });
      try {
        await world.reset();
        const s = await school(world);
        const lead = world.as('collegeLead');
        expect((await lead.inbox({ keyword: '张老' })).items.map((t) => t.instanceId)).toEqual([
          s.b.id,
        ]);
        expect((await world.as('owner2').copiesList({ keyword: '电子商务' })).total).toBe(1);
      } finally {
        await world.close();
      }
    } finally {
      await handle.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
