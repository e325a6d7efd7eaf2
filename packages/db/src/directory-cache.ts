import type { Directory as EngineDirectory, JsonObject, Person } from '@certflow/engine';
import { substitutionLookups, type SubstitutionRows } from './directory.js';

/**
 * The directory's answers kept in memory for as long as `users` is unchanged.
 *
 * A command's first statement (the one that reads its instance) also reads `directory_revision`,
 * which a statement trigger on `users` rewrites with the writing transaction's id on every change
 * (migration 0003). A lookup made for that command is served from the cache only if the cache was
 * filled at that same revision; a command that saw another revision empties the cache and loads
 * again. A loaded answer is never older than the revision it is filed under: it was read after
 * the statement that saw that revision. So a command sees the directory at least as new as when
 * it read its instance — what an uncached read would give — without a round trip per lookup.
 */
export class DirectoryCache {
  private revision: string | null = null;
  private readonly answers = new Map<string, Promise<unknown>>();
  /** The last view handed out, reused while its revision and sources are the same. */
  private view: {
    readonly revision: string;
    readonly load: EngineDirectory;
    readonly rows: SubstitutionRows | undefined;
    readonly directory: EngineDirectory;
  } | null = null;

  /** The directory as a command that observed `revision` sees it; `null`: not observed, no cache. */
  at(revision: string | null, load: EngineDirectory, rows?: SubstitutionRows): EngineDirectory {
    if (revision === null) return load;
    const v = this.view;
    if (v?.revision === revision && v.load === load && v.rows === rows) return v.directory;
    const directory = this.viewAt(revision, load, rows);
    this.view = { revision, load, rows, directory };
    return directory;
  }

  private viewAt(
    revision: string,
    load: EngineDirectory,
    rows?: SubstitutionRows,
  ): EngineDirectory {
    const getUser = (id: string) =>
      this.answer(revision, `user\u0000${id}`, () => load.getUser(id));
    // Substitution rows change the revision too (migration 0008's trigger): cached as rows,
    // resolved at the instant each command asks about.
    if (!rows) {
      return {
        getUser,
        usersFor: (role, college) =>
          this.answer(revision, `role\u0000${role}\u0000${college ?? ''}`, () =>
            load.usersFor(role, college),
          ),
      };
    }
    const cachedRows: SubstitutionRows = {
      rowsOf: (ids) =>
        this.answer(revision, `subst\u0000${[...ids].sort().join('\u0000')}`, () =>
          rows.rowsOf(ids),
        ),
      rowsNaming: (id) => this.answer(revision, `naming\u0000${id}`, () => rows.rowsNaming(id)),
    };
    return {
      getUser,
      usersFor: (role, college) =>
        this.answer(revision, `role\u0000${role}\u0000${college ?? ''}`, () =>
          load.usersFor(role, college),
        ),
      ...substitutionLookups(cachedRows, getUser),
    };
  }

  private answer<T extends Answer>(
    revision: string,
    key: string,
    load: () => Promise<T>,
  ): Promise<T> {
    if (this.revision !== revision) {
      this.revision = revision;
      this.answers.clear();
    }
    const known = this.answers.get(key) as Promise<T> | undefined;
    if (known) return known;
    const loading = load().then(frozen);
    this.answers.set(key, loading);
    // A failed load is not kept: the next lookup tries again.
    loading.catch(() => {
      if (this.answers.get(key) === loading) this.answers.delete(key);
    });
    return loading;
  }
}

type Answer = Person | Person[] | undefined | ReadonlyMap<string, JsonObject>;

/** Answers are shared between commands: nobody may change them. */
function frozen<T extends Answer>(answer: T): T {
  if (answer instanceof Map) return answer;
  const people: Person[] = Array.isArray(answer) ? answer : answer ? [answer as Person] : [];
  for (const p of people) {
    Object.freeze(p.roles);
    Object.freeze(p);
  }
  return Array.isArray(answer) ? (Object.freeze(answer) as T) : answer;
}
