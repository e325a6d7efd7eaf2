import { beforeEach, describe, expect, it } from 'vitest';
import type { CommandEvent } from './commands/command.js';
import type { Actor } from './core/actor.js';
import { createEngine, type Engine } from './engine.js';
import { returnableSteps } from './core/return-to-step.js';
import type { ApproverMode } from './flows/flow.js';
import { ManualClock } from './ports/clock.js';
import { MemoryStore, reviewFlow, weekdayCalendar } from './testing/index.js';
import { castDirectory, reviewPeople } from './testing/review-cast.js';

const { owner, lead, lead2, cs, office, office2, office3, auditor } = reviewPeople;
const everyone: Actor[] = [owner, lead, lead2, cs, office, office2, office3, auditor];
const cast = { everyone, substitutions: {} as Record<string, string> };
const directory = castDirectory(cast);

let store: MemoryStore;
let clock: ManualClock;
const engineWith = (
  options: { approvers?: ApproverMode; rejectEndsStep?: boolean; extraStep?: boolean } = {},
): Engine =>
  createEngine({
    store,
    flows: [reviewFlow(1, options)],
    clock,
    directory,
    calendar: weekdayCalendar,
  });

beforeEach(() => {
  store = new MemoryStore();
  clock = new ManualClock('2026-03-02T09:00:00Z');
  cast.substitutions = {};
});

/** Start a review and take it to the second step (教务处 `office`). */
async function atSecond(engine: Engine) {
  const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
  return engine.send(i.id, { type: 'APPROVE' }, lead);
}

const tasksOf = (v: { tasks: readonly { kind: string; assignee: string | null }[] }) =>
  v.tasks.map((t) => [t.kind, t.assignee]);

