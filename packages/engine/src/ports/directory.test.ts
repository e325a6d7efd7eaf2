import { describe, expect, it } from 'vitest';
import { T0 } from '../testing/fixtures.js';
import { resolvePeople, type Directory, type Person } from './directory.js';

// The people one decision may name, resolved before it decides and answered synchronously.

const person = (id: string, college: string | null = 'ee'): Person => ({
  id,
  name: id,
  email: `${id}@example.edu.cn`,
  roles: ['lead'],
  college,
});
const asked: string[] = [];
const directory = (withSubstitutes = true): Directory => ({
  getUser: async (id) => (id === 'ghost' ? undefined : person(id)),
  usersFor: async (role, college) => {
    asked.push(`${role}/${college ?? '-'}`);
    return role === 'lead' ? [person(`h-${college ?? 'school'}`, college)] : [];
  },
  principalsOf: async (id) => (id === 'sub' ? [person('boss')] : []),
  ...(withSubstitutes
    ? {
        substitutesOf: async (ids: readonly string[]) =>
          new Map(ids.filter((i) => i === 'boss').map((i) => [i, person(`for-${i}`)])),
      }
    : {}),
});
const request = {
  ids: ['a', 'ghost', 'a'],
  roles: [
    { role: 'lead', college: 'ee' },
    { role: 'lead', college: null },
    { role: 'office', college: null },
  ],
  actorId: 'sub',
  at: T0,
};

describe('resolvePeople', () => {
  it('the people asked for, the holders per role and college, the actor’s principals and everyone’s substitutes', async () => {
    const people = await resolvePeople(directory(), request);
    expect(people.get('a')).toEqual(person('a'));
    expect(people.get('ghost')).toBe(undefined);
    expect(people.get('h-ee')).toEqual(person('h-ee'));
    expect(people.get('boss')).toEqual(person('boss'));
    expect(people.holders('lead', 'ee')).toEqual([person('h-ee')]);
    expect(people.holders('lead', null)).toEqual([person('h-school', null)]);
    expect(people.holders('office', null)).toEqual([]);
    expect(people.principalsOf('sub')).toEqual([person('boss')]);
    expect(people.principalsOf('a')).toEqual([]);
    expect(people.substituteOf('boss')).toEqual(person('for-boss'));
    expect(people.substituteOf('a')).toBe(undefined);
  });

  it('asking for someone or some holders not resolved is a programming error, saying which', async () => {
    const people = await resolvePeople(directory(), request);
    expect(() => people.get('other')).toThrow(
      new TypeError('person other was not resolved before deciding'),
    );
    expect(() => people.holders('lead', 'cs')).toThrow(
      new TypeError('holders of lead/cs were not resolved before deciding'),
    );
    expect(() => people.holders('office', 'ee')).toThrow(
      new TypeError('holders of office/ee were not resolved before deciding'),
    );
    expect(() => people.holders('head', null)).toThrow(
      new TypeError('holders of head/- were not resolved before deciding'),
    );
  });

  it('no directory: nobody is known, every holder list is empty, nobody stands in', async () => {
    const people = await resolvePeople(undefined, request);
    expect(people.get('a')).toBe(undefined);
    expect(people.holders('lead', 'ee')).toEqual([]);
    expect(people.principalsOf('sub')).toEqual([]);
    expect(people.substituteOf('a')).toBe(undefined);
  });

  it('a directory without substitutions, or no one resolved: substitutes are not asked for', async () => {
    const people = await resolvePeople(directory(false), request);
    expect(people.substituteOf('boss')).toBe(undefined);
    let called = 0;
    const counting: Directory = {
      ...directory(),
      substitutesOf: async () => {
        called += 1;
        return new Map();
      },
    };
    await resolvePeople(counting, { ids: [], roles: [], at: T0 });
    expect(called).toBe(0);
    await resolvePeople(counting, { ids: ['ghost'], roles: [], at: T0 });
    expect(called).toBe(0);
    await resolvePeople(counting, { ids: ['a'], roles: [], at: T0 });
    expect(called).toBe(1);
  });

  it('without an actor, or a directory without principals, the principals are nobody', async () => {
    const plain: Directory = { ...directory(), principalsOf: undefined };
    const people = await resolvePeople(plain, request);
    expect(people.principalsOf('sub')).toEqual([]);
    const noActor = await resolvePeople(directory(), { ...request, actorId: undefined });
    expect(noActor.principalsOf('sub')).toEqual([]);
    expect(() => noActor.get('boss')).toThrow(TypeError);
  });
});
