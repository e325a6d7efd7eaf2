import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Directory, User } from '../directory.js';

export interface DirectorySubject {
  readonly directory: Directory;
  reset(): Promise<void>;
  close(): Promise<void>;
}

const lead: User = {
  id: 'lead-ee',
  name: '李主任',
  email: 'li@example.edu.cn',
  roles: ['college_lead'],
  college: 'ee',
};
const leadCs: User = {
  id: 'lead-cs',
  name: '王主任',
  email: 'wang@example.edu.cn',
  roles: ['college_lead', 'project_owner'],
  college: 'cs',
};
const aa: User = {
  id: 'aa-1',
  name: '教务处 赵',
  email: 'zhao@example.edu.cn',
  roles: ['academic_affairs', 'auditor'],
  college: null,
};
const guest: User = {
  id: 'guest',
  name: 'Guest',
  email: 'guest@example.org',
  roles: [],
  college: null,
};

/** The directory's contract; every adapter runs it (see store.int.test.ts). */
export function describeDirectoryContract(
  name: string,
  open: () => Promise<DirectorySubject>,
): void {
  describe(`Directory contract: ${name}`, () => {
    let subject: DirectorySubject | undefined;
    const directory = (): Directory => {
      if (!subject) throw new Error('directory subject not opened');
      return subject.directory;
    };
    beforeAll(async () => {
      subject = await open();
    });
    beforeEach(async () => {
      await subject?.reset();
      for (const user of [lead, leadCs, aa, guest]) await directory().upsertUser(user);
    });
    afterAll(async () => {
      await subject?.close();
    });

    it('gets a user by id, roles as an array, undefined when unknown', async () => {
      expect(await directory().getUser('aa-1')).toStrictEqual(aa);
      expect(await directory().getUser('guest')).toStrictEqual(guest);
      expect(await directory().getUser('nobody')).toBeUndefined();
    });

    it('lists everyone by id', async () => {
      expect((await directory().listUsers()).map((u) => u.id)).toEqual([
        'aa-1',
        'guest',
        'lead-cs',
        'lead-ee',
      ]);
    });

    it('finds every holder of a role for a school-wide task, only that college for a college task', async () => {
      expect(await directory().usersFor('college_lead', null)).toStrictEqual([leadCs, lead]);
      expect(await directory().usersFor('college_lead', 'ee')).toStrictEqual([lead]);
      expect(await directory().usersFor('academic_affairs', null)).toStrictEqual([aa]);
      expect(await directory().usersFor('academic_affairs', 'ee')).toEqual([]);
      expect(await directory().usersFor('finance', null)).toEqual([]);
    });

    it('upserts: a second write replaces the user', async () => {
      const moved: User = { ...lead, name: '李老师', roles: ['project_owner'], college: 'cs' };
      await directory().upsertUser(moved);
      expect(await directory().getUser('lead-ee')).toStrictEqual(moved);
      expect(await directory().usersFor('college_lead', 'ee')).toEqual([]);
      expect((await directory().usersFor('project_owner', 'cs')).map((u) => u.id)).toEqual([
        'lead-cs',
        'lead-ee',
      ]);
    });
  });
}
