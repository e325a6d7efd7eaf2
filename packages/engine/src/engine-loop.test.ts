import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from './core/actor.js';
import { createEngine, type Engine, type EngineOptions } from './engine.js';
import { FlowRegistry } from './flows/registry.js';
import { ManualClock } from './ports/clock.js';
import type { Directory } from './ports/directory.js';
import type { CommandWrite, InboxQuery, LoadRequest, Loaded, StoreReader } from './ports/store.js';
import { MemoryStore, reviewFlow, weekdayCalendar } from './testing/index.js';
import { castDirectory, reviewPeople } from './testing/review-cast.js';

// Engine.run, the core loop (ARCHITECTURE.md): what each command loads, the retry on a lost
// write and its bound, the lanes, and the reads — on the in-memory store of
// `@certflow/engine/testing`, probed for what the engine asks of it.

const { owner, lead, office } = reviewPeople;

/** A MemoryStore that records what is loaded, written and asked, and can lose writes. */
class ProbeStore extends MemoryStore {
  loads: LoadRequest[] = [];
  writes: CommandWrite[] = [];
  inboxQueries: InboxQuery[] = [];
  /** How many of the next writes lose (answer false, write nothing). */
  lose = 0;
  override async load(request: LoadRequest): Promise<Loaded> {
    this.loads.push(request);
    return super.load(request);
  }
  override async write(w: CommandWrite): Promise<boolean> {
    this.writes.push(w);
    if (this.lose > 0) {
      this.lose -= 1;
      return false;
    }
    return super.write(w);
  }
  override get read(): StoreReader {
    const read = super.read;
    return {
      ...read,
      getInstance: (id) => read.getInstance(id),
      history: (id) => read.history(id),
      openTasks: (id) => read.openTasks(id),
      reference: (kind, key) => read.reference(kind, key),
      inbox: (query) => {
        this.inboxQueries.push(query);
        return read.inbox(query);
      },
    };
  }
}

let store: ProbeStore;
let clock: ManualClock;
let directoryCalls: number;
const cast = { everyone: Object.values(reviewPeople) as Actor[], substitutions: {} };
const counted = (inner: Directory): Directory => ({
  getUser: (id) => {
    directoryCalls += 1;
    return inner.getUser(id);
  },
  usersFor: (role, college) => {
    directoryCalls += 1;
    return inner.usersFor(role, college);
  },
});
const make = (over: Partial<EngineOptions> = {}): Engine =>
  createEngine({
    store,
    flows: [reviewFlow(1, { deadlines: true })],
    clock,
    directory: counted(castDirectory(cast)),
    calendar: weekdayCalendar,
    ...over,
  });

beforeEach(() => {
  store = new ProbeStore();
  clock = new ManualClock('2026-03-02T01:00:00Z'); // Monday 09:00 in Beijing
  directoryCalls = 0;
});

describe('Engine: what each command loads', () => {
  it('a start loads the declared references and its key; a send, cancel or recompute its instance', async () => {
    const engine = make();
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner, {
      idempotencyKey: 'k1',
    });
    await engine.send(i.id, { type: 'COMMENT', comment: '补充' }, owner, { idempotencyKey: 'k2' });
    await engine.send(i.id, { type: 'COMMENT', comment: '再补充' }, owner);
    await engine.recomputeDeadlines(i.id);
    await engine.cancel(i.id, '项目撤销');
    expect(store.loads).toEqual([
      { references: [], idempotency: { scope: 'owner|start:review', key: 'k1' } },
      { instanceId: i.id, idempotency: { scope: `owner|${i.id}`, key: 'k2' } },
      { instanceId: i.id },
      { instanceId: i.id },
      { instanceId: i.id },
    ]);
  });

  it('a timer fire loads its timer; a reference write its row (and the audit head when audited); an audit entry the head', async () => {
    const engine = make();
    await engine.fireTimer('tm-x');
    await engine.putReference({ kind: 'quota', key: '2027/ee', value: { n: 1 }, actor: office });
    await engine.putReference({
      kind: 'quota',
      key: '2027/ee',
      value: { n: 2 },
      actor: office,
      audit: { action: 'quota.set' },
    });
    await engine.audit({ action: 'import', subject: 'calendar/2027', data: {}, actor: office });
    expect(store.loads).toEqual([
      { timerId: 'tm-x' },
      { references: [{ kind: 'quota', key: '2027/ee' }] },
      { references: [{ kind: 'quota', key: '2027/ee' }], auditHead: true },
      { auditHead: true },
    ]);
    expect(await engine.reference('quota', '2027/ee')).toEqual({ n: 2 });
    expect(await engine.reference('quota', '2027/cs')).toBeUndefined();
  });
});

