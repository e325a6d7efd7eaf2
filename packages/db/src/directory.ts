import { and, arrayContains, asc, eq } from 'drizzle-orm';
import type { Directory as EngineDirectory, Person } from '@certflow/engine';
import type { Database } from './database.js';
import { guarded } from './errors.js';
import { users } from './schema.js';

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
  return {
    getUser: (id) =>
      guarded(async () => {
        const [row] = await db.select().from(users).where(eq(users.id, id));
        return row && toUser(row);
      }),

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
