import type { FlowInfo } from '@certflow/client';
import type { SessionUser } from '../../session/claims';

/** The newest version of each flow the person may start (by role; the auditor starts nothing). */
export function startableFlows(flows: readonly FlowInfo[], user: SessionUser): FlowInfo[] {
  if (user.roles.includes('auditor')) return [];
  return flows.filter((f) => f.latest && f.startedBy.roles.some((r) => user.roles.includes(r)));
}
