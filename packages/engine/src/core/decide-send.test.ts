import { describe, expect, it } from 'vitest';
import type { Command } from '../commands/command.js';
import type { Person } from '../ports/directory.js';
import type { Loaded } from '../ports/store.js';
import type { StepProgress, TaskRecord } from '../records.js';
import { decideScene, sceneDirectory, sceneLead, sceneOwner } from '../testing/decide-scene.js';
import { reviewFlow } from '../testing/review-flow.js';
import type { Actor } from './actor.js';
import { decide } from './decide.js';
import { isStepTask } from './decide-send.js';

// Whose turn it is (decide-send.ts `laterTurn`: 依次, or 加签 before the current approver) and
// deciding on behalf of someone (代理人), with no store (ARCHITECTURE.md, the core loop).

const person = (id: string, name: string, roles: string[], college: string | null): Person => ({
  id,
  name,
  email: `${id}@example.edu.cn`,
  roles,
  college,
});
const everyone = [
  person('owner', '张老师', ['owner'], 'ee'),
  person('lead', '李院长', ['lead'], 'ee'),
  person('lead2', '周副院长', ['lead'], 'ee'),
  person('office', '王处长', ['office'], null),
  person('office2', '刘科长', ['office'], null),
  person('sub', '赵代理', [], 'ee'),
];
const actor = (id: string): Actor => {
  const p = everyone.find((x) => x.id === id);
  if (!p) throw new Error(id);
  return { id: p.id, name: p.name, roles: p.roles, ...(p.college ? { college: p.college } : {}) };
};
const { options, context, loadedWith, send } = decideScene(
  sceneDirectory(everyone, { lead: 'sub' }),
  60_000,
  reviewFlow(1, { deadlines: true, approvers: { mode: 'sequence' } }),
);

const decided = (loaded: Loaded, command: Command) => {
  const decision = decide(loaded, command, context(), options);
  if (!decision.ok) throw decision.refusal;
  if (!decision.write?.instance) throw new Error('expected a write');
  return decision.write;
};
const refusalOf = (loaded: Loaded, command: Command) => {
  const decision = decide(loaded, command, context(), options);
  if (decision.ok) throw new Error('expected a refusal');
  return decision.refusal;
};
/** The instance and its open tasks after `write`, as the next command loads them. */
const next = (write: ReturnType<typeof decided>, open: readonly TaskRecord[]): Loaded => {
  const closed = new Set(write.closeTasks.map((c) => c.id));
  return loadedWith(write.instance?.row, [
    ...open.filter((t) => !closed.has(t.id)),
    ...write.newTasks,
  ]);
};
const approve = (id: string) => send({ actor: actor(id), event: { type: 'APPROVE' } });
const notYourTurn = {
  code: 'EVENT_NOT_ACCEPTED',
  messages: {
    zh: '本环节尚未轮到您审批，请等待前序审批人处理',
    en: 'It is not your turn at this step yet; earlier approvers decide first',
  },
};