describe('会签 and 依次: steps of several approvers', () => {
  it('会签 (all): every holder of the role approves, each once; the step then moves on', async () => {
    const engine = engineWith({ approvers: { mode: 'all' } });
    let v = await atSecond(engine);
    expect(tasksOf(v)).toEqual([
      ['step', 'office'],
      ['step', 'office2'],
      ['step', 'office3'],
    ]);
    v = await engine.send(v.id, { type: 'APPROVE' }, office2);
    expect(v.state).toBe('second');
    expect(tasksOf(v)).toEqual([
      ['step', 'office'],
      ['step', 'office3'],
    ]);
    await expect(engine.send(v.id, { type: 'APPROVE' }, office2)).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    v = await engine.send(v.id, { type: 'APPROVE' }, office);
    v = await engine.send(v.id, { type: 'APPROVE' }, office3);
    expect(v.status).toBe('completed');
    const row = await store.read.getInstance(v.id);
    expect(row?.decisions.map((d) => [d.step, d.actorId])).toEqual([
      ['first', 'lead'],
      ['second', 'office2'],
      ['second', 'office'],
      ['second', 'office3'],
    ]);
  });

  it('会签 (all): whoever decided an earlier step gets no slot, so the step can complete', async () => {
    // 李副院长 holds both roles: they decide the college step, so separation of duties bars them
    // from the 教务处 会签 — a slot for them could never be filled.
    const dual: Actor = { id: 'dual', name: '李副院长', roles: ['lead', 'office'], college: 'ee' };
    cast.everyone.push(dual);
    try {
      const engine = engineWith({ approvers: { mode: 'all' } });
      const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
      let v = await engine.send(i.id, { type: 'APPROVE' }, dual);
      expect(tasksOf(v)).toEqual([
        ['step', 'office'],
        ['step', 'office2'],
        ['step', 'office3'],
      ]);
      for (const who of [office, office2, office3]) {
        v = await engine.send(v.id, { type: 'APPROVE' }, who);
      }
      expect(v.status).toBe('completed');
    } finally {
      cast.everyone.pop();
    }
  });

  it('会签 n of m: two of three complete the step; the third task closes with it', async () => {
    const engine = engineWith({ approvers: { mode: 'all', threshold: 2 } });
    let v = await atSecond(engine);
    v = await engine.send(v.id, { type: 'APPROVE' }, office3);
    expect(v.state).toBe('second');
    v = await engine.send(v.id, { type: 'APPROVE' }, office);
    expect(v.status).toBe('completed');
    expect(v.tasks).toEqual([]);
  });

  it('会签: one 驳回 ends it; without the veto, it ends only when the threshold is out of reach', async () => {
    let engine = engineWith({ approvers: { mode: 'all' } });
    let v = await atSecond(engine);
    v = await engine.send(v.id, { type: 'REJECT', comment: '不同意' }, office2);
    expect(v.status).toBe('rejected');

    engine = engineWith({ approvers: { mode: 'all', threshold: 2 }, rejectEndsStep: false });
    v = await atSecond(engine);
    v = await engine.send(v.id, { type: 'REJECT', comment: '不同意' }, office2);
    expect(v.state).toBe('second');
    v = await engine.send(v.id, { type: 'APPROVE' }, office);
    expect(v.state).toBe('second');
    v = await engine.send(v.id, { type: 'REJECT', comment: '也不同意' }, office3);
    expect(v.status).toBe('rejected');
  });

  it('依次 (sequence): the holders decide one after another, each task opening in turn', async () => {
    const engine = engineWith({ approvers: { mode: 'sequence' } });
    let v = await atSecond(engine);
    expect(tasksOf(v)).toEqual([['step', 'office']]);
    // A later approver is told to wait for their turn (not that they may not act).
    await expect(engine.send(v.id, { type: 'APPROVE' }, office2)).rejects.toMatchObject({
      code: 'EVENT_NOT_ACCEPTED',
      details: { step: 'second', waitingFor: ['office'] },
    });
    v = await engine.send(v.id, { type: 'APPROVE' }, office);
    expect(tasksOf(v)).toEqual([['step', 'office2']]);
    v = await engine.send(v.id, { type: 'APPROVE' }, office2);
    v = await engine.send(v.id, { type: 'APPROVE' }, office3);
    expect(v.status).toBe('completed');
  });

  it('会签 with 50 distinct approvers, concurrently: each counted once, the step completes once', async () => {
    const many = Array.from({ length: 50 }, (_, n) => ({
      id: `o${n}`,
      name: `科员${n}`,
      roles: ['office'],
    }));
    const saved = everyone.splice(0, everyone.length, owner, lead, ...many);
    try {
      const engine = engineWith({ approvers: { mode: 'all' } });
      const v = await atSecond(engine);
      expect(v.tasks).toHaveLength(50);
      const results = await Promise.allSettled(
        many.map((a) => engine.send(v.id, { type: 'APPROVE' }, a)),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(50);
      const history = await engine.history(v.id);
      expect(history.filter((h) => h.event === 'APPROVE' && h.fromState === 'second')).toHaveLength(
        50,
      );
      expect(history.filter((h) => h.toState === 'done')).toHaveLength(1);
      expect((await engine.get(v.id)).status).toBe('completed');
      expect((await engine.verifyHistory(v.id)).ok).toBe(true);
    } finally {
      everyone.splice(0, everyone.length, ...saved);
    }
  });
});

describe('加签 and 减签', () => {
  it('加签 after: the added approver decides after the current one, then the step moves on', async () => {
    const engine = engineWith();
    let v = await atSecond(engine);
    v = await engine.send(
      v.id,
      { type: 'ADD_APPROVER', data: { userId: 'office2', position: 'after' } },
      office,
    );
    expect(tasksOf(v)).toEqual([['step', null]]);
    v = await engine.send(v.id, { type: 'APPROVE' }, office);
    expect(v.state).toBe('second');
    expect(tasksOf(v)).toEqual([['added', 'office2']]);
    v = await engine.send(v.id, { type: 'APPROVE' }, office2);
    expect(v.status).toBe('completed');
  });

  it('加签 with: both decide, in any order', async () => {
    const engine = engineWith();
    let v = await atSecond(engine);
    v = await engine.send(
      v.id,
      { type: 'ADD_APPROVER', data: { userId: 'office2', position: 'with' } },
      office,
    );
    expect(tasksOf(v)).toEqual([
      ['step', null],
      ['added', 'office2'],
    ]);
    v = await engine.send(v.id, { type: 'APPROVE' }, office2);
    expect(v.state).toBe('second');
    v = await engine.send(v.id, { type: 'APPROVE' }, office);
    expect(v.status).toBe('completed');
  });

  it('减签 by who added: the pending added approver goes; anyone else is refused NOT_ADDED_BY_YOU', async () => {
    const engine = engineWith();
    let v = await atSecond(engine);
    v = await engine.send(
      v.id,
      { type: 'ADD_APPROVER', data: { userId: 'office2', position: 'after' } },
      office,
    );
    const before = store.dump();
    await expect(
      engine.send(v.id, { type: 'REMOVE_APPROVER', data: { userId: 'office3' } }, office),
    ).rejects.toMatchObject({ code: 'NOT_ADDED_BY_YOU' });
    expect(store.dump()).toBe(before);
    v = await engine.send(v.id, { type: 'REMOVE_APPROVER', data: { userId: 'office2' } }, office);
    v = await engine.send(v.id, { type: 'APPROVE' }, office);
    expect(v.status).toBe('completed');
  });

  it('减签 of the one approver added before: the task that waited for them opens again', async () => {
    const engine = engineWith();
    let v = await atSecond(engine);
    v = await engine.send(v.id, { type: 'ADD_APPROVER', data: { userId: 'office2' } }, office);
    expect(tasksOf(v)).toEqual([['added', 'office2']]);
    v = await engine.send(v.id, { type: 'REMOVE_APPROVER', data: { userId: 'office2' } }, office);
    expect(tasksOf(v)).toEqual([['step', null]]);
    v = await engine.send(v.id, { type: 'APPROVE' }, office);
    expect(v.status).toBe('completed');
  });

  it('减签 of the last pending approver completes the step', async () => {
    const engine = engineWith();
    let v = await atSecond(engine);
    v = await engine.send(
      v.id,
      { type: 'ADD_APPROVER', data: { userId: 'office2', position: 'with' } },
      office,
    );
    v = await engine.send(v.id, { type: 'APPROVE' }, office);
    expect(v.state).toBe('second');
    v = await engine.send(v.id, { type: 'REMOVE_APPROVER', data: { userId: 'office2' } }, office);
    expect(v.status).toBe('completed');
  });

  it('加签 names someone who can hold the task: another college, the auditor or the applicant are refused', async () => {
    const engine = engineWith();
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    const before = store.dump();
    for (const userId of ['cs-lead', 'auditor', 'owner', 'lead']) {
      await expect(
        engine.send(i.id, { type: 'ADD_APPROVER', data: { userId } }, lead),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect(store.dump()).toBe(before);
  });
});

describe('加签, 减签 and 拿回: the rounds they leave', () => {
  const ADDED_MESSAGES = {
    zh: '加签人须是本环节同一角色、同一范围的其他人员，且不能是本人、申请人或已审批过本流程的人员',
    en: 'The added approver must hold this step’s role and scope, and not be yourself, the submitter, or someone who already approved',
  };

  it('加签 of someone already an approver of the step, or who decided a step, is refused', async () => {
    const dual: Actor = { id: 'dual', name: '李副院长', roles: ['lead', 'office'], college: 'ee' };
    cast.everyone.push(dual);
    try {
      const engine = engineWith();
      const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
      const v = await engine.send(i.id, { type: 'APPROVE' }, dual);
      await engine.send(
        v.id,
        { type: 'ADD_APPROVER', data: { userId: 'office2', position: 'after' } },
        office,
      );
      const before = store.dump();
      for (const userId of ['office2', 'dual', 'office']) {
        await expect(
          engine.send(v.id, { type: 'ADD_APPROVER', data: { userId, position: 'with' } }, office),
        ).rejects.toMatchObject({
          code: 'VALIDATION_FAILED',
          details: { userId },
          messages: ADDED_MESSAGES,
        });
      }
      expect(store.dump()).toBe(before);
    } finally {
      cast.everyone.pop();
    }
  });

  it('加签 after mails nobody yet; with mails the added approver at once', async () => {
    const engine = engineWith();
    const v = await atSecond(engine);
    const mails = () => store.outbox().length;
    const start = mails();
    await engine.send(
      v.id,
      { type: 'ADD_APPROVER', data: { userId: 'office2', position: 'after' } },
      office,
    );
    expect(mails()).toBe(start);
    await engine.send(
      v.id,
      {
        type: 'ADD_APPROVER',
        data: { userId: 'office3', position: 'with' },
        comment: '请陈科员会签',
      },
      office,
    );
    const last = store.outbox().at(-1)?.payload as { recipient?: { id: string }; comment: string };
    expect(mails()).toBe(start + 1);
    expect(last).toMatchObject({ recipient: { id: 'office3' }, comment: '请陈科员会签' });
  });

  it('减签 that completes a round opens the next one; the step completes after it', async () => {
    const engine = engineWith();
    let v = await atSecond(engine);
    v = await engine.send(
      v.id,
      { type: 'ADD_APPROVER', data: { userId: 'office3', position: 'after' } },
      office,
    );
    v = await engine.send(
      v.id,
      { type: 'ADD_APPROVER', data: { userId: 'office2', position: 'with' } },
      office,
    );
    v = await engine.send(v.id, { type: 'APPROVE' }, office);
    expect(tasksOf(v)).toEqual([['added', 'office2']]);
    v = await engine.send(v.id, { type: 'REMOVE_APPROVER', data: { userId: 'office2' } }, office);
    expect(v.state).toBe('second');
    expect(tasksOf(v)).toEqual([['added', 'office3']]);
    const row = await store.read.getInstance(v.id);
    expect(row?.steps['second']?.current).toBe(1);
    await expect(
      engine.send(v.id, { type: 'REMOVE_APPROVER', data: { userId: 'office2' } }, office),
    ).rejects.toMatchObject({
      code: 'NOT_ADDED_BY_YOU',
      details: { userId: 'office2' },
      messages: {
        zh: '只能减去由您加签、且尚未审批的人员',
        en: 'You can only remove an approver you added who has not decided yet',
      },
    });
    v = await engine.send(v.id, { type: 'APPROVE' }, office3);
    expect(v.status).toBe('completed');
  });

  it('拿回 of a 会签 vote reopens the step for the one who took it back, beside those still to vote', async () => {
    const engine = engineWith({ approvers: { mode: 'all' } });
    let v = await atSecond(engine);
    v = await engine.send(v.id, { type: 'APPROVE' }, office2);
    expect(tasksOf(v)).toEqual([
      ['step', 'office'],
      ['step', 'office3'],
    ]);
    v = await engine.send(v.id, { type: 'TAKE_BACK', comment: '意见有误' }, office2);
    expect(
      tasksOf(v)
        .map(([, who]) => who)
        .sort(),
    ).toEqual(['office', 'office2', 'office3']);
    const last = (await engine.history(v.id)).at(-1);
    expect(last).toMatchObject({ event: 'TAKE_BACK', data: { step: 'second' } });
    const row = await store.read.getInstance(v.id);
    expect(row?.steps['second']?.rounds[0]?.approved).toEqual([]);
    // Someone else's approval is not theirs to take back.
    await expect(engine.send(v.id, { type: 'TAKE_BACK' }, office)).rejects.toMatchObject({
      code: 'TAKE_BACK_NOT_ALLOWED',
      details: { actorId: 'office' },
      messages: {
        zh: '只能拿回本人刚办理、且下一环节尚未处理的审批',
        en: 'Only your own last approval can be taken back, before anyone has acted on it',
      },
    });
  });
});

describe('委派, 退回 to a step, 拿回', () => {
  it('委派: the delegate resolves with an opinion, then the task is back with the delegator to decide', async () => {
    const engine = engineWith();
    let v = await atSecond(engine);
    v = await engine.send(v.id, { type: 'DELEGATE', data: { to: 'office2' } }, office);
    expect(tasksOf(v)).toEqual([
      ['step', 'office'],
      ['delegated', 'office2'],
    ]);
    await expect(engine.send(v.id, { type: 'APPROVE' }, office)).rejects.toMatchObject({
      code: 'TASK_DELEGATED',
    });
    await expect(engine.send(v.id, { type: 'APPROVE' }, office2)).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    v = await engine.send(v.id, { type: 'RESOLVE', comment: '材料齐全，建议同意' }, office2);
    expect(tasksOf(v)).toEqual([['step', 'office']]);
    v = await engine.send(v.id, { type: 'APPROVE' }, office);
    expect(v.status).toBe('completed');
  });

  it('退回 to a chosen earlier step: re-assigned to who decided it; a step not passed is refused', async () => {
    const engine = engineWith();
    let v = await atSecond(engine);
    const before = store.dump();
    await expect(
      engine.send(v.id, { type: 'RETURN', comment: '重审', data: { toStep: 'third' } }, office),
    ).rejects.toMatchObject({ code: 'STEP_NOT_REACHED' });
    expect(store.dump()).toBe(before);
    v = await engine.send(
      v.id,
      { type: 'RETURN', comment: '请学院复核', data: { toStep: 'first' } },
      office,
    );
    expect(v.state).toBe('first');
    expect(tasksOf(v)).toEqual([['step', 'lead']]);
    // The decision at `first` is undone: lead decides it again.
    v = await engine.send(v.id, { type: 'APPROVE' }, lead);
    expect(v.state).toBe('second');
    const row = await store.read.getInstance(v.id);
    expect(row?.decisions.map((d) => d.step)).toEqual(['first']);
  });

  it('退回 to a step decided before the last resubmission is refused until it is decided again', async () => {
    const engine = engineWith({ extraStep: true });
    let v = await atSecond(engine);
    // 教务处 sends it back to the applicant, who hands it in again: it is at `first` once more.
    v = await engine.send(v.id, { type: 'RETURN', comment: '补充材料' }, office);
    v = await engine.send(v.id, { type: 'RESUBMIT' }, owner);
    expect(v.state).toBe('first');
    let row = await store.read.getInstance(v.id);
    expect(row?.decisions.map((d) => [d.step, d.supersededBy])).toEqual([
      ['first', 4],
      ['second', 4],
    ]);
    // `second` was decided, but before the resubmission: 退回 there would skip `first`.
    const before = store.dump();
    for (const toStep of ['second', 'first']) {
      await expect(
        engine.send(v.id, { type: 'RETURN', comment: '重审', data: { toStep } }, lead),
      ).rejects.toMatchObject({ code: 'STEP_NOT_REACHED' });
    }
    expect(store.dump()).toBe(before);
    // Decided again since, `first` can be returned to — by whoever decided it this time.
    v = await engine.send(v.id, { type: 'APPROVE' }, lead2);
    row = await store.read.getInstance(v.id);
    expect(row && returnableSteps(reviewFlow(1, { extraStep: true }), row)).toEqual(['first']);
    v = await engine.send(
      v.id,
      { type: 'RETURN', comment: '请学院复核', data: { toStep: 'first' } },
      office,
    );
    expect(tasksOf(v)).toEqual([['step', 'lead2']]);
    // The superseded decisions still count for separation of duties; the returned one is undone.
    row = await store.read.getInstance(v.id);
    expect(row?.decisions.map((d) => [d.step, d.actorId])).toEqual([
      ['first', 'lead'],
      ['second', 'office'],
    ]);
    expect((await engine.verifyHistory(v.id)).ok).toBe(true);
  });

  it('round after round of 退回 and 重新提交, the instance keeps one decision per person and step', async () => {
    const engine = engineWith();
    let v = await atSecond(engine);
    for (let round = 0; round < 5; round += 1) {
      v = await engine.send(v.id, { type: 'RETURN', comment: '补充材料' }, office);
      v = await engine.send(v.id, { type: 'RESUBMIT' }, owner);
      v = await engine.send(v.id, { type: 'APPROVE' }, round % 2 === 0 ? lead : lead2);
    }
    const row = await store.read.getInstance(v.id);
    // Of five rounds: the latest superseded decision of each person at each step (退回 counts as
    // office's decision of `second`), then this round's approval.
    expect(row?.decisions).toEqual([
      { step: 'first', actorId: 'lead', seq: 11, supersededBy: 13 },
      { step: 'first', actorId: 'lead2', seq: 14, supersededBy: 16 },
      { step: 'second', actorId: 'office', seq: 15, supersededBy: 16 },
      { step: 'first', actorId: 'lead', seq: 17 },
    ]);
    expect(row?.stepActors).toEqual({ first: 'lead', second: 'office', 'first#2': 'lead2' });
    expect(v.state).toBe('second');
    expect((await engine.verifyHistory(v.id)).ok).toBe(true);
  });

  it('转办, 委派 and 加签 of a delegated task are refused TASK_DELEGATED until it is resolved', async () => {
    const engine = engineWith();
    const v = await atSecond(engine);
    await engine.send(v.id, { type: 'DELEGATE', data: { to: 'office2' } }, office);
    const before = store.dump();
    const events: CommandEvent[] = [
      { type: 'ADD_APPROVER', data: { userId: 'office3' } },
      { type: 'ADD_APPROVER', data: { userId: 'office3', position: 'with' } },
      { type: 'TRANSFER', data: { to: 'office3' } },
      { type: 'DELEGATE', data: { to: 'office3' } },
    ];
    for (const event of events) {
      await expect(engine.send(v.id, event, office)).rejects.toMatchObject({
        code: 'TASK_DELEGATED',
        details: { delegatedTo: 'office2' },
      });
    }
    expect(store.dump()).toBe(before);
    await engine.send(v.id, { type: 'RESOLVE', comment: '建议同意' }, office2);
    const added = await engine.send(
      v.id,
      { type: 'ADD_APPROVER', data: { userId: 'office3' } },
      office,
    );
    expect(tasksOf(added)).toEqual([['added', 'office3']]);
  });

  it('转办 and 委派 to someone who decided another step (or was stood in for there) are refused', async () => {
    const engine = engineWith({ extraStep: true });
    // office2 decides `second` themselves; on the other instance lead2 decides it for office (代理人).
    const own = await engine.send((await atSecond(engine)).id, { type: 'APPROVE' }, office2);
    cast.substitutions = { office: 'lead2' };
    const stoodIn = await engine.send(
      (await atSecond(engine)).id,
      { type: 'APPROVE', comment: '代为审批' },
      lead2,
    );
    cast.substitutions = {};
    expect([own.state, stoodIn.state]).toEqual(['third', 'third']);
    const before = store.dump();
    for (const [v, to] of [
      [own, 'office2'],
      [stoodIn, 'office'],
    ] as const) {
      for (const type of ['TRANSFER', 'DELEGATE']) {
        await expect(engine.send(v.id, { type, data: { to } }, office3)).rejects.toMatchObject({
          code: 'SEPARATION_OF_DUTIES',
          details: { step: 'third', alreadyActedOn: 'second' },
        });
      }
    }
    expect(store.dump()).toBe(before);
    // Someone who filled no step may take it.
    const moved = await engine.send(own.id, { type: 'TRANSFER', data: { to: 'office' } }, office3);
    expect(tasksOf(moved)).toEqual([['step', 'office']]);
  });

  it('拿回: the approver takes the approval back before the next step acts; afterwards not', async () => {
    const engine = engineWith();
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    let v = await engine.send(i.id, { type: 'APPROVE' }, lead);
    v = await engine.send(v.id, { type: 'COMMENT', comment: '附言' }, owner);
    v = await engine.send(v.id, { type: 'TAKE_BACK' }, lead);
    expect(v.state).toBe('first');
    expect(tasksOf(v)).toEqual([['step', 'lead']]);
    v = await engine.send(v.id, { type: 'APPROVE' }, lead);
    v = await engine.send(
      v.id,
      { type: 'ADD_APPROVER', data: { userId: 'office2', position: 'after' } },
      office,
    );
    const before = store.dump();
    await expect(engine.send(v.id, { type: 'TAKE_BACK' }, lead)).rejects.toMatchObject({
      code: 'TAKE_BACK_NOT_ALLOWED',
    });
    await expect(engine.send(v.id, { type: 'TAKE_BACK' }, office)).rejects.toMatchObject({
      code: 'TAKE_BACK_NOT_ALLOWED',
    });
    expect(store.dump()).toBe(before);
    expect((await engine.verifyHistory(v.id)).ok).toBe(true);
  });
});

describe('代理人: a substitute acts for someone, audited on whose behalf', () => {
  it('the substitute decides the principal’s task; both count for separation of duties', async () => {
    const engine = engineWith({ approvers: { mode: 'sequence' } });
    cast.substitutions = { office: 'lead2' };
    let v = await atSecond(engine);
    // The task is office's; lead2 stands in for them.
    v = await engine.send(v.id, { type: 'APPROVE', comment: '代为审批' }, lead2);
    const last = (await engine.history(v.id)).at(-1);
    expect(last).toMatchObject({
      actorId: 'lead2',
      data: { onBehalfOf: { id: 'office', name: '王处长' } },
    });
    // The applicant's mail for office went to lead2, marked on whose behalf.
    const mails = store
      .outbox()
      .map((r) => r.payload as { recipient?: { id: string }; onBehalfOf?: { id: string } | null });
    expect(mails.some((m) => m.recipient?.id === 'lead2' && m.onBehalfOf?.id === 'office')).toBe(
      true,
    );
  });

  it('in a step of several approvers, a substitute who is also one of them counts once', async () => {
    for (const mode of ['sequence', 'all'] as const) {
      const engine = engineWith({ approvers: { mode } });
      cast.substitutions = { office: 'office2' };
      let v = await atSecond(engine);
      // office2 decides office's turn for them …
      v = await engine.send(v.id, { type: 'APPROVE', comment: '代为审批' }, office2);
      expect(v.state).toBe('second');
      // … and may not then cast their own vote in the same step: one person, one vote.
      const before = store.dump();
      await expect(engine.send(v.id, { type: 'APPROVE' }, office2)).rejects.toMatchObject({
        code: 'SEPARATION_OF_DUTIES',
      });
      // (Their own slot is then 转办 to someone else, or removed by whoever added it.)
      expect(store.dump()).toBe(before);
      store = new MemoryStore();
    }
  });

  it('a substitute cannot approve a step they already filled themselves', async () => {
    const engine = engineWith();
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    await engine.send(i.id, { type: 'APPROVE' }, lead);
    cast.substitutions = { office: 'lead' };
    const before = store.dump();
    await expect(engine.send(i.id, { type: 'APPROVE' }, lead)).rejects.toMatchObject({
      code: 'SEPARATION_OF_DUTIES',
    });
    expect(store.dump()).toBe(before);
  });
});