describe('Engine: a lost write is decided again, a bounded number of times', () => {
  it('after two lost writes the third attempt writes, on a fresh load each time', async () => {
    const engine = make();
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    store.loads = [];
    store.lose = 2;
    const v = await engine.send(i.id, { type: 'APPROVE' }, lead);
    expect(v).toMatchObject({ state: 'second', version: 2 });
    expect(store.loads).toHaveLength(3);
    expect((await engine.history(i.id)).map((r) => r.event)).toEqual(['START', 'APPROVE']);
  });

  it('twenty attempts by default, then VERSION_CONFLICT saying how many; nothing written', async () => {
    const engine = make();
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    store.loads = [];
    store.lose = 19;
    await engine.send(i.id, { type: 'COMMENT', comment: '一' }, lead);
    expect(store.loads).toHaveLength(20);
    store.loads = [];
    store.lose = 20;
    await expect(engine.send(i.id, { type: 'COMMENT', comment: '二' }, lead)).rejects.toMatchObject(
      { code: 'VERSION_CONFLICT', details: { attempts: 20 } },
    );
    expect(store.loads).toHaveLength(20);
    expect((await engine.history(i.id)).map((r) => r.comment)).toEqual([null, '一']);
  });

  it('maxAttempts bounds it', async () => {
    const engine = make({ maxAttempts: 2 });
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    store.loads = [];
    store.lose = 2;
    await expect(engine.send(i.id, { type: 'APPROVE' }, lead)).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { attempts: 2 },
    });
    expect(store.loads).toHaveLength(2);
  });

  it('a refusal is thrown at once: no write, no retry', async () => {
    const engine = make();
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    store.loads = [];
    store.writes = [];
    await expect(engine.send(i.id, { type: 'APPROVE' }, office)).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    expect([store.loads.length, store.writes.length]).toEqual([1, 0]);
  });

  it('a replayed key answers the stored result: nobody resolved, nothing written', async () => {
    const engine = make();
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    const first = await engine.send(i.id, { type: 'APPROVE' }, lead, { idempotencyKey: 'k' });
    store.writes = [];
    directoryCalls = 0;
    const again = await engine.send(i.id, { type: 'APPROVE' }, lead, { idempotencyKey: 'k' });
    expect(again).toEqual(first);
    expect([store.writes.length, directoryCalls]).toEqual([0, 0]);
  });
});

describe('Engine: one instance’s commands, one reference row’s writes, run one after another', () => {
  it('concurrent sends to one instance each decide on the other’s result: no write is lost', async () => {
    const engine = make();
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    store.loads = [];
    await Promise.all([
      engine.send(i.id, { type: 'COMMENT', comment: '一' }, owner),
      engine.send(i.id, { type: 'COMMENT', comment: '二' }, lead),
      engine.cancel(i.id, '撤销'),
    ]);
    expect(store.loads).toHaveLength(3);
    expect((await engine.history(i.id)).map((r) => r.event)).toEqual([
      'START',
      'COMMENT',
      'COMMENT',
      'CANCEL',
    ]);
  });

  it('concurrent writes of one reference row, and audit entries, queue too', async () => {
    const engine = make();
    store.loads = [];
    await Promise.all([
      engine.putReference({ kind: 'quota', key: 'a', value: { n: 1 }, actor: office }),
      engine.putReference({ kind: 'quota', key: 'a', value: { n: 2 }, actor: office }),
    ]);
    expect(store.loads).toHaveLength(2);
    store.loads = [];
    const seqs = await Promise.all([
      engine.audit({ action: 'a', subject: 's', data: {}, actor: office }),
      engine.audit({ action: 'b', subject: 's', data: {}, actor: office }),
    ]);
    expect(seqs).toEqual([{ seq: 1 }, { seq: 2 }]);
    expect(store.loads).toHaveLength(2);
  });
});

