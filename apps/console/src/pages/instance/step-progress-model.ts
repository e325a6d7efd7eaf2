import type { FlowInfo, InstanceSteps } from '@certflow/client';
import { roleLabel } from '../../labels/roles';
import { stateLabel } from '../../labels/states';

export type SlotStatus = 'approved' | 'against' | 'pending' | 'waiting' | 'closed';

export interface ApproverRow {
  readonly key: string;
  readonly who: string;
  readonly status: SlotStatus;
  /** 加签 by …, 委派给 … */
  readonly note?: string;
}

export interface StepProgress {
  readonly step: string;
  readonly title: string;
  /** 或签 / 会签 / 依次审批 */
  readonly mode: string;
  /** 已同意 1 人，需 2 人同意（第 1/2 轮） */
  readonly summary: string | null;
  readonly rows: readonly ApproverRow[];
}

/** The step's mode; how many must approve now is the votes' summary (加签 adds to it). */
const MODES = { any: '或签', all: '会签', sequence: '依次审批' } as const;

export const SLOT_LABELS: Readonly<Record<SlotStatus, string>> = {
  approved: '已同意',
  against: '不同意',
  pending: '待审批',
  waiting: '等待前序',
  closed: '无需审批',
};

/**
 * The open steps as 钉钉/飞书 show a multi-approver step: who has decided and who is pending
 * (`GET /api/instances/{id}/steps`). A 会签/依次 step or one with 加签 lists every approver of
 * every round with their decision; a plain 或签 step who decided and who may act.
 */
export function stepProgressOf(
  steps: InstanceSteps | undefined,
  flow: FlowInfo | undefined,
  person: (id: string) => string = (id) => id,
): StepProgress[] {
  return (steps?.items ?? [])
    .filter((s) => s.open)
    .map((s) => {
      // A role's slot is held by whoever holds its task now (after 转办: that person).
      const holder = s.pending.find((p) => p.kind !== 'delegated' && p.kind !== 'added');
      const roleHolder = holder
        ? (holder.assigneeName ??
          (holder.assignee ? person(holder.assignee) : roleLabel(holder.role)))
        : '本环节审批人';
      const rows: ApproverRow[] =
        s.slots.length > 0
          ? s.slots.map((slot, i) => ({
              key: `s${i}`,
              who:
                slot.name ??
                (slot.personId ? person(slot.personId) : slot.kind === 'role' ? roleHolder : '—'),
              status: slot.decision,
              ...(slot.addedBy ? { note: `${person(slot.addedBy)} 加签` } : {}),
            }))
          : [
              ...s.decided.map((d) => ({
                key: `d${d.seq}`,
                who: d.actorName ?? person(d.actorId),
                status: 'approved' as const,
                ...(d.onBehalfOf ? { note: `代 ${person(d.onBehalfOf)} 审批` } : {}),
              })),
              ...s.pending
                .filter((p) => p.kind !== 'delegated')
                .map((p) => ({
                  key: p.taskId,
                  who: p.assigneeName ?? (p.assignee ? person(p.assignee) : roleLabel(p.role)),
                  status: 'pending' as const,
                  ...(p.delegatedTo ? { note: `已委派给 ${person(p.delegatedTo)}` } : {}),
                })),
            ];
      const v = s.votes;
      return {
        step: s.step,
        title: s.state ? stateLabel(flow, s.state) : s.step,
        mode: MODES[s.mode],
        summary: v
          ? `已同意 ${v.approved} 人，需 ${v.threshold} 人同意${v.rounds > 1 ? `（第 ${v.round}/${v.rounds} 轮）` : ''}`
          : null,
        rows,
      };
    });
}
