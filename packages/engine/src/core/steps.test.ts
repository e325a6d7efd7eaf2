import { describe, expect, it } from 'vitest';
import type { TaskSpec } from '../flows/flow.js';
import type { Person } from '../ports/directory.js';
import type { StepDecision, StepProgress, StepRound } from '../records.js';
import { sceneDirectory } from '../testing/decide-scene.js';
import {
  canStillPass,
  initialProgress,
  openSlots,
  roundDone,
  singleRound,
  slotOf,
  withAdded,
  withApproval,
  withRemoved,
} from './steps.js';

// A step's approvers as rounds (会签, 依次, 加签, 减签), computed on their own: no decide, no store.

const holder = (id: string, over: Partial<Person> = {}): Person => ({
  id,
  name: id,
  email: `${id}@example.edu.cn`,
  roles: ['office'],
  college: 'ee',
  ...over,
});
const people = sceneDirectory([
  holder('a'),
  holder('b'),
  holder('c'),
  holder('cs', { college: 'cs' }),
  holder('org', { college: null, organization: 'org-x' }),
]);
const spec = (over: Partial<TaskSpec> = {}): TaskSpec => ({
  step: 'office',
  role: 'office',
  scope: 'college',
  events: ['APPROVE'],
  approval: true,
  approvers: { mode: 'all' },
  ...over,
});
const instance = (decisions: StepDecision[] = [], submitterId = 'owner') => ({
  college: 'ee',
  organization: 'org-x',
  submitterId,
  decisions,
});
const slots = (...ids: string[]) => ids.map((id) => ({ kind: 'person' as const, id }));
const round = (ids: string[], threshold: number, approved: string[] = []): StepRound => ({
  slots: slots(...ids),
  threshold,
  approved,
});
const progress = (rounds: StepRound[], current = 0): StepProgress => ({
  step: 'office',
  state: 'review',
  rounds,
  current,
});

describe('initialProgress', () => {
  it('会签: one round of every holder in the instance’s college, all of them needed', () => {
    expect(initialProgress(spec(), 'review', instance(), people)).toEqual(
      progress([round(['a', 'b', 'c'], 3)]),
    );
  });

  it('会签 with a threshold: that many, never more than there are holders, never fewer than one', () => {
    const of = (threshold: number) =>
      initialProgress(spec({ approvers: { mode: 'all', threshold } }), 'review', instance(), people)
        ?.rounds[0]?.threshold;
    expect([of(2), of(3), of(4), of(1), of(0), of(-1)]).toEqual([2, 3, 3, 1, 1, 1]);
  });

  it('依次: a round per holder, in the directory’s order', () => {
    expect(
      initialProgress(spec({ approvers: { mode: 'sequence' } }), 'review', instance(), people),
    ).toEqual(progress([round(['a'], 1), round(['b'], 1), round(['c'], 1)]));
  });

  it('school-wide and per evaluation organization: the holders of the scope', () => {
    expect(
      initialProgress(spec({ scope: 'school' }), 'review', instance(), people)?.rounds[0]?.slots,
    ).toEqual(slots('a', 'b', 'c', 'cs', 'org'));
    expect(
      initialProgress(spec({ scope: 'organization' }), 'review', instance(), people)?.rounds[0],
    ).toEqual(round(['org'], 1));
  });

  it('the applicant and whoever decided another step (or was stood in for there) get no slot', () => {
    const decided: StepDecision[] = [
      { step: 'college', actorId: 'a', seq: 2 },
      { step: 'college', actorId: 'x', seq: 3, onBehalfOf: 'b' },
      { step: 'office', actorId: 'c', seq: 4 },
    ];
    expect(
      initialProgress(spec(), 'review', instance(decided, 'cs'), people)?.rounds[0]?.slots,
    ).toEqual(slots('c'));
    expect(initialProgress(spec(), 'review', instance([], 'b'), people)?.rounds[0]?.slots).toEqual(
      slots('a', 'c'),
    );
  });

  it('或签, the applicant’s own step, no directory or no holder: no rounds', () => {
    expect(initialProgress(spec({ approvers: undefined }), 'review', instance(), people)).toBe(
      undefined,
    );
    expect(
      initialProgress(spec({ approvers: { mode: 'any' } }), 'review', instance(), people),
    ).toBe(undefined);
    expect(initialProgress(spec({ scope: 'submitter' }), 'review', instance(), people)).toBe(
      undefined,
    );
    expect(initialProgress(spec(), 'review', instance(), undefined)).toBe(undefined);
    expect(initialProgress(spec({ role: 'nobody' }), 'review', instance(), people)).toBe(undefined);
  });
});

