import type { Person } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { directoryImportSchema } from '../schemas/directory.js';
import { DEACTIVATED_ROLE } from './deactivation.js';
import { checkImport, planImport, type DirectoryState } from './plan-import.js';

const person = (id: string, roles: string[], college: string | null = 'ee'): Person => ({
  id,
  name: id,
  email: `${id}@example.edu.cn`,
  roles,
  college,
});

const state = (people: Person[]): DirectoryState => ({
  users: new Map(people.map((p) => [p.id, p])),
  colleges: new Map([['ee', '电子工程学院']]),
  organizations: new Map(),
});

const doc = (input: unknown) => directoryImportSchema.parse(input);
const entry = (p: Person, extra: Record<string, unknown> = {}) => ({
  id: p.id,
  name: p.name,
  email: p.email,
  roles: p.roles,
  college: p.college,
  ...extra,
});

describe('planning a directory import', () => {
  const lead = person('lead', ['college_lead']);
  const owner = person('owner', ['project_owner']);
  const gone = person('gone', [DEACTIVATED_ROLE]);

  it('creates, updates, leaves alone, deactivates and reactivates', () => {
    const plan = planImport(
      state([lead, owner, gone]),
      doc({
        users: [
          entry(lead),
          entry(owner, { roles: ['project_owner', 'college_lead'] }),
          entry(person('new', ['auditor'], null)),
          entry(gone, { roles: ['project_owner'] }),
        ],
      }),
    );
    expect({
      created: plan.created,
      updated: plan.updated,
      reactivated: plan.reactivated,
      unchanged: plan.unchanged,
    }).toEqual({
      created: ['new'],
      updated: ['owner'],
      reactivated: ['gone'],
      unchanged: 1,
    });
    expect(plan.leavers).toEqual([]);
  });

  it('deactivates whoever the file marks as gone, and with sync whoever it does not list — never deleting', () => {
    const marked = planImport(
      state([lead, owner]),
      doc({ users: [entry(lead, { status: 'deactivated' })] }),
    );
    expect(marked.leavers).toEqual([lead]);
    expect(marked.writes).toEqual([
      expect.objectContaining({ id: 'lead', roles: [DEACTIVATED_ROLE] }),
    ]);
    const synced = planImport(
      state([lead, owner, gone]),
      doc({ users: [entry(lead)], sync: true }),
    );
    expect(synced.leavers.map((p) => p.id)).toEqual(['owner']);
    expect(synced.writes.map((w) => [w.id, w.roles])).toEqual([['owner', [DEACTIVATED_ROLE]]]);
    // without sync a missing person stays as they are
    expect(planImport(state([lead, owner]), doc({ users: [entry(lead)] })).leavers).toEqual([]);
  });

  it('names duplicate ids and emails and unknown colleges or organizations', () => {
    const problems = checkImport(
      state([]),
      doc({
        colleges: [{ id: 'cs', name: '计算机学院' }],
        users: [
          entry(person('a', ['college_lead'], 'cs')),
          entry(person('a', ['project_owner'], 'me')),
          { ...entry(person('b', [], null)), email: 'a@example.edu.cn', organization: 'miit' },
        ],
      }),
    );
    expect(problems.map((p) => [p.at, p.en])).toEqual([
      ['users.1', 'id a repeats entry 1'],
      ['users.1', 'email repeats entry 1'],
      ['users.1', 'no college me'],
      ['users.2', 'email repeats entry 2'],
      ['users.2', 'no evaluation organization miit'],
    ]);
  });
});
