import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { ManualClock } from './clock.js';
import type { Directory, Person } from './directory.js';
import { createEngine } from './engine.js';
import type { StoreTx } from './store.js';
import { MemoryStore, reviewFlow, weekdayCalendar } from './testing/index.js';

// `send` without a lock (DESIGN §2: "a version check … with retry"): read, decide, then one
// version-checked write that is the whole transaction. These pin down the retry and the fallback.

const owner: Actor = { id: 'owner', roles: ['owner'], college: 'ee' };
const lead: Actor = { id: 'lead', roles: ['lead'], college: 'ee' };
const lead2: Actor = { id: 'lead2', roles: ['lead'], college: 'ee' };
const office: Actor = { id: 'office', roles: ['office'] };

const people = [owner, lead, lead2, office];
const person = (a: Actor): Person => ({
  id: a.id,
  name: a.id,
  email: `${a.id}@example.edu.cn`,
  roles: a.roles,
  college: a.college ?? null,
});
const directory: Directory = {
  getUser: async (id) => people.map(person).find((p) => p.id === id),
  usersFor: async (role, college) =>
    people
      .filter((a) => a.roles.includes(role) && (college === null || a.college === college))
      .map(person),
};

/** A MemoryStore that counts its unlocked runs and can make the next `losses` writes lose. */
class RacingStore extends MemoryStore {
  runs = 0;
  transactions = 0;
  losses = 0;

  override unlocked<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    this.runs += 1;
    return super.unlocked((tx) =>
      fn({
        ...tx,
        writeCommand: async (write) => {
          if (this.losses > 0) {
            this.losses -= 1;
            return false; // as if another command had written first: nothing written
          }
          return tx.writeCommand(write);
        },
      }),
    );
  }

  override transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    this.transactions += 1;
    return super.transaction(fn);
  }

  /** Count from here: set-up (a start) is not what a test measures. */
  resetCounts(): void {
    this.runs = 0;
    this.transactions = 0;
  }
}

function setup(options: { deadlines?: boolean } = {}) {
  const store = new RacingStore();
  const engine = createEngine({
    store,
    flows: [reviewFlow(1, options)],
    clock: new ManualClock('2026-03-02T09:00:00Z'),
    ids: randomUUID,
    calendar: weekdayCalendar,
    directory,
  });
  return { store, engine };
}

describe('engine: send without a lock', () => {
  it('sends in one unlocked run and no transaction when nobody races', async () => {
    const { store, engine } = setup();
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    store.resetCounts();
    const v = await engine.send(i.id, { type: 'APPROVE' }, lead);
    expect(v.state).toBe('second');
    expect(store.runs).toBe(1);
    // The final write is a transaction of its own in the memory store, as on PostgreSQL.
    expect(store.transactions).toBe(1);
  });

  it('two racing commands both apply, in some order, with one retry and an intact chain', async () => {
    const { store, engine } = setup();
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    store.runs = 0;
    // Both read version 1 before either writes; the second write finds version 2 and retries.
    await Promise.all([
      engine.send(i.id, { type: 'COMMENT', comment: '一' }, lead),
      engine.send(i.id, { type: 'COMMENT', comment: '二' }, lead2),
    ]);
    expect(store.runs).toBe(3);
    const history = await engine.history(i.id);
    expect(history.map((h) => h.seq)).toEqual([1, 2, 3]);
    expect(
      history
        .slice(1)
        .map((h) => h.comment)
        .sort(),
    ).toEqual(['一', '二']);
    expect(await engine.verifyHistory(i.id)).toEqual({ ok: true, count: 3 });
  });

  it('a racing command is decided again on the state the winner left', async () => {
    const { engine } = setup();
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    const settled = await Promise.allSettled([
      engine.send(i.id, { type: 'APPROVE' }, lead),
      engine.send(i.id, { type: 'WITHDRAW' }, owner),
    ]);
    // Both read `first`. The one that wrote second was retried on the state the first left
    // (`second` or `withdrawn`), which does not accept it: refused, and nothing of it written.
    const won = settled.findIndex((r) => r.status === 'fulfilled');
    expect(won).not.toBe(-1);
    expect(settled[1 - won]).toMatchObject({
      status: 'rejected',
      reason: { code: 'EVENT_NOT_ACCEPTED' },
    });
    expect((await engine.history(i.id)).map((h) => h.event)).toEqual([
      'START',
      won === 0 ? 'APPROVE' : 'WITHDRAW',
    ]);
  });

  it('after three lost races it takes the lock, so a command always gets through', async () => {
    const { store, engine } = setup();
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    store.resetCounts();
    store.losses = 3;
    const v = await engine.send(i.id, { type: 'APPROVE' }, lead);
    expect(v.state).toBe('second');
    expect(store.runs).toBe(3);
    expect(store.transactions).toBe(1);
    expect((await engine.history(i.id)).map((h) => h.seq)).toEqual([1, 2]);
  });

  it('a command that needs a transaction (转办, an idempotency key) runs in one', async () => {
    const { store, engine } = setup();
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    const taskId = i.tasks[0]!.id;
    store.resetCounts();
    await engine.send(i.id, { type: 'TRANSFER', taskId, data: { to: 'lead2' } }, lead);
    // Tried unlocked, refused the 转办 write before writing anything, then locked.
    expect(store.runs).toBe(1);
    expect(store.transactions).toBe(1);
    expect((await engine.get(i.id)).tasks[0]?.assignee).toBe('lead2');
    store.runs = 0;
    await engine.send(i.id, { type: 'APPROVE', taskId }, lead2, { idempotencyKey: 'k-1' });
    expect(store.runs).toBe(0);
    await expect(engine.send(i.id, { type: 'APPROVE' }, office)).resolves.toMatchObject({
      status: 'completed',
    });
  });
});

