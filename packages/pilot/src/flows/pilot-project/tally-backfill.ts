import type { InstanceRecord } from '@certflow/engine';
import { projectInput } from './input.js';
import { entryOf, tallyWrite, type Tally } from './tally.js';

/**
 * The `project-tally` rows of the applications made before version 2 counted them: every
 * pilot-project instance of version 1 that is pending (active) or approved (completed), by year
 * and college. For the deployment that introduces version 2, to write once (with the rows it
 * returns) before new applications start — else those are counted without them. Pure.
 */
export function tallyBackfill(
  instances: readonly InstanceRecord[],
): ReturnType<typeof tallyWrite>[] {
  const rows = new Map<string, Tally>();
  for (const i of instances) {
    if (i.flowId !== 'pilot-project' || i.flowVersion !== 1) continue;
    if (i.status !== 'active' && i.status !== 'completed') continue;
    const context = (i.snapshot as { context?: { application?: unknown } }).context;
    const parsed = projectInput.safeParse(context?.application);
    if (!parsed.success) continue;
    const { year, collegeId } = parsed.data;
    const key = `${year}/${collegeId}`;
    const t = rows.get(key) ?? { year, collegeId, entries: {} };
    rows.set(key, { ...t, entries: { ...t.entries, [i.id]: entryOf(parsed.data) } });
  }
  return [...rows.values()].map(tallyWrite);
}
