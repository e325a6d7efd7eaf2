import type { FlowInfo, PreviewStep, RoutePreview } from '@certflow/client';
import { formatDateTime } from '../../format/time';
import { roleLabel } from '../../labels/roles';
import { stateLabel } from '../../labels/states';

/** One step of the 流程预览 as the panel shows it. */
export interface PreviewRow {
  readonly key: string;
  /** `领导小组审批`. */
  readonly name: string;
  /** Who acts: the role, and how the approvers decide (或签 / 会签 / 依次). */
  readonly role: string;
  readonly mode: string;
  /** The people who can act now, each with their 代理人 when one stands in. */
  readonly approvers: readonly string[];
  /** `2026/12/08 17:30`, or 无期限. */
  readonly due: string;
  /** Why that date: the rule and the days skipped (the server's words). */
  readonly reason: string | null;
  /** Counted through a year whose holiday table is not imported yet (暂定). */
  readonly provisional: boolean;
  /** The step the application enters first. */
  readonly first: boolean;
}

function modeText(step: PreviewStep): string {
  if (step.mode === 'sequence') return '依次审批';
  if (step.mode === 'all') {
    return step.threshold > 0 && step.threshold < step.approvers.length
      ? `会签，${step.threshold} 人同意即通过`
      : '会签，须全部同意';
  }
  return step.approvers.length > 1 ? '或签，一人同意即可' : '';
}

/** `王处长（刘科长代理）`: a substitute decides in the absent person's place. */
function approverText(a: PreviewStep['approvers'][number]): string {
  return a.substitute ? `${a.name}（${a.substitute.name}代理）` : a.name;
}

/** The server's preview → rows in the flow's order, named in Chinese. */
export function previewRows(flow: FlowInfo | undefined, preview: RoutePreview): PreviewRow[] {
  return preview.steps.map((s, n) => ({
    key: `${n}:${s.state}:${s.step}`,
    name: stateLabel(flow, s.state),
    role: roleLabel(s.role),
    mode: modeText(s),
    approvers: s.approvers.map(approverText),
    due: s.dueAt ? formatDateTime(s.dueAt) : '无期限',
    reason: s.dueExplanation?.zh ?? null,
    provisional: s.dueAt !== null && s.dueProvisional,
    first: s.current,
  }));
}
