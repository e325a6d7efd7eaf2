import type { DirectoryPerson } from '@certflow/client';

export interface PeopleFilter {
  /** Part of the name, id (工号), e-mail or college name. */
  readonly q?: string | undefined;
  readonly role?: string | undefined;
  readonly college?: string | undefined;
}

/** The people a filter keeps, active ones first, then by id. */
export function filterPeople(
  people: readonly DirectoryPerson[],
  filter: PeopleFilter,
  collegeName: (id: string) => string = (id) => id,
): DirectoryPerson[] {
  const q = filter.q?.trim().toLowerCase() ?? '';
  return people
    .filter((p) => !filter.role || p.roles.includes(filter.role))
    .filter((p) => !filter.college || p.college === filter.college)
    .filter(
      (p) =>
        q === '' ||
        [p.name, p.id, p.email, p.college ? collegeName(p.college) : '']
          .join('\n')
          .toLowerCase()
          .includes(q),
    )
    .sort(
      (a, b) =>
        Number(a.status === 'deactivated') - Number(b.status === 'deactivated') ||
        a.id.localeCompare(b.id),
    );
}
