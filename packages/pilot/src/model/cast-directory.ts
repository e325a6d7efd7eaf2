import type { Directory, Person } from '@certflow/engine';
import { people } from '../testing/people.js';

const cast: Person[] = Object.values(people).map((p) => ({
  id: p.id,
  name: p.name,
  email: p.email,
  roles: [...p.roles],
  college: 'college' in p ? p.college : null,
}));

/** The test cast (`people`) as a people directory, for 转办/加签/抄送 and notifications. */
export const castDirectory: Directory = {
  getUser: async (id) => cast.find((p) => p.id === id),
  usersFor: async (role, college) =>
    cast.filter((p) => p.roles.includes(role) && (college === null || p.college === college)),
};
