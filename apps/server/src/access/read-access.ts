import { isDomainError, refuse, type Actor } from '@certflow/engine';
import type { Database } from '@certflow/db';
import { history, instances, tasks } from '@certflow/db';
import { and, eq, exists, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';

/**
 * Who reads what (docs/http-api.md § Visibility):
 * - `auditor`, `leadership`, `academic_affairs`, `finance` (school scope) read every instance;
 * - `college_lead` reads every instance of their college;
 * - everyone reads the instances they are involved in: they submitted it, acted on it, were
 *   copied on it (抄送 CC), or it has (or had) a task they hold — assigned to them, or of one of
 *   their roles in their scope.
 */
export const SCHOOL_READERS: readonly string[] = [
  'auditor',
  'leadership',
  'academic_affairs',
  'finance',
];

/** The `auditor` reads everything and acts on nothing (纪检监察 stays independent). */
export const READ_ONLY_ROLES: readonly string[] = ['auditor'];

export function readsEverything(actor: Actor): boolean {
  return actor.roles.some((r) => SCHOOL_READERS.includes(r));
}

/** Refuses any command of a read-only role, before the engine sees it. */
export function assertMayAct(actor: Actor): void {
  if (actor.roles.some((r) => READ_ONLY_ROLES.includes(r))) {
    throw refuse(
      'NOT_AUTHORIZED',
      { reason: 'read-only-role' },
      { zh: '审计/纪检角色只读，不能办理流程', en: 'The auditor role reads, it never acts' },
    );
  }
}

/** The SQL condition on `instances` for what `actor` may read; undefined = everything. */
export function visibleTo(db: Database, actor: Actor): SQL | undefined {
  if (readsEverything(actor)) return undefined;
  const college = actor.college ?? null;
  const organization = actor.organization ?? null;
  const acted = db
    .select({ one: sql`1` })
    .from(history)
    .where(
      and(
        eq(history.instanceId, instances.id),
        or(
          eq(history.actorId, actor.id),
          and(
            eq(history.event, 'CC'),
            sql`${history.data} -> 'userIds' @> jsonb_build_array(${actor.id}::text)`,
          ),
        ),
      ),
    );
  const holds = db
    .select({ one: sql`1` })
    .from(tasks)
    .where(
      and(
        eq(tasks.instanceId, instances.id),
        or(
          eq(tasks.assignee, actor.id),
          and(
            inArray(tasks.role, [...actor.roles]),
            college === null
              ? isNull(tasks.college)
              : or(isNull(tasks.college), eq(tasks.college, college)),
            // An organization-scoped task (第六条3) is only for its evaluation organization's people.
            organization === null
              ? isNull(tasks.organization)
              : or(isNull(tasks.organization), eq(tasks.organization, organization)),
          ),
        ),
      ),
    );
  const leadsCollege =
    college !== null && actor.roles.includes('college_lead')
      ? eq(instances.college, college)
      : undefined;
  return or(eq(instances.submitterId, actor.id), leadsCollege, exists(acted), exists(holds));
}

/**
 * The one answer for an instance the caller may not read, the same as for a missing id: 404
 * `NOT_FOUND` with no details — no version, state or status of someone else's work leaks.
 */
export const notFound = (): Error => refuse('NOT_FOUND');

/**
 * Throws `notFound()` for a missing instance and for one the actor may not read — on every
 * instance route, before any version, state or payload check. School readers read everything:
 * for them nothing is queried (the engine's own `NOT_FOUND` answers a missing id).
 */
export async function assertMayRead(db: Database, actor: Actor, instanceId: string): Promise<void> {
  const visible = visibleTo(db, actor);
  if (visible === undefined) return;
  const [row] = await db
    .select({ visible: sql<boolean>`${visible}` })
    .from(instances)
    .where(eq(instances.id, instanceId));
  if (row?.visible !== true) throw notFound();
}

/** `run`, with the engine's `NOT_FOUND` (which names the id) answered as `notFound()`. */
export async function hidingMissing<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isDomainError(error) && error.code === 'NOT_FOUND') throw notFound();
    throw error;
  }
}