describe('rounds, votes and slots', () => {
  it('singleRound: the role’s one slot, one approval needed', () => {
    expect(singleRound('office', 'review')).toEqual({
      step: 'office',
      state: 'review',
      rounds: [{ slots: [{ kind: 'role' }], threshold: 1, approved: [] }],
      current: 0,
    });
  });

  it('openSlots: the current round’s people still to decide, and the role slot; past the last round none', () => {
    const p = progress([round(['a', 'b'], 2, ['a']), round(['c'], 1)]);
    expect(openSlots(p)).toEqual(slots('b'));
    expect(openSlots({ ...p, current: 1 })).toEqual(slots('c'));
    expect(openSlots({ ...p, current: 2 })).toEqual([]);
    const role = { slots: [{ kind: 'role' as const }], threshold: 1, approved: ['a'] };
    expect(openSlots(progress([role]))).toEqual([{ kind: 'role' }]);
  });

  it('slotOf: a named task is its person’s slot, a role task the role’s', () => {
    expect(slotOf({ assignee: 'a' })).toEqual({ kind: 'person', id: 'a' });
    expect(slotOf({ assignee: null })).toEqual({ kind: 'role' });
  });

  it('withApproval: the round completes at its threshold exactly, the step with the last round', () => {
    const p = progress([round(['a', 'b', 'c'], 2), round(['d'], 1)]);
    const first = withApproval(p, 'a');
    expect(first).toEqual({
      progress: progress([round(['a', 'b', 'c'], 2, ['a']), round(['d'], 1)]),
      roundComplete: false,
      stepComplete: false,
    });
    const second = withApproval(first.progress, 'b');
    expect(second).toEqual({
      progress: progress([round(['a', 'b', 'c'], 2, ['a', 'b']), round(['d'], 1)], 1),
      roundComplete: true,
      stepComplete: false,
    });
    expect(withApproval(second.progress, 'd')).toEqual({
      progress: progress([round(['a', 'b', 'c'], 2, ['a', 'b']), round(['d'], 1, ['d'])], 1),
      roundComplete: true,
      stepComplete: true,
    });
  });

  it('canStillPass: while the slots left reach the threshold exactly', () => {
    const p = progress([round(['a', 'b', 'c'], 2)]);
    expect([canStillPass(p, 0), canStillPass(p, 1), canStillPass(p, 2)]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('roundDone: at the threshold exactly; past the last round never', () => {
    expect(roundDone(progress([round(['a', 'b'], 2, ['a'])]))).toBe(false);
    expect(roundDone(progress([round(['a', 'b'], 2, ['a', 'b'])]))).toBe(true);
    expect(roundDone(progress([round(['a', 'b'], 1, ['a', 'b'])]))).toBe(true);
    expect(roundDone(progress([round(['a'], 0)], 1))).toBe(false);
  });
});

describe('加签 and 减签 on the rounds', () => {
  const p = progress([round(['a'], 1, ['a']), round(['b', 'c'], 2, ['b']), round(['d'], 1)], 1);
  const added = { kind: 'person' as const, id: 'x', addedBy: 'b' };

  it('withAdded before, after and with the current round', () => {
    expect(withAdded(p, 'x', 'b', 'before').rounds).toEqual([
      p.rounds[0],
      { slots: [added], threshold: 1, approved: [] },
      p.rounds[1],
      p.rounds[2],
    ]);
    expect(withAdded(p, 'x', 'b', 'after').rounds).toEqual([
      p.rounds[0],
      p.rounds[1],
      { slots: [added], threshold: 1, approved: [] },
      p.rounds[2],
    ]);
    expect(withAdded(p, 'x', 'b', 'with')).toEqual({
      ...p,
      rounds: [
        p.rounds[0],
        { ...round(['b', 'c'], 3, ['b']), slots: [...slots('b', 'c'), added] },
        p.rounds[2],
      ],
    });
  });

  it('withRemoved: the slot goes, with its round when it empties; the threshold never above the slots left', () => {
    const withX = withAdded(p, 'x', 'b', 'with');
    expect(withRemoved(withX, 'x', 'b')).toEqual({
      ...p,
      rounds: [p.rounds[0], round(['b', 'c'], 3, ['b']), p.rounds[2]].map((r, i) =>
        i === 1 ? { ...r, threshold: 2 } : r,
      ),
    });
    const before = withAdded(p, 'x', 'b', 'before');
    expect(withRemoved(before, 'x', 'b')).toEqual(p);
  });

  it('withRemoved of the last round’s only slot, when it is current: the round before becomes current', () => {
    const last = withAdded(progress([round(['a'], 1, ['a'])]), 'x', 'b', 'after');
    const atX = { ...last, current: 1 };
    expect(withRemoved(atX, 'x', 'b')).toEqual({
      ...atX,
      rounds: [round(['a'], 1, ['a'])],
      current: 0,
    });
  });

  it('withRemoved finds nothing: someone else added them, they decided, their round is past, or nobody', () => {
    const withX = withAdded(p, 'x', 'b', 'with');
    expect(withRemoved(withX, 'x', 'c')).toBe(undefined);
    expect(withRemoved(withX, 'c', 'b')).toBe(undefined);
    const decided = {
      ...withX,
      rounds: withX.rounds.map((r, i) => (i === 1 ? { ...r, approved: ['b', 'x'] } : r)),
    };
    expect(withRemoved(decided, 'x', 'b')).toBe(undefined);
    const past = withAdded(p, 'x', 'b', 'before');
    expect(withRemoved({ ...past, current: 2 }, 'x', 'b')).toBe(undefined);
    expect(withRemoved(p, 'nobody', 'b')).toBe(undefined);
  });
});
