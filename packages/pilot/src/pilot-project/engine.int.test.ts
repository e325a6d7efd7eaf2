import { randomUUID } from 'node:crypto';
import {
  createEngine,
  defineFlow,
  ManualClock,
  type DomainError,
  type Engine,
} from '@certflow/engine';
import { createTestPostgres, sharedPglite, type TestPostgres } from '@certflow/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUOTA_REF, quotaKey } from '../common.js';
import { pilotFlows } from '../flows.js';
import { dbHarness } from '../testing/db-harness.js';
import { projectApplication } from '../testing/fixtures.js';
import { people } from '../testing/people.js';
import { describePilotProjectScenarios } from '../testing/pilot-project.scenarios.js';
import { pilotProjectFlow } from './flow.js';
import { pilotProjectMachine } from './machine.js';
import type { StoreHarness } from '../testing/harness.js';
import { weekdayCalendar } from '../testing/weekday-calendar.js';

let pg: TestPostgres;
let pgHarness: StoreHarness;
let pgliteHarness: StoreHarness;

beforeAll(async () => {
  pg = await createTestPostgres({ max: 60 });
  pgHarness = dbHarness('postgres', pg);
  pgliteHarness = dbHarness('pglite', await sharedPglite());
  for (const p of Object.values(people)) {
    const user = {
      id: p.id,
      name: p.name,
      email: p.email,
      roles: [...p.roles],
      college: 'college' in p ? p.college : null,
    };
    await pg.directory.upsertUser(user);
    await (await sharedPglite()).directory.upsertUser(user);
  }
});
afterAll(async () => {
  await pg?.drop();
});

describePilotProjectScenarios('PostgreSQL', () => pgHarness);
describePilotProjectScenarios('PGlite', () => pgliteHarness);

function engineOn(store: TestPostgres['store'], flows = pilotFlows): Engine {
  return createEngine({
    store,
    flows,
    clock: new ManualClock('2026-11-02T09:00:00+08:00'),
    ids: randomUUID,
    calendar: weekdayCalendar,
    directory: pg.directory,
  });
}

