import { describe, expect, it } from 'vitest';
import type { Loaded } from '../ports/store.js';
import { referenceId } from '../ports/store.js';
import type { StepDecision } from '../records.js';
import { instanceRecord, T0, taskRecord } from '../testing/fixtures.js';
import { reviewFlow } from '../testing/review-flow.js';
import { referencePuts, referenceReader } from './references.js';
import { returnableSteps, stepActorsOf } from './return-to-step.js';
import { recordDecision, undoBefore } from './step.js';
import { taskView } from './view.js';

// What a decision records of a step (step.ts, return-to-step.ts), the task as clients see it
// (view.ts) and the reference rows a flow reads and writes (references.ts) — each on its own.

const instance = instanceRecord({ stepActors: {}, decisions: [] });

describe('recordDecision', () => {
  it('the step’s first decider under its name, further ones as step#2, step#3; a principal kept', () => {
    const one = recordDecision(instance, { step: 'office', actorId: 'a' }, 2);
    expect(one).toEqual({
      decisions: [{ step: 'office', actorId: 'a', seq: 2 }],
      stepActors: { office: 'a' },
    });
    const two = recordDecision(
      { ...instance, ...one },
      { step: 'office', actorId: 'b', onBehalfOf: 'p' },
      3,
    );
    expect(two).toEqual({
      decisions: [
        { step: 'office', actorId: 'a', seq: 2 },
        { step: 'office', actorId: 'b', seq: 3, onBehalfOf: 'p' },
      ],
      stepActors: { office: 'a', 'office#2': 'b' },
    });
    const three = recordDecision({ ...instance, ...two }, { step: 'office', actorId: 'c' }, 4);
    expect(three.stepActors).toEqual({ office: 'a', 'office#2': 'b', 'office#3': 'c' });
  });

  it('another step’s keys do not count, one that only starts alike neither; a person keeps their key', () => {
    const row = { ...instance, stepActors: { college: 'x', officer: 'y', 'office#9': 'z' } };
    expect(recordDecision(row, { step: 'office', actorId: 'a' }, 5).stepActors).toEqual({
      college: 'x',
      officer: 'y',
      'office#9': 'z',
      'office#2': 'a',
    });
    const again = recordDecision(
      { ...instance, stepActors: { office: 'a' } },
      { step: 'office', actorId: 'a' },
      6,
    );
    expect(again.stepActors).toEqual({ office: 'a' });
    expect(again.decisions).toEqual([{ step: 'office', actorId: 'a', seq: 6 }]);
  });
});

describe('undoBefore', () => {
  it('the instance as it was just before the approval, at the version the approval writes', () => {
    const row = instanceRecord({ version: 4 });
    expect(
      undoBefore(row, { step: 'college_review', actorId: 'lead-1' }, 'review.college'),
    ).toEqual({
      version: 5,
      actorId: 'lead-1',
      step: 'college_review',
      taskState: 'review.college',
      state: row.state,
      snapshot: row.snapshot,
      stepActors: row.stepActors,
      decisions: row.decisions,
      steps: row.steps,
    });
  });
});

describe('退回 to a step: which steps, and who decided them', () => {
  const flow = reviewFlow(1, { extraStep: true });
  const decided = (decisions: StepDecision[], state = 'third') =>
    instanceRecord({ flowId: 'review', state, decisions });

  it('returnableSteps: decided since the last submission, known to the flow, not open now; each once', () => {
    const row = decided([
      { step: 'first', actorId: 'a', seq: 2, supersededBy: 5 },
      { step: 'second', actorId: 'b', seq: 6 },
      { step: 'second', actorId: 'c', seq: 7 },
      { step: 'gone', actorId: 'd', seq: 8 },
      { step: 'third', actorId: 'e', seq: 9 },
    ]);
    expect(returnableSteps(flow, row)).toEqual(['second']);
    expect(returnableSteps(flow, { ...row, state: 'second,first' })).toEqual(['third']);
  });

  it('stepActorsOf: the kept decisions’ first decider per step under its name, then step#2', () => {
    expect(
      stepActorsOf([
        { step: 'first', actorId: 'a', seq: 2 },
        { step: 'firstly', actorId: 'x', seq: 3 },
        { step: 'first', actorId: 'b', seq: 4 },
        { step: 'first', actorId: 'c', seq: 5 },
      ]),
    ).toEqual({ first: 'a', firstly: 'x', 'first#2': 'b', 'first#3': 'c' });
    expect(stepActorsOf([])).toEqual({});
  });
});

describe('taskView', () => {
  it('the task with ISO dates, its deadline’s explanation and provisional flag', () => {
    const task = taskRecord('t-1', { assignee: 'a', organization: 'org-x' });
    expect(taskView(task)).toEqual({
      id: 't-1',
      state: 'review.college',
      step: 'college_review',
      kind: 'step',
      role: 'college_lead',
      college: 'ee',
      organization: 'org-x',
      assignee: 'a',
      events: ['APPROVE', 'RETURN', 'REJECT'],
      approval: true,
      dueAt: task.dueAt?.toISOString(),
      dueProvisional: false,
      dueExplanation: { zh: '5个工作日', en: '5 working days' },
      createdAt: T0.toISOString(),
    });
    const provisional = taskRecord('t-2', {
      dueBasis: { ...taskRecord('t-2').dueBasis!, provisional: true },
    });
    expect(taskView(provisional).dueProvisional).toBe(true);
    expect(taskView(taskRecord('t-3', { dueAt: null, dueBasis: null }))).toMatchObject({
      dueAt: null,
      dueProvisional: false,
      dueExplanation: null,
    });
  });
});

describe('reference rows', () => {
  const quota = { kind: 'quota', key: '2027/ee' };
  const loaded: Loaded = {
    references: new Map([
      [
        referenceId('quota', '2027/ee'),
        { kind: 'quota', key: '2027/ee', value: { n: 3 }, version: 7 },
      ],
    ]),
  };

  it('referenceReader: a declared row’s value as a copy, a declared row that does not exist as undefined', () => {
    const refs = referenceReader(loaded, [quota, { kind: 'quota', key: '2027/cs' }]);
    const value = refs.get('quota', '2027/ee');
    expect(value).toEqual({ n: 3 });
    (value as { n: number }).n = 0;
    expect(refs.get('quota', '2027/ee')).toEqual({ n: 3 });
    expect(refs.get('quota', '2027/cs')).toBe(undefined);
  });

  it('referenceReader: a row the flow did not declare is a programming error', () => {
    const refs = referenceReader(loaded, [quota]);
    expect(() => refs.get('quota', '2027/cs')).toThrow(
      new TypeError("reference quota/2027/cs was not declared by the flow's references"),
    );
    expect(() => refs.get('budget', '2027/ee')).toThrow(TypeError);
  });

  it('referencePuts: each at the version it was loaded at (null if it was not); the last write of a row wins', () => {
    expect(
      referencePuts(loaded, [
        { kind: 'quota', key: '2027/ee', value: { n: 2 } },
        { kind: 'quota', key: '2027/cs', value: { n: 1 } },
        { kind: 'quota', key: '2027/ee', value: { n: 1 } },
      ]),
    ).toEqual([
      { kind: 'quota', key: '2027/ee', value: { n: 1 }, expectedVersion: 7 },
      { kind: 'quota', key: '2027/cs', value: { n: 1 }, expectedVersion: null },
    ]);
    expect(referencePuts(loaded, [])).toEqual([]);
  });
});
