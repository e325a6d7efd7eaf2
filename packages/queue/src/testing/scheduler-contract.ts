import { createBusinessCalendar } from '@certflow/calendar';
import {
  createEngine,
  InfrastructureError,
  ManualClock,
  refuse,
  type AnyFlow,
  type DispatchStore,
  type Engine,
  type OutboxRecord,
  type Store,
} from '@certflow/engine';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxHandlers } from '../outbox-handlers.js';
import { exponentialRetry } from '../retry-policy.js';
import type { Scheduler, SchedulerDeps } from '../scheduler.js';
import { deadlineFlow, lead, owner } from './deadline-flow.js';

/** A scheduler under test over a database, with a way to wait until it has delivered. */
export interface SchedulerSubject {
  readonly scheduler: Scheduler;
  /** Deliver everything due at the clock's current time, and wait for it. */
  settle(): Promise<void>;
  /** Lose the delivery index (BullMQ: flush Redis; in-process: nothing to lose but the process). */
  loseIndex(): Promise<void>;
}

export interface ContractDb {
  readonly store: Store;
  readonly dispatch: DispatchStore;
  readonly directory: {
    upsertUser(user: {
      id: string;
      name: string;
      email: string;
      roles: string[];
      college: string | null;
    }): Promise<unknown>;
  };
  reset(): Promise<void>;
}

/** The people the notifications go to: one reviewer of the college, one office head. */
async function seedPeople(db: ContractDb): Promise<void> {
  await db.directory.upsertUser({
    id: lead.id,
    name: '李老师',
    email: 'lead@example.edu.cn',
    roles: ['lead'],
    college: 'ee',
  });
  await db.directory.upsertUser({
    id: 'u-head',
    name: '王处长',
    email: 'head@example.edu.cn',
    roles: ['head'],
    college: null,
  });
}

export interface ContractAdapter {
  readonly name: string;
  db(): ContractDb;
  /** A fresh, started scheduler over `deps`. */
  open(deps: SchedulerDeps): Promise<SchedulerSubject>;
}

export const BEIJING = (local: string): Date => new Date(`${local}+08:00`);

export interface World {
  readonly clock: ManualClock;
  readonly engine: Engine;
  readonly delivered: OutboxRecord[];
  readonly subject: SchedulerSubject;
  readonly db: ContractDb;
  /** `clock.set(at)` then `settle()`. */
  at(local: string): Promise<void>;
  events(instanceId: string): Promise<{ event: string; at: string }[]>;
}

