import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import type { CertflowClient } from '@certflow/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApiWorld, type ApiWorld } from './support/api-world.js';
import { applyProject, setQuota } from './support/fixtures.js';

// GET /api/events over real HTTP: the feed as each reader may see it, resumable by cursor,
// long-polled.

interface Page {
  events: Array<{
    id: string;
    type: string;
    instanceId: string;
    cursor: string;
    instance: { college: string | null };
    command: { seq: number; event: string } | null;
  }>;
  cursor: string;
  hasMore: boolean;
}

let pg: TestPostgres;
let world: ApiWorld;
beforeAll(async () => {
  pg = await createTestPostgres();
  world = await startApiWorld(pg);
});
beforeEach(() => world.reset());
afterAll(async () => {
  await world?.close();
  await pg?.drop();
});

async function page(client: CertflowClient, query: string): Promise<Page> {
  const res = await client.raw(`/api/events?${query}`);
  expect(res.status).toBe(200);
  return res.body as Page;
}

/** Every event after `after`, in pages of `limit`; waits for the feed to catch up to `least`. */
async function readAll(
  client: CertflowClient,
  after = '',
  limit = 3,
  least = 0,
): Promise<{ events: Page['events']; cursor: string }> {
  for (let tries = 0; ; tries++) {
    const events: Page['events'] = [];
    let cursor = after;
    for (;;) {
      const p = await page(client, `after=${encodeURIComponent(cursor)}&limit=${limit}`);
      events.push(...p.events);
      cursor = p.cursor;
      if (!p.hasMore) break;
    }
    if (events.length >= least || tries > 50) return { events, cursor };
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function csProject(w: ApiWorld): Promise<string> {
  await w.as('academic').putQuota(2027, 'cs', { scale: 100, budget: 10_000_000 });
  const csOwner = await w.withClaims({
    sub: 'u-owner-cs',
    name: '计算机学院老师',
    email: 'owner-cs@example.edu.cn',
    roles: ['project_owner'],
    college: 'cs',
  });
  const started = await applyProject(csOwner, { collegeId: 'cs' });
  return started.id;
}

describe('GET /api/events', () => {
  it('reads a pilot project from the start, in order, and resumes from a cursor with no gap and no duplicate', async () => {
    const w = world;
    await setQuota(w.as('academic'));
    const ee = await applyProject(w.as('owner'));
    await w.as('collegeLead').sendEvent(ee.id, { type: 'APPROVE', comment: '同意' });
    const first = await readAll(w.as('auditor'), '', 3, 5);
    const mine = first.events.filter((e) => e.instanceId === ee.id);
    expect(mine.map((e) => e.type)).toEqual([
      'instance.started',
      'task.created',
      'instance.updated',
      'task.decided',
      'task.created',
    ]);
    // More happens after the consumer stopped; it resumes from its last cursor.
    await w.as('academic').sendEvent(ee.id, { type: 'APPROVE' });
    const cs = await csProject(w);
    const resumed = await readAll(w.as('auditor'), first.cursor, 2, 1);
    const everything = await readAll(
      w.as('auditor'),
      '',
      100,
      first.events.length + resumed.events.length,
    );
    const joined = [...first.events, ...resumed.events].map((e) => e.id);
    expect(joined).toEqual(everything.events.map((e) => e.id));
    expect(new Set(joined).size).toBe(joined.length);
    expect(resumed.events.some((e) => e.instanceId === cs)).toBe(true);
    expect(resumed.events.filter((e) => e.instanceId === ee.id).map((e) => e.type)).toEqual(
      expect.arrayContaining(['instance.updated', 'task.decided']),
    );
    // A cursor past the end answers nothing new, and keeps its place.
    const end = await page(w.as('auditor'), `after=${encodeURIComponent(everything.cursor)}`);
    expect(end.events).toEqual([]);
  });

  it('never gives a college user another college’s events', async () => {
    const w = world;
    await setQuota(w.as('academic'));
    const ee = await applyProject(w.as('owner'));
    const cs = await csProject(w);
    await w.as('collegeLead').sendEvent(ee.id, { type: 'APPROVE' });
    const school = await readAll(w.as('auditor'), '', 50, 6);
    expect(new Set(school.events.map((e) => e.instanceId))).toEqual(new Set([ee.id, cs]));
    const eeLead = await readAll(w.as('collegeLead'), '', 2);
    expect(eeLead.events.length).toBeGreaterThan(0);
    expect(eeLead.events.every((e) => e.instanceId === ee.id)).toBe(true);
    const csLead = await readAll(w.as('otherLead'), '', 2);
    expect(csLead.events.length).toBeGreaterThan(0);
    expect(csLead.events.every((e) => e.instanceId === cs && e.instance.college === 'cs')).toBe(
      true,
    );
    // An applicant of another project of the same college sees none of it.
    const other = await readAll(w.as('owner2'), '', 5);
    expect(other.events).toEqual([]);
  });

  it('long-polls until an event arrives, filters by type and flow, and refuses a bad cursor', async () => {
    const w = world;
    await setQuota(w.as('academic'));
    const head = (await readAll(w.as('auditor'))).cursor;
    const started = Date.now();
    const waiting = page(
      w.as('auditor'),
      `after=${encodeURIComponent(head)}&wait=10&type=instance.started`,
    );
    await new Promise((r) => setTimeout(r, 300));
    const ee = await applyProject(w.as('owner'));
    const got = await waiting;
    expect(Date.now() - started).toBeLessThan(9_000);
    expect(got.events.map((e) => [e.type, e.instanceId])).toEqual([['instance.started', ee.id]]);
    const none = await page(w.as('auditor'), `after=${encodeURIComponent(head)}&flow=annual-plan`);
    expect(none.events).toEqual([]);
    const bad = await w.as('auditor').raw('/api/events?after=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      code: 'INVALID_CURSOR',
      message: expect.any(String) as string,
    });
    const badType = await w.as('auditor').raw('/api/events?type=task.exploded');
    expect(badType.status).toBe(400);
    const anonymous = await w.anonymous.raw('/api/events');
    expect(anonymous.status).toBe(401);
  });
});
