import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from './core/actor.js';
import type { PreviewStep } from './core/preview.js';
import { createEngine, type Engine } from './engine.js';
import type { ApproverMode } from './flows/flow.js';
import { ManualClock } from './ports/clock.js';
import { MemoryStore, reviewFlow, weekdayCalendar } from './testing/index.js';
import { castDirectory, reviewPeople } from './testing/review-cast.js';
import type { InstanceView } from './core/view.js';

const { owner, lead, office, office2, office3 } = reviewPeople;
const everyone: Actor[] = Object.values(reviewPeople);
const cast = { everyone, substitutions: {} as Record<string, string> };

let store: MemoryStore;
let clock: ManualClock;
const engineWith = (options: { approvers?: ApproverMode; extraStep?: boolean } = {}): Engine =>
  createEngine({
    store,
    flows: [reviewFlow(1, { deadlines: true, ...options })],
    clock,
    directory: castDirectory(cast),
    calendar: weekdayCalendar,
  });

beforeEach(() => {
  store = new MemoryStore();
  // Friday 2026-03-06 16:00 Beijing: the first deadline counts over a weekend.
  clock = new ManualClock('2026-03-06T08:00:00Z');
  cast.substitutions = {};
});

/** What a preview step says that the instance's open tasks can be compared with. */
const shape = (s: PreviewStep) => ({
  step: s.step,
  dueAt: s.dueAt,
  approvers: s.approvers.map((a) => a.id).sort(),
});

/**
 * The open tasks of a view as the same shape: the step's approvers (assignees, or the role's
 * holders), its deadline (the task's, else its state's timeout as stored).
 */
async function actual(v: InstanceView, holders: Record<string, readonly string[]>) {
  const timers = await store.read.pendingTimers(v.id);
  const steps = [...new Set(v.tasks.map((t) => t.step))];
  return steps.map((step) => {
    const tasks = v.tasks.filter((t) => t.step === step);
    const named = tasks.flatMap((t) => (t.assignee ? [t.assignee] : []));
    const timeout = timers.find((t) => t.state === tasks[0]?.state && t.taskId === null);
    return {
      step,
      dueAt: tasks.find((t) => t.dueAt)?.dueAt ?? timeout?.dueAt.toISOString() ?? null,
      approvers: (named.length > 0 ? named : [...(holders[step] ?? [])]).sort(),
    };
  });
}

describe('流程预览 (routing preview)', () => {
  it('predicts each step, its approvers and its deadline; driving the instance gives exactly that', async () => {
    const engine = engineWith({ extraStep: true, approvers: { mode: 'all' } });
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    const preview = await engine.preview(i.id);
    expect(preview.complete).toBe(true);
    expect(preview.steps.map((s) => [s.step, s.current, s.mode])).toEqual([
      ['first', true, 'any'],
      ['second', false, 'all'],
      ['third', false, 'any'],
    ]);
    // Friday 16:00 + 5 working days = the next Friday, at the end of the working day.
    expect(preview.steps[0]?.dueAt).toBe('2026-03-13T09:30:00.000Z');
    expect(preview.steps[0]?.dueExplanation?.zh).toContain('5个工作日');
    expect(preview.steps[1]).toMatchObject({ threshold: 3, enteredAt: '2026-03-13T09:30:00.000Z' });
    const holders = {
      first: [lead.id, reviewPeople.lead2.id],
      third: [office.id, office2.id, office3.id],
    };

    // Drive it: each step decided at the moment the preview assumed.
    expect(await actual(i, holders)).toEqual([shape(preview.steps[0]!)]);
    clock.set(preview.steps[1]!.enteredAt);
    let v = await engine.send(i.id, { type: 'APPROVE' }, lead);
    expect(await actual(v, holders)).toEqual([shape(preview.steps[1]!)]);
    for (const who of [office, office2, office3]) {
      v = await engine.send(v.id, { type: 'APPROVE' }, who);
    }
    expect(v.state).toBe('third');
    // 会签 members all decided step two: separation of duties leaves nobody for step three.
    expect(preview.steps[2]?.approvers).toEqual([]);
    expect(await actual(v, { third: [] })).toEqual([shape(preview.steps[2]!)]);
  });

  it('after a step is decided, the preview starts from the steps open now and leaves out who decided', async () => {
    const engine = engineWith();
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    await engine.send(i.id, { type: 'APPROVE' }, lead);
    const preview = await engine.preview(i.id);
    expect(preview.steps.map((s) => [s.step, s.current])).toEqual([['second', true]]);
    expect(preview.steps[0]?.approvers.map((a) => a.id).sort()).toEqual(
      [office.id, office2.id, office3.id].sort(),
    );
    // The second step has no task deadline: its state's timeout (10 working days) is its date.
    expect(preview.steps[0]?.dueExplanation?.zh).toContain('10个工作日');
  });

  it('applies substitutes (代理人) to the approvers', async () => {
    cast.substitutions = { [office.id]: reviewPeople.lead2.id };
    const engine = engineWith();
    const i = await engine.start('review', { college: 'ee', title: 'T' }, owner);
    const second = (await engine.preview(i.id)).steps.find((s) => s.step === 'second');
    expect(second?.approvers.find((a) => a.id === office.id)?.substitute).toEqual({
      id: reviewPeople.lead2.id,
      name: reviewPeople.lead2.name,
    });
  });

  it('previews a draft as the start would route it, writing nothing; refused as the start would be', async () => {
    const engine = engineWith({ extraStep: true });
    const before = store.dump();
    const draft = await engine.previewStart('review', { college: 'ee', title: 'T' }, owner);
    expect(store.dump()).toBe(before);
    const started = await engine.preview(
      (await engine.start('review', { college: 'ee', title: 'T' }, owner)).id,
    );
    expect(draft.steps.map(shape)).toEqual(started.steps.map(shape));
    await expect(engine.previewStart('review', { college: 'ee' }, owner)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      engine.previewStart('review', { college: 'cs', title: 'T' }, owner),
    ).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
  });
});