describe('依次: a later approver is told to wait', () => {
  const atSecond = next(decided(loadedWith(), approve('lead')), []);
  const secondTasks = atSecond.instance?.openTasks ?? [];

  it('the step opens for the first holder only, the others in rounds after', () => {
    expect(atSecond.instance?.row.steps['second']?.rounds.map((r) => r.slots)).toEqual([
      [{ kind: 'person', id: 'office' }],
      [{ kind: 'person', id: 'office2' }],
    ]);
    expect(secondTasks.map((t) => t.assignee)).toEqual(['office']);
  });

  it('the second in line is EVENT_NOT_ACCEPTED, naming the step and whom it waits for', () => {
    expect(refusalOf(atSecond, approve('office2'))).toMatchObject({
      ...notYourTurn,
      details: { event: 'APPROVE', state: 'second', step: 'second', waitingFor: ['office'] },
    });
    // A delegate of the current approver is not whom the step waits for.
    const delegated: TaskRecord = {
      ...secondTasks[0]!,
      id: 'd-1',
      kind: 'delegated',
      assignee: 'lead2',
    };
    const withDelegate = loadedWith(atSecond.instance?.row, [...secondTasks, delegated]);
    expect(refusalOf(withDelegate, approve('office2')).details).toMatchObject({
      waitingFor: ['office'],
    });
  });

  it('someone in no later round, or whose round has passed, may not act at all', () => {
    expect(refusalOf(atSecond, approve('lead2'))).toMatchObject({
      code: 'NOT_AUTHORIZED',
      details: { event: 'APPROVE', state: 'second' },
    });
    const afterFirst = decided(atSecond, approve('office'));
    const atRoundTwo = next(afterFirst, secondTasks);
    expect(atRoundTwo.instance?.row.steps['second']?.current).toBe(1);
    expect(refusalOf(atRoundTwo, approve('office')).code).toBe('NOT_AUTHORIZED');
    expect(decided(atRoundTwo, approve('office2')).instance?.row.status).toBe('completed');
  });

  it('the progress of a step with no open task asks nobody to wait', () => {
    const old: StepProgress = {
      step: 'old',
      state: 'old',
      rounds: [
        { slots: [{ kind: 'role' }], threshold: 1, approved: [] },
        { slots: [{ kind: 'person', id: 'office2' }], threshold: 1, approved: [] },
      ],
      current: 0,
    };
    const loaded = loadedWith({ steps: { old } });
    expect(refusalOf(loaded, approve('office2')).code).toBe('NOT_AUTHORIZED');
  });

  it('a holder of the role, when a later round is the role’s (加签 before them), waits too', () => {
    const added = decided(
      loadedWith(),
      send({ event: { type: 'ADD_APPROVER', data: { userId: 'lead2' } } }),
    );
    const loaded = next(added, []);
    expect(loaded.instance?.openTasks.map((t) => t.assignee)).toEqual(['lead2']);
    expect(refusalOf(loaded, approve('lead'))).toMatchObject({
      ...notYourTurn,
      details: { event: 'APPROVE', state: 'first', step: 'first', waitingFor: ['lead2'] },
    });
  });
});

describe('代理人: deciding on behalf of the task’s holder', () => {
  it('the substitute decides, recorded as on behalf of the principal, in the row and the decision', () => {
    const write = decided(loadedWith(), approve('sub'));
    expect(write.history).toMatchObject({
      event: 'APPROVE',
      actorId: 'sub',
      data: { onBehalfOf: { id: 'lead', name: '李院长' } },
    });
    expect(write.instance?.row.decisions).toEqual([
      expect.objectContaining({ step: 'first', actorId: 'sub', onBehalfOf: 'lead' }),
    ]);
  });

  it('the holder deciding themselves records nobody on whose behalf', () => {
    const write = decided(loadedWith(), send({ actor: sceneLead }));
    expect(write.history?.data).not.toHaveProperty('onBehalfOf');
    expect(write.instance?.row.decisions).toEqual([
      expect.not.objectContaining({ onBehalfOf: expect.anything() }),
    ]);
  });

  it('the principal having decided another step, their substitute may not take this one', () => {
    const loaded = loadedWith({
      decisions: [{ step: 'earlier', actorId: 'lead', seq: 1 }],
      stepActors: {},
    });
    expect(refusalOf(loaded, approve('sub')).code).toBe('SEPARATION_OF_DUTIES');
  });
});

describe('isStepTask', () => {
  const flow = reviewFlow(1);
  const { firstTask } = decideScene(sceneDirectory(everyone));
  it('is a task of an approval step, escalations included; not the applicant’s nor an unknown step’s', () => {
    expect(isStepTask(firstTask, flow)).toBe(true);
    expect(isStepTask({ ...firstTask, kind: 'escalation' }, flow)).toBe(true);
    expect(isStepTask({ ...firstTask, kind: 'submitter' }, flow)).toBe(false);
    expect(
      isStepTask({ ...firstTask, state: 'returned', step: 'revise', kind: 'step' }, flow),
    ).toBe(false);
    expect(isStepTask({ ...firstTask, step: 'nowhere' }, flow)).toBe(false);
  });
});

