import type { FlowInfo } from '@certflow/client';

export interface FlowGroup {
  readonly id: string;
  /** The newest version's Chinese title. */
  readonly title: string;
  readonly latest: FlowInfo;
  /** Newest first. */
  readonly versions: readonly FlowInfo[];
}

/** The flows of `GET /api/flows` (every version of each) grouped by flow, in title order. */
export function flowGroups(items: readonly FlowInfo[]): FlowGroup[] {
  const byId = new Map<string, FlowInfo[]>();
  for (const f of items) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  const groups: FlowGroup[] = [];
  for (const [id, versions] of byId) {
    const sorted = [...versions].sort((a, b) => b.version - a.version);
    const latest = sorted.find((v) => v.latest) ?? sorted[0];
    if (latest) groups.push({ id, title: latest.title.zh, latest, versions: sorted });
  }
  return groups.sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
}