/** The scheduler contract: every adapter (in-process, BullMQ) runs it. */
export function describeSchedulerContract(adapter: ContractAdapter): void {
  describe(`Scheduler contract: ${adapter.name}`, () => {
    const opened: SchedulerSubject[] = [];
    afterEach(async () => {
      while (opened.length > 0) await opened.pop()?.scheduler.stop();
    });

    async function world(
      options: { start?: string; handlers?: OutboxHandlers; flows?: AnyFlow[] } = {},
    ): Promise<World> {
      const db = adapter.db();
      await db.reset();
      await seedPeople(db);
      const clock = new ManualClock(BEIJING(options.start ?? '2026-09-28T09:00:00'));
      const calendar = createBusinessCalendar();
      const engine = createEngine({
        store: db.store,
        flows: options.flows ?? [deadlineFlow()],
        clock,
        calendar,
      });
      const delivered: OutboxRecord[] = [];
      const handlers: OutboxHandlers = options.handlers ?? {
        notify: async (row) => {
          delivered.push(row);
        },
      };
      const subject = await adapter.open({
        engine,
        store: db.store,
        dispatch: db.dispatch,
        clock,
        handlers,
        calendar,
        retry: exponentialRetry({ baseMs: 60_000, maxAttempts: 3 }),
      });
      opened.push(subject);
      return {
        clock,
        engine,
        delivered,
        subject,
        db,
        at: async (local) => {
          clock.set(BEIJING(local));
          await subject.settle();
        },
        events: async (id) =>
          (await engine.history(id))
            .filter((h) => h.event !== 'START')
            .map((h) => ({ event: h.event, at: h.at.toISOString() })),
      };
    }

    it('reminds and escalates at working-day instants across the 2026 National Day holiday', async () => {
      const w = await world();
      const i = await w.engine.start('deadline-review', { college: 'ee', title: 'T' }, owner);
      await w.subject.scheduler.nudge(i.id);
      // From Mon 09-28 the working days are 09-29, 09-30, (holiday 10-01..07), 10-08, 10-09 and
      // Sat 10-10 (a make-up working day, 调休). A reminder after 3 working days comes on the
      // morning of the 4th (10-09 09:00), after 4 on 10-10 09:00; the 5-day deadline ends with
      // the 5th working day, 10-10 at 17:30.
      await w.at('2026-09-30T17:00:00');
      await w.at('2026-10-07T23:59:59');
      await w.at('2026-10-09T08:59:59');
      expect(await w.events(i.id)).toEqual([]);
      await w.at('2026-10-09T09:00:00');
      expect(await w.events(i.id)).toEqual([{ event: 'REMIND', at: '2026-10-09T01:00:00.000Z' }]);
      await w.at('2026-10-10T09:00:00');
      await w.at('2026-10-10T17:29:59');
      expect((await w.events(i.id)).map((e) => e.event)).toEqual(['REMIND', 'REMIND']);
      await w.at('2026-10-10T17:30:00');
      expect(await w.events(i.id)).toEqual([
        { event: 'REMIND', at: '2026-10-09T01:00:00.000Z' },
        { event: 'REMIND', at: '2026-10-10T01:00:00.000Z' },
        { event: 'ESCALATE', at: '2026-10-10T09:30:00.000Z' },
      ]);
      const view = await w.engine.get(i.id);
      expect(view.tasks.map((t) => [t.kind, t.role])).toEqual([
        ['step', 'lead'],
        ['escalation', 'head'],
      ]);
      const kinds = w.delivered.map((r) => (r.payload as { notification?: string }).notification);
      expect(kinds.filter((k) => k === 'reminder')).toHaveLength(2);
      expect(kinds.filter((k) => k === 'escalation').length).toBeGreaterThanOrEqual(1);
      expect(await w.db.dispatch.pendingTimers(10)).toEqual([]);
      expect(await w.db.dispatch.pendingOutbox(w.clock.now(), 10)).toEqual([]);
    });

    it('a timer of a state the instance has left never fires', async () => {
      const w = await world();
      const i = await w.engine.start('deadline-review', { college: 'ee', title: 'T' }, owner);
      await w.subject.scheduler.nudge(i.id);
      await w.engine.send(i.id, { type: 'APPROVE' }, lead);
      await w.subject.scheduler.nudge(i.id);
      await w.at('2026-10-12T09:00:00');
      expect(await w.events(i.id)).toEqual([{ event: 'APPROVE', at: '2026-09-28T01:00:00.000Z' }]);
      // The state timeout of `second` (10 working days after 09-28 → Fri 10-16, at the end of the
      // working day) is a machine event.
      await w.at('2026-10-16T17:29:00');
      expect((await w.events(i.id)).map((e) => e.event)).toEqual(['APPROVE']);
      await w.at('2026-10-16T17:30:00');
      expect((await w.events(i.id)).map((e) => e.event)).toEqual(['APPROVE', 'EXPIRE']);
      expect((await w.engine.get(i.id)).status).toBe('cancelled');
    });

    it('fires each due timer exactly once however often it is enqueued', async () => {
      const w = await world();
      const ids: string[] = [];
      for (let n = 0; n < 5; n += 1) {
        ids.push(
          (await w.engine.start('deadline-review', { college: 'ee', title: `T${n}` }, owner)).id,
        );
      }
      w.clock.set(BEIJING('2026-10-09T09:00:00'));
      await Promise.all([
        w.subject.scheduler.reconcile(),
        w.subject.scheduler.reconcile(),
        ...ids.map((id) => w.subject.scheduler.nudge(id)),
      ]);
      await w.subject.settle();
      await w.subject.scheduler.reconcile();
      await w.subject.settle();
      for (const id of ids) expect((await w.events(id)).map((e) => e.event)).toEqual(['REMIND']);
    });

    it('rebuilds what the delivery index lost from the database', async () => {
      const w = await world();
      const ids: string[] = [];
      for (let n = 0; n < 20; n += 1) {
        const i = await w.engine.start('deadline-review', { college: 'ee', title: `T${n}` }, owner);
        await w.subject.scheduler.nudge(i.id);
        ids.push(i.id);
      }
      await w.subject.loseIndex();
      const report = await w.subject.scheduler.reconcile();
      expect(report.timers).toBe(60);
      await w.at('2026-10-10T17:30:00');
      // Overdue timers restored together may fire in any order; each fires once.
      for (const id of ids) {
        expect((await w.events(id)).map((e) => e.event).sort()).toEqual([
          'ESCALATE',
          'REMIND',
          'REMIND',
        ]);
      }
    });

    it('delivers outbox rows once, retries failures with backoff, fails refusals for good', async () => {
      let failures = 0;
      const seen: string[] = [];
      const w = await world({
        handlers: {
          notify: async (row) => {
            const n = (row.payload as { notification?: string }).notification;
            if (n === 'reminder' && failures < 2) {
              failures += 1;
              throw new InfrastructureError('SMTP_DOWN', 'try later', { retryable: true });
            }
            if (n === 'escalation') throw refuse('VALIDATION_FAILED', { why: 'test' });
            seen.push(row.id);
          },
        },
      });
      const i = await w.engine.start('deadline-review', { college: 'ee', title: 'T' }, owner);
      await w.subject.scheduler.nudge(i.id);
      await w.at('2026-10-09T09:00:00');
      const reminder = (await w.db.dispatch.pendingOutbox(BEIJING('2026-10-10T00:00:00'), 10))[0];
      expect(reminder).toMatchObject({
        attempts: 1,
        status: 'pending',
        lastError: 'SMTP_DOWN: try later',
      });
      expect(reminder?.availableAt).toEqual(BEIJING('2026-10-09T09:01:00'));
      await w.at('2026-10-09T09:00:59');
      expect((await w.db.dispatch.getOutbox(reminder?.id ?? ''))?.attempts).toBe(1);
      await w.at('2026-10-09T09:01:00');
      expect(await w.db.dispatch.getOutbox(reminder?.id ?? '')).toMatchObject({
        attempts: 2,
        availableAt: BEIJING('2026-10-09T09:03:00'),
      });
      await w.at('2026-10-09T09:03:00');
      expect(await w.db.dispatch.getOutbox(reminder?.id ?? '')).toMatchObject({
        status: 'delivered',
        attempts: 2,
      });
      expect(seen.filter((id) => id === reminder?.id)).toHaveLength(1);
      await w.at('2026-10-10T17:30:00');
      const failed = (await w.events(i.id)).filter((e) => e.event === 'ESCALATE');
      expect(failed).toHaveLength(1);
      const rows = await w.db.dispatch.pendingOutbox(BEIJING('2030-01-01T00:00:00'), 50);
      expect(rows).toEqual([]);
    });

    it('fails a row of a kind nobody handles, with a reason', async () => {
      const w = await world({ handlers: {} });
      const i = await w.engine.start('deadline-review', { college: 'ee', title: 'T' }, owner);
      await w.subject.scheduler.nudge(i.id);
      await w.at('2026-10-09T09:00:00');
      const all = await w.db.dispatch.pendingOutbox(BEIJING('2030-01-01T00:00:00'), 50);
      expect(all).toEqual([]);
      expect(await w.events(i.id)).toHaveLength(1);
    });
  });
}
