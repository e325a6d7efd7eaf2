import { tasks } from '@certflow/db';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { assertMayRead } from '../access/read-access.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { opsRefusal } from './ops-errors.js';

/** An open or closed task as the operation routes need it; undefined when missing. */
async function findTask(deps: AppDeps, taskId: string) {
  const [row] = await deps.db
    .select({
      id: tasks.id,
      instanceId: tasks.instanceId,
      flowId: tasks.flowId,
      state: tasks.state,
      step: tasks.step,
      kind: tasks.kind,
      assignee: tasks.assignee,
      status: tasks.status,
    })
    .from(tasks)
    .where(eq(tasks.id, taskId));
  return row;
}

/**
 * The task the caller may see, or `TASK_NOT_FOUND` — the same answer for a missing task and for a
 * task of an instance the caller may not read.
 */
export async function visibleTask(c: Context<AppEnv>, deps: AppDeps, taskId: string) {
  const task = await findTask(deps, taskId);
  if (!task) throw opsRefusal('TASK_NOT_FOUND', { taskId });
  try {
    await assertMayRead(deps.db, c.get('actor'), task.instanceId);
  } catch {
    throw opsRefusal('TASK_NOT_FOUND', { taskId });
  }
  return task;
}

/** A task as the operation routes see it. */
export type VisibleTask = NonNullable<Awaited<ReturnType<typeof findTask>>>;
