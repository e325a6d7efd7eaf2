import type { FlowRegistry } from '@certflow/engine';

/** What the 批量审批 rule reads of a task: where it is, and what kind of task it is. */
export interface BatchCandidate {
  readonly flowId: string;
  readonly state: string;
  readonly step: string;
  readonly kind: string;
}

/**
 * May this task be approved in a batch (`POST /api/tasks/batch`)? Only a step whose flow version
 * says `batch: true` (ARCHITECTURE.md § What a flow declares), and never a 委派 task (it goes
 * back to the delegator) or the submitter's own task. The inbox's `batch` flag and the batch
 * route both ask this, so what the list offers is what the route accepts.
 */
export function batchAllowed(
  flows: FlowRegistry,
  task: BatchCandidate,
  flowVersion: number,
): boolean {
  if (task.kind === 'delegated' || task.kind === 'submitter') return false;
  if (!flows.has(task.flowId, flowVersion)) return false;
  const spec = flows.get(task.flowId, flowVersion).states[task.state];
  return spec?.tasks?.find((t) => t.step === task.step)?.batch === true;
}
