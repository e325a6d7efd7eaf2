import type { Actor } from '../core/actor.js';
import type { Directory, Person } from '../ports/directory.js';

/** The people of the review flow's engine tests (学院 ee and cs, 教务处 `office`). */
export const reviewPeople = {
  owner: { id: 'owner', name: '张老师', roles: ['owner'], college: 'ee' },
  lead: { id: 'lead', name: '李院长', roles: ['lead'], college: 'ee' },
  lead2: { id: 'lead2', name: '周副院长', roles: ['lead'], college: 'ee' },
  cs: { id: 'cs-lead', name: '计算机学院院长', roles: ['lead'], college: 'cs' },
  office: { id: 'office', name: '王处长', roles: ['office'] },
  office2: { id: 'office2', name: '刘科长', roles: ['office'] },
  office3: { id: 'office3', name: '陈科员', roles: ['office'] },
  auditor: { id: 'auditor', name: '吴审计', roles: ['auditor'] },
} as const satisfies Record<string, Actor>;

export const toPerson = (a: Actor): Person => ({
  id: a.id,
  name: a.name ?? a.id,
  email: `${a.id}@example.edu.cn`,
  roles: a.roles,
  college: a.college ?? null,
});

/**
 * An in-memory directory over a cast the test may change (`everyone`), with 代理人 read from
 * `substitutions` (principal → substitute; no date range: always, while set).
 */
export function castDirectory(cast: {
  readonly everyone: Actor[];
  substitutions: Record<string, string>;
}): Directory {
  const find = (id: string | undefined) => cast.everyone.find((x) => x.id === id);
  return {
    getUser: async (id) => {
      const a = find(id);
      return a && toPerson(a);
    },
    usersFor: async (role, college) =>
      cast.everyone
        .filter((a) => a.roles.includes(role) && (college === null || a.college === college))
        .map(toPerson),
    principalsOf: async (id) =>
      Object.entries(cast.substitutions)
        .filter(([, sub]) => sub === id)
        .flatMap(([principal]) => {
          const a = find(principal);
          return a ? [toPerson(a)] : [];
        }),
    substitutesOf: async (ids) =>
      new Map(
        ids.flatMap((id) => {
          const a = find(cast.substitutions[id]);
          return a ? [[id, toPerson(a)] as const] : [];
        }),
      ),
  };
}
