import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/actor.js';
import { FlowRegistry } from '../flows/registry.js';
import type { Loaded } from '../ports/store.js';
import type { InstanceRecord, TaskRecord } from '../records.js';
import { instanceRecord, T0, taskRecord } from '../testing/fixtures.js';
import { reviewFlow } from '../testing/review-flow.js';
import { peopleRequestOf } from './people-request.js';

// Whom a command's decision may name or notify, asked of the directory before deciding.

const flows = new FlowRegistry([reviewFlow(1, { deadlines: true })]);
const owner: Actor = { id: 'owner', roles: ['owner'], college: 'ee' };
// reviewFlow: 学院 lead per college (escalating to the school's head), 教务处 office school-wide.
const roles = (college: string | null) => [
  { role: 'lead', college },
  { role: 'head', college: null },
  { role: 'office', college: null },
];
const loadedOf = (over: Partial<InstanceRecord> = {}, openTasks: TaskRecord[] = []): Loaded => ({
  instance: {
    row: instanceRecord({ flowId: 'review', college: 'cs', submitterId: 'owner', ...over }),
    openTasks,
    pendingTimers: [],
  },
  references: new Map(),
});

describe('peopleRequestOf', () => {
  it('a start: the starter and the flow’s roles, per college in the college of the input', () => {
    const start = {
      kind: 'start' as const,
      flowId: 'review',
      input: { college: 'ee', title: 'T' },
      actor: owner,
      instanceId: 'i-1',
    };
    expect(peopleRequestOf(flows, start, { references: new Map() }, T0)).toEqual({
      ids: ['owner'],
      actorId: 'owner',
      at: T0,
      roles: roles('ee'),
    });
    expect(
      peopleRequestOf(flows, { ...start, input: { college: 7 } }, { references: new Map() }, T0),
    ).toEqual({ ids: [], roles: [], at: T0 });
  });

  it('a send: the applicant, the open tasks’ holders and delegates, the steps’ named approvers, the deciders, the people it names', () => {
    const loaded = loadedOf(
      {
        steps: {
          second: {
            step: 'second',
            state: 'second',
            rounds: [
              {
                slots: [{ kind: 'role' }, { kind: 'person', id: 'slot-1' }],
                threshold: 1,
                approved: [],
              },
            ],
            current: 0,
          },
        },
        decisions: [
          { step: 'first', actorId: 'd-1', seq: 2 },
          { step: 'first', actorId: 'd-2', seq: 3, onBehalfOf: 'p-1' },
        ],
      },
      [
        taskRecord('t-1', { assignee: 'a-1', delegatedTo: 'del-1' }),
        taskRecord('t-2', { assignee: null, delegatedTo: null }),
      ],
    );
    const send = {
      kind: 'send' as const,
      instanceId: 'i-1',
      event: { type: 'CC', data: { userIds: ['cc-1'] } },
      actor: owner,
    };
    expect(peopleRequestOf(flows, send, loaded, T0)).toEqual({
      ids: ['owner', 'a-1', 'del-1', 'slot-1', 'd-1', 'd-2', 'p-1', 'cc-1'],
      actorId: 'owner',
      at: T0,
      roles: roles('cs'),
    });
  });

  it('a timer fires with no actor and names nobody itself; an unknown instance or flow version asks for nobody', () => {
    const fire = { kind: 'fire' as const, timerId: 'tm-1', onlyIfDue: true };
    expect(peopleRequestOf(flows, fire, loadedOf({ decisions: [], steps: {} }), T0)).toEqual({
      ids: ['owner'],
      actorId: undefined,
      at: T0,
      roles: roles('cs'),
    });
    const nobody = { ids: [], roles: [], at: T0 };
    expect(peopleRequestOf(flows, fire, { references: new Map() }, T0)).toEqual(nobody);
    expect(peopleRequestOf(flows, fire, loadedOf({ flowVersion: 2 }), T0)).toEqual(nobody);
  });

  it('the flow’s roles are the same on every call (cached per flow)', () => {
    const cancel = { kind: 'cancel' as const, instanceId: 'i-1', reason: 'r', actor: owner };
    const first = peopleRequestOf(flows, cancel, loadedOf(), T0).roles;
    expect(peopleRequestOf(flows, cancel, loadedOf(), T0).roles).toEqual(first);
    expect(first).toEqual(roles('cs'));
  });
});
