import { and, arrayContains, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  activeSubstitute,
  periodsOf,
  SUBSTITUTION_REF,
  type Directory as EngineDirectory,
  type JsonObject,
  type Person,
} from '@certflow/engine';
import type { Database } from './database.js';
import { guarded } from './errors.js';
import { referenceData, users } from './schema/tables.js';

/** A person in the directory: the engine's `Person` (`{ id, name, email, roles, college }`). */
export type User = Person;

/**
 * The people directory over the `users` table: the engine's `Directory` port plus the admin
 * writes. `usersFor(role, college)` answers exactly the people whose inbox shows an unassigned
 * task of that role and college: every holder of the role for a school-wide task (`null`), only
 * the holders of that college for a college-scoped one.
 */
export interface Directory extends EngineDirectory {
  getUser(id: string): Promise<User | undefined>;
  usersFor(role: string, college: string | null): Promise<User[]>;
  /** Inserts or replaces the user with this id. */
  upsertUser(user: User): Promise<void>;
  /** Everyone, by id. */
  listUsers(): Promise<User[]>;
  principalsOf(substituteId: string, at: Date): Promise<Person[]>;
  substitutesOf(ids: readonly string[], at: Date): Promise<ReadonlyMap<string, Person>>;
}

/**
 * The stored substitution rows (代理人, `substitution/<person>` reference rows) the port methods
 * are answered from: by the people they are for, and by who stands in. Time is applied after
 * reading, so the rows can be cached (directory-cache.ts) whatever the instant asked about.
 */
export interface SubstitutionRows {
  /** The rows of these people, by person id. */
  rowsOf(ids: readonly string[]): Promise<ReadonlyMap<string, JsonObject>>;
  /** The rows naming `substituteId` in some period, by person id. */
  rowsNaming(substituteId: string): Promise<ReadonlyMap<string, JsonObject>>;
}

/** The engine's 代理人 lookups over substitution rows and a person lookup. */
export function substitutionLookups(
  rows: SubstitutionRows,
  getUser: (id: string) => Promise<Person | undefined>,
): Pick<Directory, 'principalsOf' | 'substitutesOf'> {
  const people = async (ids: readonly string[]): Promise<Person[]> =>
    (await Promise.all(ids.map(getUser))).filter((p): p is Person => p !== undefined);
  return {
    async principalsOf(substituteId, at) {
      const naming = await rows.rowsNaming(substituteId);
      const ids = [...naming].filter(([, v]) => activeSubstitute(v, at) === substituteId);
      return people(ids.map(([id]) => id).sort());
    },
    async substitutesOf(ids, at) {
      const found = await rows.rowsOf(ids);
      const out = new Map<string, Person>();
      await Promise.all(
        [...found].map(async ([id, value]) => {
          const substitute = activeSubstitute(value, at);
          const p = substitute && substitute !== id ? await getUser(substitute) : undefined;
          if (p) out.set(id, p);
        }),
      );
      return out;
    },
  };
}

/** Substitution rows from `reference_data` (the GIN index of migration 0008 finds who is named). */
export function substitutionRows(db: Database): SubstitutionRows {
  const mapOf = (found: { key: string; value: JsonObject }[]) =>
    new Map(found.filter((r) => periodsOf(r.value).length > 0).map((r) => [r.key, r.value]));
  const columns = { key: referenceData.key, value: referenceData.value };
  return {
    rowsOf: (ids) =>
      guarded(async () =>
        ids.length === 0
          ? new Map()
          : mapOf(
              await db
                .select(columns)
                .from(referenceData)
                .where(
                  and(
                    eq(referenceData.kind, SUBSTITUTION_REF),
                    inArray(referenceData.key, [...ids]),
                  ),
                ),
            ),
      ),
    rowsNaming: (substituteId) =>
      guarded(async () =>
        mapOf(
          await db
            .select(columns)
            .from(referenceData)
            .where(
              and(
                eq(referenceData.kind, SUBSTITUTION_REF),
                sql`${referenceData.value} @> ${JSON.stringify({ periods: [{ substituteId }] })}::jsonb`,
              ),
            ),
        ),
      ),
  };
}

function toUser(row: typeof users.$inferSelect): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    roles: row.roles,
    college: row.college,
    ...(row.organization === null ? {} : { organization: row.organization }),
  };
}

export function createDirectory(db: Database): Directory {
  const getUser = (id: string): Promise<User | undefined> =>
    guarded(async () => {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row && toUser(row);
    });
  return {
    getUser,
    ...substitutionLookups(substitutionRows(db), getUser),

    usersFor: (role, college) =>
      guarded(async () => {
        const rows = await db
          .select()
          .from(users)
          .where(
            and(
              arrayContains(users.roles, [role]),
              college === null ? undefined : eq(users.college, college),
            ),
          )
          .orderBy(asc(users.id));
        return rows.map(toUser);
      }),

    upsertUser: (user) =>
      guarded(async () => {
        const { id, name, email, college } = user;
        const organization = user.organization ?? null;
        const changes = { name, email, roles: [...user.roles], college, organization };
        await db
          .insert(users)
          .values({ id, ...changes })
          .onConflictDoUpdate({ target: users.id, set: changes });
      }),

    listUsers: () =>
      guarded(async () => {
        const rows = await db.select().from(users).orderBy(asc(users.id));
        return rows.map(toUser);
      }),
  };
}
