import type { Actor, InstanceRecord, InstanceStatus } from '@certflow/engine';
import { instances, type Database } from '@certflow/db';
import { and, asc, count, eq } from 'drizzle-orm';
import { visibleTo } from './read-access.js';

export interface ListFilter {
  readonly flow?: string | undefined;
  readonly status?: InstanceStatus | undefined;
  readonly college?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

/**
 * The instances `actor` may read, filtered and paged, oldest first. The store's own
 * `listInstances` has no reader filter yet, hence this query (to move into `@certflow/db`).
 */
export async function listVisibleInstances(
  db: Database,
  actor: Actor,
  filter: ListFilter,
): Promise<{ items: InstanceRecord[]; total: number }> {
  const where = and(
    filter.flow === undefined ? undefined : eq(instances.flowId, filter.flow),
    filter.status === undefined ? undefined : eq(instances.status, filter.status),
    filter.college === undefined ? undefined : eq(instances.college, filter.college),
    visibleTo(db, actor),
  );
  const rows = await db
    .select()
    .from(instances)
    .where(where)
    .orderBy(asc(instances.createdAt), asc(instances.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db.select({ n: count() }).from(instances).where(where);
  return { items: rows, total: total?.n ?? 0 };
}
