import { describe, expect, it } from 'vitest';
import type { Directory, Person } from '@certflow/engine';
import { DirectoryCache } from './directory-cache.js';
import type { SubstitutionRows } from './directory.js';

const wang: Person = { id: 'wang', name: '王', email: 'w@x', roles: ['office'], college: null };

/** A directory that counts its loads and can be told to fail the next one. */
function counting() {
  const calls: string[] = [];
  let fail = false;
  const directory: Directory = {
    getUser: async (id) => {
      calls.push(`user ${id}`);
      if (fail) {
        fail = false;
        throw new Error('connection lost');
      }
      return id === wang.id ? { ...wang, roles: [...wang.roles] } : undefined;
    },
    usersFor: async (role, college) => {
      calls.push(`role ${role} ${college ?? '-'}`);
      return role === 'office' ? [{ ...wang, roles: [...wang.roles] }] : [];
    },
  };
  return { directory, calls, failNext: () => (fail = true) };
}

describe('DirectoryCache', () => {
  it('hands out one view per revision (every lookup of a command asks for it)', () => {
    const cache = new DirectoryCache();
    const { directory } = counting();
    const view = cache.at('7', directory);
    expect(cache.at('7', directory)).toBe(view);
    expect(cache.at('8', directory)).not.toBe(view);
    expect(cache.at('8', counting().directory)).not.toBe(cache.at('8', directory));
    expect(cache.at(null, directory)).toBe(directory);
  });

  it('answers again from memory at the same revision, and loads again at another', async () => {
    const cache = new DirectoryCache();
    const { directory, calls } = counting();
    expect(await cache.at('7', directory).usersFor('office', null)).toEqual([wang]);
    expect(await cache.at('7', directory).usersFor('office', null)).toEqual([wang]);
    expect(await cache.at('7', directory).usersFor('office', 'ee')).toEqual([wang]);
    expect(await cache.at('7', directory).getUser('wang')).toEqual(wang);
    expect(await cache.at('7', directory).getUser('wang')).toEqual(wang);
    expect(calls).toEqual(['role office -', 'role office ee', 'user wang']);
    await cache.at('8', directory).usersFor('office', null);
    expect(calls.slice(3)).toEqual(['role office -']);
  });

  it('without a revision it does not cache', async () => {
    const cache = new DirectoryCache();
    const { directory, calls } = counting();
    await cache.at(null, directory).getUser('wang');
    await cache.at(null, directory).getUser('wang');
    expect(calls).toEqual(['user wang', 'user wang']);
  });

  it('keeps no failed load, and hands out answers nobody can change', async () => {
    const cache = new DirectoryCache();
    const { directory, calls, failNext } = counting();
    failNext();
    await expect(cache.at('1', directory).getUser('wang')).rejects.toThrow('connection lost');
    const person = await cache.at('1', directory).getUser('wang');
    expect(calls).toEqual(['user wang', 'user wang']);
    expect(Object.isFrozen(person) && Object.isFrozen(person?.roles)).toBe(true);
    const people = await cache.at('1', directory).usersFor('office', null);
    expect(Object.isFrozen(people)).toBe(true);
  });

  it('代理人: keeps the substitution rows per revision and applies each command’s instant', async () => {
    const cache = new DirectoryCache();
    const { directory } = counting();
    const reads: string[] = [];
    const periods = {
      periods: [{ substituteId: 'wang', from: '2026-12-01T00:00:00Z', to: '2026-12-08T00:00:00Z' }],
    };
    const rows: SubstitutionRows = {
      rowsOf: async (ids) => {
        reads.push(`of ${ids.join(',')}`);
        return new Map(ids.includes('li') ? [['li', periods]] : []);
      },
      rowsNaming: async (id) => {
        reads.push(`naming ${id}`);
        return new Map(id === 'wang' ? [['li', periods]] : []);
      },
    };
    const during = new Date('2026-12-03T00:00:00Z');
    const after = new Date('2026-12-09T00:00:00Z');
    const li: Person = { ...wang, id: 'li', name: '李' };
    const withLi: Directory = {
      ...directory,
      getUser: async (id) => (id === 'li' ? li : directory.getUser(id)),
    };
    const at7 = () => cache.at('7', withLi, rows);
    expect([...(await at7().substitutesOf!(['li'], during))]).toEqual([['li', wang]]);
    expect([...(await at7().substitutesOf!(['li'], after))]).toEqual([]);
    expect((await at7().principalsOf!('wang', during)).map((p) => p.id)).toEqual(['li']);
    expect(await at7().principalsOf!('wang', after)).toEqual([]);
    expect(reads).toEqual(['of li', 'naming wang']);
    await cache.at('8', withLi, rows).substitutesOf!(['li'], during);
    expect(reads).toEqual(['of li', 'naming wang', 'of li']);
  });
});