describe('Engine: commands’ arguments', () => {
  it('a start with more than fifty files is VALIDATION_FAILED on attachments; none records none', async () => {
    const engine = make();
    const files = Array.from({ length: 51 }, (_, n) => ({
      id: `f${n}`,
      name: `f${n}.pdf`,
      sha256: 'a'.repeat(64),
      size: 1,
      mediaType: 'application/pdf',
    }));
    await expect(
      engine.start('review', { college: 'ee', title: 'T' }, owner, { attachments: files }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      messages: { en: expect.stringMatching(/^Invalid input \(attachments: /) },
    });
    expect(store.loads).toEqual([]);
    // Fifty are allowed, and recorded.
    const fifty = await engine.start('review', { college: 'ee', title: 'T' }, owner, {
      attachments: files.slice(0, 50),
    });
    expect((await engine.history(fifty.id))[0]?.data['attachments']).toHaveLength(50);
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner, {
      attachments: [],
    });
    expect((await engine.history(i.id))[0]?.data).not.toHaveProperty('attachments');
    await expect(engine.start('nope', {}, owner)).rejects.toMatchObject({ code: 'UNKNOWN_FLOW' });
  });

  it('a send with a malformed event or options is VALIDATION_FAILED before anything is loaded', async () => {
    const engine = make();
    await expect(engine.send('i-1', { type: '' }, lead)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      engine.send('i-1', { type: 'APPROVE' }, lead, { expectedVersion: -1 }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    // Not an object at all: the message says which argument.
    await expect(engine.send('i-1', null as never, lead)).rejects.toMatchObject({
      messages: { en: expect.stringMatching(/^Invalid input \(event: /) },
    });
    await expect(
      engine.send('i-1', { type: 'APPROVE' }, lead, 'fast' as never),
    ).rejects.toMatchObject({
      messages: { en: expect.stringMatching(/^Invalid input \(options: /) },
    });
    expect(store.loads).toEqual([]);
  });

  it('a send passes on the expected version and the mail token', async () => {
    const engine = make({ maxAttempts: 1 });
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    await expect(
      engine.send(i.id, { type: 'APPROVE' }, lead, { expectedVersion: 7 }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT', details: { expected: 7, actual: 1 } });
    // The memory store keeps no tokens: the write is looked at, then lost.
    store.writes = [];
    store.lose = 1;
    await expect(
      engine.send(i.id, { type: 'APPROVE' }, lead, {
        expectedVersion: 1,
        useToken: { tokenHash: 'e'.repeat(64) },
      }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT', details: { attempts: 1 } });
    expect(store.writes[0]?.useToken).toEqual({ tokenHash: 'e'.repeat(64), at: clock.now() });
    expect(store.writes[0]?.instance?.expectedVersion).toBe(1);
  });

  it('a timer fires when asked even before it is due, unless only if due', async () => {
    const engine = make();
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    const reminder = store.pendingTimers(i.id).find((t) => t.kind === 'remind');
    if (!reminder) throw new Error('expected a reminder');
    expect(await engine.fireTimer(reminder.id, { onlyIfDue: true })).toMatchObject({
      fired: false,
      reason: 'early',
    });
    expect(await engine.fireTimer(reminder.id)).toMatchObject({ fired: true });
  });

  it('cancel is the system’s unless an actor is named', async () => {
    const engine = make();
    const a = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    const b = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    await engine.cancel(a.id, '撤销');
    await engine.cancel(b.id, '撤销', office);
    expect((await engine.history(a.id)).at(-1)).toMatchObject({
      event: 'CANCEL',
      actorId: 'system',
      actorName: '系统',
    });
    expect((await engine.history(b.id)).at(-1)).toMatchObject({ actorId: 'office' });
  });

  it('催办 waits a day by default, or the interval given', async () => {
    const byDefault = make();
    const i = await byDefault.start('review', { college: 'ee', title: 'T' }, owner);
    await byDefault.send(i.id, { type: 'URGE' }, owner);
    clock.advance(23 * 3_600_000);
    await expect(byDefault.send(i.id, { type: 'URGE' }, owner)).rejects.toMatchObject({
      code: 'URGE_TOO_SOON',
    });
    const quick = make({ urgeIntervalMs: 60_000 });
    clock.advance(60_000);
    const v = await quick.send(i.id, { type: 'URGE' }, owner);
    expect(v.version).toBe(3);
  });

  it('a registry given is the engine’s own; new row ids are time-ordered by default', async () => {
    const flows = new FlowRegistry([reviewFlow(1)]);
    const engine = make({ flows });
    expect(engine.flows).toBe(flows);
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    expect(i.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const fixed = make({ ids: () => 'fixed' });
    expect(await fixed.start('review', { college: 'ee', title: 'T' }, owner)).toMatchObject({
      id: 'fixed',
    });
  });
});

describe('Engine: reads', () => {
  it('get, history, verifyHistory and preview of an unknown instance are NOT_FOUND, with its id', async () => {
    const engine = make();
    for (const read of [
      () => engine.get('nope'),
      () => engine.history('nope'),
      () => engine.verifyHistory('nope'),
      () => engine.preview('nope'),
    ]) {
      await expect(read()).rejects.toMatchObject({
        code: 'NOT_FOUND',
        details: { instanceId: 'nope' },
      });
    }
  });

  it('get answers the instance with its open tasks', async () => {
    const engine = make();
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    const v = await engine.get(i.id);
    expect(v).toMatchObject({ id: i.id, state: 'first', version: 1 });
    expect(v.tasks.map((t) => t.step)).toEqual(['first']);
  });

  it('the inbox asks for the actor’s tasks, fifty by default, one to two hundred, from offset 0', async () => {
    const engine = make();
    await engine.start('review', { college: 'ee', title: 'T' }, owner);
    const page = await engine.inbox(lead);
    expect(page.total).toBe(1);
    await engine.inbox(office, { limit: 0, offset: -5 });
    await engine.inbox(
      { id: 'x', roles: ['lead'], college: 'ee', organization: 'org' },
      {
        limit: 1000,
        offset: 3,
      },
    );
    expect(store.inboxQueries).toEqual([
      { actorId: 'lead', roles: ['lead'], college: 'ee', organization: null, limit: 50, offset: 0 },
      {
        actorId: 'office',
        roles: ['office'],
        college: null,
        organization: null,
        limit: 1,
        offset: 0,
      },
      { actorId: 'x', roles: ['lead'], college: 'ee', organization: 'org', limit: 200, offset: 3 },
    ]);
  });

  it('verifyHistory: a chain whose last hash is not the instance’s head is broken at its end', async () => {
    const engine = make();
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    await engine.send(i.id, { type: 'APPROVE' }, lead);
    expect(await engine.verifyHistory(i.id)).toEqual({ ok: true, count: 2 });
    const row = await store.read.getInstance(i.id);
    // The instance row's head moved without its history row (as a lost history write would).
    const loaded = await store.load({ instanceId: i.id });
    await store.write({
      instance: { row: { ...row!, headHash: 'f'.repeat(64), version: 3 }, expectedVersion: 2 },
      closeTasks: [],
      updateTasks: [],
      newTasks: [],
      cancelTimers: [],
      newTimers: [],
      moveTasks: [],
      moveTimers: [],
      outbox: [],
      copies: [],
      references: [],
    });
    expect(loaded.instance?.row.version).toBe(2);
    expect(await engine.verifyHistory(i.id)).toEqual({
      ok: false,
      count: 2,
      brokenAt: 2,
      reason: 'link',
    });
  });

  it('a preview without a directory names no approvers', async () => {
    const engine = make({ directory: undefined });
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    const preview = await engine.preview(i.id);
    expect(preview.steps.map((s) => [s.step, s.approvers])).toEqual([
      ['first', []],
      ['second', []],
    ]);
    const draft = await engine.previewStart('review', { college: 'ee', title: 'T' }, owner);
    expect(draft.steps.map((s) => s.step)).toEqual(['first', 'second']);
  });
});