describe('pilot-project on real PostgreSQL: concurrency, idempotency, audit, versions', () => {
  it('50 simultaneous APPROVEs of the same task: exactly one applies, history has no gap or duplicate', async () => {
    const engine = engineOn(pg.store);
    await pgHarness.setReference(QUOTA_REF, quotaKey(2027, 'ee'), {
      scale: 100,
      budget: 1_000_000,
    });
    const i = await engine.start('pilot-project', projectApplication(), people.owner);
    const taskId = i.tasks[0]!.id;
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, n) =>
        engine.send(
          i.id,
          { type: 'APPROVE', taskId },
          people.collegeLead,
          n % 2 ? { expectedVersion: 1 } : {},
        ),
      ),
    );
    const applied = results.filter((r) => r.status === 'fulfilled');
    const codes = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => (r.reason as DomainError).code);
    expect(applied).toHaveLength(1);
    expect(new Set(codes)).toSatisfy((s: Set<string>) =>
      [...s].every((c) => c === 'VERSION_CONFLICT' || c === 'EVENT_NOT_ACCEPTED'),
    );
    expect(codes).toHaveLength(49);
    const seqs = (await engine.history(i.id)).map((h) => h.seq);
    expect(seqs).toEqual([1, 2]);
    expect(await engine.verifyHistory(i.id)).toEqual({ ok: true, count: 2 });
  });

  it('the same idempotency key sent concurrently applies once; every caller gets the same answer', async () => {
    const engine = engineOn(pg.store);
    const i = await engine.start('pilot-project', projectApplication(), people.owner);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        engine.send(i.id, { type: 'APPROVE' }, people.collegeLead, {
          idempotencyKey: `idem-${i.id}`,
        }),
      ),
    );
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect((await engine.history(i.id)).length).toBe(2);
    const starts = await Promise.all(
      Array.from({ length: 5 }, () =>
        engine.start('pilot-project', projectApplication(), people.owner, {
          idempotencyKey: `start-${i.id}`,
        }),
      ),
    );
    expect(new Set(starts.map((s) => s.id)).size).toBe(1);
  });

  it('applications of one college do not queue on its quota row: the quota is read without a lock', async () => {
    const engine = engineOn(pg.store);
    const key = quotaKey(2027, 'ee');
    await pgHarness.setReference(QUOTA_REF, key, { scale: 100, budget: 1_000_000 });
    // Another transaction holds the quota row locked (as a command that locked it would).
    let release: () => void = () => undefined;
    const released = new Promise<void>((r) => (release = r));
    let locked: () => void = () => undefined;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = pg.sql.begin(async (sql) => {
      await sql`select 1 from reference_data where kind = ${QUOTA_REF} and key = ${key} for update`;
      locked();
      await released;
    });
    await isLocked;
    try {
      const started = engine.start('pilot-project', projectApplication(), people.owner);
      const outcome = await Promise.race([
        started.then((v) => v.state),
        new Promise<string>((r) => setTimeout(() => r('blocked on the quota row'), 3000)),
      ]);
      expect(outcome).toBe('collegeReview');
    } finally {
      release();
      await holder;
    }
  });

  it('verifyHistory names the row that was altered with raw SQL', async () => {
    const engine = engineOn(pg.store);
    let i = await engine.start('pilot-project', projectApplication(), people.owner);
    i = await engine.send(i.id, { type: 'APPROVE', comment: '同意' }, people.collegeLead);
    i = await engine.send(i.id, { type: 'APPROVE' }, people.academic);
    expect(await engine.verifyHistory(i.id)).toEqual({ ok: true, count: 3 });
    await pg.sql`update history set comment = '不同意' where instance_id = ${i.id} and seq = 2`;
    expect(await engine.verifyHistory(i.id)).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: 'hash',
    });
  });

  it('a v1 instance finishes on v1 after v2 is registered; new instances start on v2', async () => {
    const engine = engineOn(pg.store);
    const v1 = await engine.start('pilot-project', projectApplication(), people.owner);
    // v2: every application goes to the leadership group.
    engine.flows.register(
      defineFlow({
        ...pilotProjectFlow,
        version: 2,
        machine: pilotProjectMachine.provide({ guards: { needsLeadership: () => true } }),
      }),
    );
    const v2 = await engine.start('pilot-project', projectApplication(), people.owner);
    expect([v1.flowVersion, v2.flowVersion]).toEqual([1, 2]);
    for (const i of [v1, v2]) {
      await engine.send(i.id, { type: 'APPROVE' }, people.collegeLead);
      await engine.send(i.id, { type: 'APPROVE' }, people.academic);
    }
    expect((await engine.get(v1.id)).status).toBe('completed');
    expect((await engine.get(v2.id)).state).toBe('leadershipReview');
    // A fresh engine that knows both versions loads each instance on its own version.
    const restarted = engineOn(pg.store, [
      pilotProjectFlow,
      defineFlow({
        ...pilotProjectFlow,
        version: 2,
        machine: pilotProjectMachine.provide({ guards: { needsLeadership: () => true } }),
      }),
    ]);
    expect((await restarted.send(v2.id, { type: 'APPROVE' }, people.leader)).status).toBe(
      'completed',
    );
  });

  it('notifications are written to the outbox for every recipient in the directory', async () => {
    const engine = engineOn(pg.store);
    const i = await engine.start('pilot-project', projectApplication(), people.owner);
    const rows = await pg.sql<{ payload: { recipient: { id: string } } }[]>`
      select payload from outbox where instance_id = ${i.id} and kind = 'notify'`;
    expect(rows.map((r) => r.payload.recipient.id).sort()).toEqual(
      [people.collegeLead.id, people.collegeLead2.id].sort(),
    );
  });
});
