import type { Person } from '@certflow/engine';
import type { DirectoryImportInput, DirectoryUserInput } from '../schemas/directory.js';
import { DEACTIVATED_ROLE, isDeactivated } from './deactivation.js';
import type { NamedEntry } from './reference-kinds.js';

/** What the directory holds now, as far as an import touches it. */
export interface DirectoryState {
  readonly users: ReadonlyMap<string, Person>;
  /** Colleges / organizations that exist (by id → name), at least those the import names. */
  readonly colleges: ReadonlyMap<string, string>;
  readonly organizations: ReadonlyMap<string, string>;
}

/** A person as the import writes them (organization kept where the directory stores it). */
export type PersonWrite = Person & { readonly organization?: string | null };

export interface EntryChanges {
  readonly write: readonly NamedEntry[];
  readonly created: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: number;
}

export interface ImportPlan {
  readonly colleges: EntryChanges;
  readonly organizations: EntryChanges;
  readonly writes: readonly PersonWrite[];
  readonly created: readonly string[];
  readonly updated: readonly string[];
  readonly reactivated: readonly string[];
  readonly unchanged: number;
  /** Newly deactivated people, as they were before. */
  readonly leavers: readonly Person[];
}

/** A problem of the file: which row, which field, why — in both languages. */
export interface ImportProblem {
  readonly at: string;
  readonly zh: string;
  readonly en: string;
}

function entries(
  given: readonly NamedEntry[],
  existing: ReadonlyMap<string, string>,
): EntryChanges {
  const created: string[] = [];
  const updated: string[] = [];
  const write: NamedEntry[] = [];
  for (const e of given) {
    const before = existing.get(e.id);
    if (before === e.name) continue;
    (before === undefined ? created : updated).push(e.id);
    write.push(e);
  }
  return { write, created, updated, unchanged: given.length - write.length };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

function samePerson(a: Person, b: PersonWrite): boolean {
  const orgKnown = 'organization' in a;
  return (
    a.name === b.name &&
    a.email.toLowerCase() === b.email.toLowerCase() &&
    a.college === b.college &&
    sameList(a.roles, b.roles) &&
    (!orgKnown || (a.organization ?? null) === (b.organization ?? null))
  );
}

const personOf = (u: DirectoryUserInput): PersonWrite => ({
  id: u.id,
  name: u.name,
  email: u.email,
  roles: u.status === 'deactivated' ? [DEACTIVATED_ROLE] : [...u.roles],
  college: u.college ?? null,
  organization: u.organization ?? null,
});

/** Every problem of `doc` against `state`: duplicate ids or emails, unknown colleges or organizations. */
export function checkImport(state: DirectoryState, doc: DirectoryImportInput): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const colleges = new Set([...state.colleges.keys(), ...doc.colleges.map((c) => c.id)]);
  const orgs = new Set([...state.organizations.keys(), ...doc.organizations.map((o) => o.id)]);
  const ids = new Map<string, number>();
  const emails = new Map<string, number>();
  doc.users.forEach((u, i) => {
    const at = `users.${i}`;
    const seen = ids.get(u.id);
    if (seen !== undefined) {
      problems.push({
        at,
        zh: `工号「${u.id}」与第 ${seen + 1} 条重复`,
        en: `id ${u.id} repeats entry ${seen + 1}`,
      });
    }
    ids.set(u.id, i);
    if (u.status === 'active') {
      const email = u.email.toLowerCase();
      const other = emails.get(email);
      if (other !== undefined) {
        // Replies are matched by address: two active people may not share one.
        problems.push({
          at,
          zh: `邮箱与第 ${other + 1} 条重复`,
          en: `email repeats entry ${other + 1}`,
        });
      }
      emails.set(email, i);
    }
    if (u.college && !colleges.has(u.college)) {
      problems.push({ at, zh: `没有该二级学院「${u.college}」`, en: `no college ${u.college}` });
    }
    if (u.organization && !orgs.has(u.organization)) {
      problems.push({
        at,
        zh: `没有该培训评价组织「${u.organization}」`,
        en: `no evaluation organization ${u.organization}`,
      });
    }
  });
  return problems;
}

/**
 * What importing `doc` changes (pure): colleges and organizations upserted by id; people created,
 * updated or left as they are; `deactivated` rows — and with `sync`, everyone active who is not
 * in the file — deactivated (never deleted: the audit trail names them); a deactivated person
 * listed active again is reactivated.
 */
export function planImport(state: DirectoryState, doc: DirectoryImportInput): ImportPlan {
  const writes: PersonWrite[] = [];
  const created: string[] = [];
  const updated: string[] = [];
  const reactivated: string[] = [];
  const leavers: Person[] = [];
  let unchanged = 0;
  const listed = new Set<string>();
  for (const u of doc.users) {
    listed.add(u.id);
    const next = personOf(u);
    const before = state.users.get(u.id);
    if (before && samePerson(before, next)) {
      unchanged += 1;
      continue;
    }
    writes.push(next);
    if (!before) created.push(u.id);
    else if (u.status === 'deactivated' && !isDeactivated(before)) leavers.push(before);
    else if (u.status === 'active' && isDeactivated(before)) reactivated.push(u.id);
    else updated.push(u.id);
  }
  if (doc.sync) {
    for (const [id, before] of state.users) {
      if (listed.has(id) || isDeactivated(before)) continue;
      writes.push({ ...before, roles: [DEACTIVATED_ROLE] });
      leavers.push(before);
    }
  }
  return {
    colleges: entries(doc.colleges, state.colleges),
    organizations: entries(doc.organizations, state.organizations),
    writes,
    created,
    updated,
    reactivated,
    unchanged,
    leavers,
  };
}
