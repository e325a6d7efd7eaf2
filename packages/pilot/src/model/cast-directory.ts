import type { Directory, Person } from '@certflow/engine';
import { cast } from './cast.js';

const persons: Person[] = cast.map((p) => ({
  id: p.id,
  name: p.name ?? p.id,
  email: p.email,
  roles: [...p.roles],
  college: p.college ?? null,
  organization: p.organization ?? null,
}));

/** The test cast as a people directory, for 转办/加签/抄送 and notifications. */
export const castDirectory: Directory = {
  getUser: async (id) => persons.find((p) => p.id === id),
  usersFor: async (role, college) =>
    persons.filter((p) => p.roles.includes(role) && (college === null || p.college === college)),
};
