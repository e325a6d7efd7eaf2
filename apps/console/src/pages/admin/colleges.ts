import type { DirectoryPerson } from '@certflow/client';
import type { Directory } from '../../api/people';

export interface College {
  readonly id: string;
  readonly name: string;
}

/**
 * The colleges the console knows: named ones (the demo school's list) first, then any other
 * college id the directory's people belong to (named by its id until a colleges API exists).
 */
export function collegesOf(
  directory: Directory | undefined,
  people: readonly DirectoryPerson[] | undefined,
): College[] {
  const named = new Map((directory?.colleges ?? []).map((c) => [c.id, c.name]));
  for (const p of people ?? []) {
    if (p.college && !named.has(p.college)) named.set(p.college, p.college);
  }
  return [...named].map(([id, name]) => ({ id, name }));
}
