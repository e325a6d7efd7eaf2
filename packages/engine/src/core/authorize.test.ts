import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors.js';
import type { People, Person } from '../ports/directory.js';
import { instanceRecord, taskRecord } from '../testing/fixtures.js';
import type { Actor } from './actor.js';
import {
  asActor,
  checkSeparationOfDuties,
  holderFor,
  holds,
  pickTask,
  stepOfKey,
} from './authorize.js';

// Pure checks of authorize.ts: who holds a task, 代理人, separation of duties (no store).

const lead: Actor = { id: 'lead', roles: ['college_lead'], college: 'ee' };
const person = (over: Partial<Person> & { id: string }): Person => ({
  name: over.id,
  email: `${over.id}@example.edu.cn`,
  roles: [],
  college: null,
  ...over,
});
const peopleWith = (principals: Record<string, Person[]>): People => ({
  get: () => undefined,
  holders: () => [],
  principalsOf: (id) => principals[id] ?? [],
  substituteOf: () => undefined,
});

/** The refusal `fn` throws (a DomainError), for its code, details and messages. */
function refusal(fn: () => void): DomainError {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('holds: a named assignee, or the role in the task scope', () => {
  it('a named task is held by its assignee only, whatever the roles', () => {
    const task = taskRecord('t', { assignee: 'u-9' });
    expect(holds({ id: 'u-9', roles: [] }, task)).toBe(true);
    expect(holds(lead, task)).toBe(false);
  });

  it('a role task needs the role', () => {
    expect(holds(lead, taskRecord('t'))).toBe(true);
    expect(holds({ ...lead, roles: ['office'] }, taskRecord('t'))).toBe(false);
  });

  it('a college task needs the same college; a school task (college null) any', () => {
    expect(holds({ ...lead, college: 'cs' }, taskRecord('t'))).toBe(false);
    const { college: _dropped, ...noCollege } = lead;
    expect(holds(noCollege, taskRecord('t'))).toBe(false);
    expect(holds({ ...lead, college: 'cs' }, taskRecord('t', { college: null }))).toBe(true);
  });

  it('an organization task needs the same organization (第六条3)', () => {
    const task = taskRecord('t', { organization: 'org-a', college: null });
    expect(holds({ ...lead, organization: 'org-a' }, task)).toBe(true);
    expect(holds({ ...lead, organization: 'org-b' }, task)).toBe(false);
    expect(holds(lead, task)).toBe(false);
  });
});

describe('asActor and holderFor (代理人)', () => {
  it('a directory person becomes a person actor, college and organization only when set', () => {
    expect(asActor(person({ id: 'p', name: '王', roles: ['x'] }))).toEqual({
      id: 'p',
      name: '王',
      email: 'p@example.edu.cn',
      roles: ['x'],
      kind: 'person',
    });
    expect(asActor(person({ id: 'p', college: 'ee', organization: 'org' }))).toMatchObject({
      college: 'ee',
      organization: 'org',
    });
  });

  it('the actor holds it as themselves first, with no principal', () => {
    const people = peopleWith({ lead: [person({ id: 'p', roles: ['college_lead'] })] });
    expect(holderFor(lead, taskRecord('t'), people)).toEqual({ as: lead });
  });

  it('else as the first principal who holds it, named onBehalfOf', () => {
    const stranger: Actor = { id: 's', roles: [] };
    const other = person({ id: 'other', roles: ['office'] });
    const principal = person({ id: 'p', roles: ['college_lead'], college: 'ee' });
    const held = holderFor(stranger, taskRecord('t'), peopleWith({ s: [other, principal] }));
    expect(held?.onBehalfOf).toBe(principal);
    expect(held?.as).toMatchObject({ id: 'p', college: 'ee', kind: 'person' });
  });

  it('undefined when neither the actor nor a principal holds it, or nobody is resolved', () => {
    const stranger: Actor = { id: 's', roles: [] };
    const other = person({ id: 'other', roles: ['office'] });
    expect(holderFor(stranger, taskRecord('t'), peopleWith({ s: [other] }))).toBeUndefined();
    expect(holderFor(stranger, taskRecord('t'), undefined)).toBeUndefined();
  });
});

describe('stepOfKey', () => {
  it('strips the further-approver suffix', () => {
    expect(stepOfKey('college#2')).toBe('college');
    expect(stepOfKey('college')).toBe('college');
  });
});

describe('separation of duties', () => {
  const task = taskRecord('t', { step: 'school_review' });
  const fresh = instanceRecord({ stepActors: {}, decisions: [], steps: {} });

  it('nobody approves their own submission: SELF_APPROVAL with the step and its messages', () => {
    const error = refusal(() => checkSeparationOfDuties(['teacher-1'], task, fresh));
    expect(error).toMatchObject({
      code: 'SELF_APPROVAL',
      details: { step: 'school_review' },
      messages: { zh: '不能审批本人提交的申请', en: 'You cannot approve a submission of your own' },
    });
  });

  it('the principal of a substitute is checked too', () => {
    expect(refusal(() => checkSeparationOfDuties(['sub', 'teacher-1'], task, fresh)).code).toBe(
      'SELF_APPROVAL',
    );
  });

  it('a task that is no approval is not checked at all', () => {
    const revise = taskRecord('t', { approval: false });
    expect(() => checkSeparationOfDuties(['teacher-1'], revise, instanceRecord())).not.toThrow();
  });

  it('one who filled another step (stepActors, suffix stripped) is refused with that step', () => {
    const instance = instanceRecord({ stepActors: { 'college_review#2': 'u-1' }, decisions: [] });
    const error = refusal(() => checkSeparationOfDuties(['u-1'], task, instance));
    expect(error).toMatchObject({
      code: 'SEPARATION_OF_DUTIES',
      details: { step: 'school_review', alreadyActedOn: 'college_review' },
      messages: {
        zh: '同一人不能在同一流程中担任两个审批环节',
        en: 'One person cannot fill two approval steps of the same instance',
      },
    });
  });

  it('one who decided another step, themselves or as the principal, is refused', () => {
    const instance = instanceRecord({
      stepActors: {},
      decisions: [{ step: 'college_review', actorId: 'sub', seq: 2, onBehalfOf: 'principal' }],
      steps: {},
    });
    for (const id of ['sub', 'principal']) {
      expect(refusal(() => checkSeparationOfDuties([id], task, instance)).details).toEqual({
        step: 'school_review',
        alreadyActedOn: 'college_review',
      });
    }
  });

  it('having acted on the same step is no other step', () => {
    const instance = instanceRecord({
      stepActors: { school_review: 'u-1' },
      decisions: [{ step: 'school_review', actorId: 'u-1', seq: 2 }],
      steps: {},
    });
    expect(() => checkSeparationOfDuties(['u-1'], task, instance)).not.toThrow();
    expect(() => checkSeparationOfDuties(['u-2'], task, instance)).not.toThrow();
  });

  it('within a step, one who already approved or voted against in its rounds counts once', () => {
    const rounds = (approved: string[], against?: string[]) =>
      instanceRecord({
        stepActors: {},
        decisions: [],
        steps: {
          school_review: {
            step: 'school_review',
            state: 'review.school',
            rounds: [{ slots: [], threshold: 2, approved, ...(against ? { against } : {}) }],
            current: 0,
          },
        },
      });
    expect(refusal(() => checkSeparationOfDuties(['u-1'], task, rounds(['u-1']))).details).toEqual({
      step: 'school_review',
      alreadyDecidedInStep: 'u-1',
    });
    expect(refusal(() => checkSeparationOfDuties(['u-3'], task, rounds([], ['u-3']))).code).toBe(
      'SEPARATION_OF_DUTIES',
    );
    expect(() => checkSeparationOfDuties(['u-2'], task, rounds(['u-1']))).not.toThrow();
  });

  it('a substitute who decided for a principal in the step blocks both people there', () => {
    const base = {
      stepActors: {},
      steps: {
        school_review: {
          step: 'school_review',
          state: 'review.school',
          rounds: [{ slots: [], threshold: 2, approved: ['principal'] }],
          current: 0,
        },
      },
    };
    const instance = instanceRecord({
      ...base,
      decisions: [{ step: 'school_review', actorId: 'sub', seq: 2, onBehalfOf: 'principal' }],
    });
    expect(refusal(() => checkSeparationOfDuties(['sub'], task, instance)).details).toEqual({
      step: 'school_review',
      alreadyDecidedInStep: 'sub',
    });
    // A decision with neither person of the round links nobody.
    const unrelated = instanceRecord({
      ...base,
      decisions: [{ step: 'school_review', actorId: 'sub', seq: 2, onBehalfOf: 'x' }],
    });
    expect(() => checkSeparationOfDuties(['sub'], task, unrelated)).not.toThrow();
    const own = instanceRecord({
      ...base,
      decisions: [{ step: 'school_review', actorId: 'principal', seq: 2 }],
    });
    expect(() => checkSeparationOfDuties(['sub'], task, own)).not.toThrow();
  });
});

describe('pickTask', () => {
  const role = taskRecord('role');
  const escalation = taskRecord('esc', { kind: 'escalation' });
  const named = taskRecord('named', { assignee: 'lead' });

  it('prefers the task named for the actor, then an escalation, then the first', () => {
    expect(pickTask([role, escalation, named], lead)).toBe(named);
    expect(pickTask([role, escalation], lead)).toBe(escalation);
    expect(pickTask([role, taskRecord('b')], lead)).toBe(role);
    expect(pickTask([], lead)).toBeUndefined();
  });
});