describe('engine: fireTimer without a lock', () => {
  async function withReminder() {
    const { store, engine } = setup({ deadlines: true });
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    const remind = (await store.read.pendingTimers(i.id)).find((t) => t.kind === 'remind');
    if (!remind) throw new Error('no reminder');
    store.resetCounts();
    return { store, engine, i, remind };
  }

  it('fires in one unlocked run: the write claims the timer', async () => {
    const { store, engine, i, remind } = await withReminder();
    const fired = await engine.fireTimer(remind.id);
    expect(fired).toMatchObject({ fired: true, timer: { id: remind.id, status: 'pending' } });
    expect(store.runs).toBe(1);
    expect(store.transactions).toBe(1); // the final write only
    expect((await store.read.getTimer(remind.id))?.status).toBe('fired');
    expect((await engine.history(i.id)).map((h) => h.event)).toEqual(['START', 'REMIND']);
  });

  it('two fires of one timer that read it together remind once', async () => {
    const { store, engine, i, remind } = await withReminder();
    const results = await Promise.all([engine.fireTimer(remind.id), engine.fireTimer(remind.id)]);
    // Both read it pending; the second write finds it fired, writes nothing, reads again.
    expect(results.map((r) => r.fired).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.fired)?.reason).toBe('not-pending');
    expect(store.runs).toBe(3);
    expect((await engine.history(i.id)).map((h) => h.event)).toEqual(['START', 'REMIND']);
    expect(await engine.verifyHistory(i.id)).toEqual({ ok: true, count: 2 });
  });

  it('a fire racing a command is decided again on what the command left', async () => {
    const { engine, i, remind } = await withReminder();
    const [, fire] = await Promise.all([
      engine.send(i.id, { type: 'APPROVE' }, lead),
      engine.fireTimer(remind.id),
    ]);
    const events = (await engine.history(i.id)).map((h) => h.event);
    // Whichever wrote second read again. An approval first cancelled the reminder with the
    // college step, so the fire found nothing to do: never a REMIND after the step was done.
    if (fire.fired) expect(events).toEqual(['START', 'REMIND', 'APPROVE']);
    else {
      expect(fire.reason).toBe('not-pending');
      expect(events).toEqual(['START', 'APPROVE']);
    }
    expect(await engine.verifyHistory(i.id)).toEqual({ ok: true, count: events.length });
  });

  it('a timer whose instance moved on is claimed in a transaction, with nothing else written', async () => {
    const { store, engine, i, remind } = await withReminder();
    // Keep the reminder pending while the instance leaves its state (as a lost cancel would).
    await store.transaction(async (tx) => {
      const locked = await tx.lockInstanceWithOpenTasks(i.id);
      await tx.updateInstance(
        { ...locked!.instance, state: 'elsewhere' },
        locked!.instance.version,
      );
    });
    store.resetCounts();
    expect(await engine.fireTimer(remind.id)).toMatchObject({ fired: false, reason: 'stale' });
    expect(store.runs).toBe(1);
    expect(store.transactions).toBe(1);
    expect((await store.read.getTimer(remind.id))?.status).toBe('fired');
    expect((await engine.history(i.id)).map((h) => h.event)).toEqual(['START']);
  });

  it('leaves a timer that is not due yet pending, without writing (onlyIfDue)', async () => {
    const { store, engine, remind } = await withReminder();
    expect(await engine.fireTimer(remind.id, { onlyIfDue: true })).toMatchObject({
      fired: false,
      reason: 'early',
      dueAt: remind.dueAt,
    });
    expect(store.transactions).toBe(0);
    expect((await store.read.getTimer(remind.id))?.status).toBe('pending');
  });
});