describe('naming the task (decide-send.ts)', () => {
  const plain = decideScene(sceneDirectory(everyone));
  const t1 = plain.firstTask;
  const t2: TaskRecord = { ...t1, id: 't-2', assignee: 'lead2' };
  const office: TaskRecord = { ...t1, id: 't-3', step: 'x', role: 'office', college: null };
  const decide1 = (loaded: Loaded, command: Command) => {
    const decision = decide(loaded, command, plain.context(), plain.options);
    if (!decision.ok) throw decision.refusal;
    return decision.write;
  };

  it('any open task may be named, not only the first; the history row names it', () => {
    const w = decide1(
      plain.loadedWith({}, [t1, t2]),
      plain.send({ actor: actor('lead2'), event: { type: 'APPROVE', taskId: 't-2' } }),
    );
    expect(w?.closeTasks.map((c) => c.id)).toEqual(['t-2', 't-1']);
    expect(w?.history?.data).toMatchObject({ taskId: 't-2' });
  });

  it('a named task is the only one considered: another the actor holds does not count', () => {
    const decision = decide(
      plain.loadedWith({}, [t1, office]),
      plain.send({ event: { type: 'APPROVE', taskId: 't-3' } }),
      plain.context(),
      plain.options,
    );
    expect(decision.ok || decision.refusal.code).toBe('NOT_AUTHORIZED');
  });

  it('a submitter event in a parallel state, one of whose leaves has no spec, is still the submitter’s', () => {
    const w = decide1(
      plain.loadedWith({ state: 'other,first' }),
      plain.send({ actor: sceneOwner, event: { type: 'WITHDRAW' } }),
    );
    expect(w?.instance?.row.status).toBe('withdrawn');
  });

  it('only 退回 goes to a chosen step: another event’s toStep is recorded, not followed', () => {
    const w = decide1(
      plain.loadedWith(),
      plain.send({ event: { type: 'APPROVE', data: { toStep: 'first' } } }),
    );
    expect(w?.instance?.row.state).toBe('second');
    expect(w?.history).toMatchObject({ event: 'APPROVE', data: { toStep: 'first' } });
  });

  it('a task that is no approval counts no vote, even in a step with rounds: the machine moves', () => {
    const steps: Record<string, StepProgress> = {
      first: {
        step: 'first',
        state: 'first',
        rounds: [
          { slots: [{ kind: 'role' }], threshold: 1, approved: [] },
          { slots: [{ kind: 'person', id: 'lead2' }], threshold: 1, approved: [] },
        ],
        current: 0,
      },
    };
    const w = decide1(plain.loadedWith({ steps }, [{ ...t1, approval: false }]), plain.send());
    expect(w?.instance?.row.state).toBe('second');
    expect(w?.instance?.row.decisions).toEqual([]);
  });

  it('waiting behind a round of the role: its open task names nobody', () => {
    const steps: Record<string, StepProgress> = {
      first: {
        step: 'first',
        state: 'first',
        rounds: [
          { slots: [{ kind: 'role' }], threshold: 1, approved: [] },
          { slots: [{ kind: 'person', id: 'office2' }], threshold: 1, approved: [] },
        ],
        current: 0,
      },
    };
    const loaded = plain.loadedWith({ steps }, [t1]);
    const decision = decide(loaded, approve('office2'), plain.context(), plain.options);
    expect(decision.ok || decision.refusal).toMatchObject({
      ...notYourTurn,
      details: { step: 'first', waitingFor: [] },
    });
    // One of several people of a later round waits too.
    const first = steps['first']!;
    const several = {
      first: {
        ...first,
        rounds: [
          first.rounds[0]!,
          {
            slots: [
              { kind: 'person' as const, id: 'someone' },
              { kind: 'person' as const, id: 'office2' },
            ],
            threshold: 1,
            approved: [],
          },
        ],
      },
    };
    const among = decide(
      plain.loadedWith({ steps: several }, [t1]),
      approve('office2'),
      plain.context(),
      plain.options,
    );
    expect(among.ok || among.refusal.code).toBe('EVENT_NOT_ACCEPTED');
  });
});
