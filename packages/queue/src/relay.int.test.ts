import { createBusinessCalendar } from '@certflow/calendar';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { createEngine, ManualClock, type DispatchStore, type OutboxRecord } from '@certflow/engine';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BullmqScheduler } from './bullmq-scheduler.js';
import type { OutboxHandlers } from './outbox-handlers.js';
import { assertRedis, deletePrefix, testPrefix, testRedisUrl } from './testing/bullmq-testing.js';
import { deadlineFlow, lead, owner } from './testing/deadline-flow.js';

// The BullMQ relay reads the outbox only when it must: a fire hands over the keys of the rows it
// wrote, and a delivery nudges the relay only when its handler made engine commands.

const redisUrl = testRedisUrl();
let db: TestPostgres;

beforeAll(async () => {
  await assertRedis(redisUrl);
  db = await createTestPostgres({ max: 6 });
  await db.directory.upsertUser({
    id: lead.id,
    name: '李老师',
    email: 'lead@example.edu.cn',
    roles: ['lead'],
    college: 'ee',
  });
});
afterAll(async () => {
  await db?.drop();
});

/** The store's dispatch side, counting the relay's reads of pending outbox keys. */
function countingDispatch(inner: DispatchStore): DispatchStore & { reads: number } {
  const counted = Object.create(inner) as DispatchStore & { reads: number };
  counted.reads = 0;
  counted.pendingOutboxKeys = (now, limit) => {
    counted.reads += 1;
    return inner.pendingOutboxKeys(now, limit);
  };
  return counted;
}

async function until(what: string, done: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function open(handlers: OutboxHandlers) {
  const clock = new ManualClock('2026-09-28T09:00:00+08:00');
  const calendar = createBusinessCalendar();
  const engine = createEngine({
    store: db.store,
    flows: [deadlineFlow()],
    clock,
    ids: randomUUID,
    calendar,
  });
  const dispatch = countingDispatch(db.dispatch);
  const prefix = testPrefix();
  const scheduler = new BullmqScheduler({
    engine,
    store: db.store,
    dispatch,
    clock,
    calendar,
    handlers,
    redisUrl,
    prefix,
    reconcileEveryMs: 0,
    // The timer jobs alone, without the worker's own sweep of due rows.
    sweepEveryMs: 0,
  });
  await scheduler.start();
  return {
    clock,
    engine,
    dispatch,
    scheduler,
    close: async () => {
      await scheduler.stop();
      await deletePrefix(redisUrl, prefix);
    },
  };
}

describe('BullMQ outbox relay', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("delivers a reminder's notifications from the keys the fire returned, reading no outbox", async () => {
    const delivered: OutboxRecord[] = [];
    const w = await open({ notify: async (row) => void delivered.push(row) });
    try {
      const i = await w.engine.start('deadline-review', { college: 'ee', title: '提醒' }, owner);
      const [remind] = await db.store.read.pendingTimers(i.id);
      w.clock.set(remind!.dueAt);
      await w.scheduler.reconcile(); // enqueues the timer, due now (and reads the outbox once)
      w.dispatch.reads = 0;
      await until('the REMIND', async () =>
        (await w.engine.history(i.id)).some((h) => h.event === 'REMIND'),
      );
      await until('the reminder mail', () =>
        delivered.some((r) => r.instanceId === i.id && r.payload['notification'] === 'reminder'),
      );
      expect(w.dispatch.reads).toBe(0);
    } finally {
      await w.close();
    }
  });

  it('relays at once the rows a handler wrote through an engine command', async () => {
    const delivered: OutboxRecord[] = [];
    let started: string | undefined;
    const w = await open({
      notify: async (row, { engine }) => {
        delivered.push(row);
        // The first mail starts another review, whose task notification is a new row.
        if (!started) {
          started = 'starting';
          const next = await engine.start(
            'deadline-review',
            { college: 'ee', title: '后续' },
            owner,
          );
          started = next.id;
        }
      },
    });
    try {
      const i = await w.engine.start('deadline-review', { college: 'ee', title: '首个' }, owner);
      w.dispatch.reads = 0;
      await w.scheduler.nudge(i.id);
      await until('the second review’s mail', () =>
        delivered.some((r) => started !== undefined && r.instanceId === started),
      );
      // No reconcile ran: the nudge after the handler's command relayed the new row.
      expect(w.dispatch.reads).toBeGreaterThanOrEqual(2);
    } finally {
      await w.close();
    }
  });

  it('delivers the mails of fires in the same worker turn: no outbox job for any of them', async () => {
    const delivered: OutboxRecord[] = [];
    const w = await open({ notify: async (row) => void delivered.push(row) });
    try {
      const ids: string[] = [];
      for (let n = 0; n < 12; n += 1) {
        ids.push(
          (await w.engine.start('deadline-review', { college: 'ee', title: `批 ${n}` }, owner)).id,
        );
      }
      const [remind] = await db.store.read.pendingTimers(ids[0] as string);
      w.clock.set(remind!.dueAt); // every first reminder is due now
      const adds = vi.spyOn(Queue.prototype, 'addBulk');
      await w.scheduler.reconcile();
      const outboxAdds = () =>
        adds.mock.contexts.filter((q) => (q as Queue).name === 'outbox').length;
      // The reconcile's own relay of the START mails is one call.
      const before = outboxAdds();
      await until('twelve reminder mails', () =>
        ids.every((id) =>
          delivered.some((r) => r.instanceId === id && r.payload['notification'] === 'reminder'),
        ),
      );
      expect(outboxAdds() - before).toBe(0);
    } finally {
      await w.close();
    }
  });
});
