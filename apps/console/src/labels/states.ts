import type { FlowInfo } from '@certflow/client';
import { roleLabel } from './roles';
import { STATUS_LABELS } from './statuses';

/** Names of states shared by the 1+X flows; others are named after who acts in them. */
const STATE_LABELS: Readonly<Record<string, string>> = {
  collegeReview: '二级学院审核',
  academicReview: '教务处审核',
  leadershipReview: '领导小组审批',
  financeReview: '财务审计处审核',
  schoolReview: '学校审批',
  returned: '退回修改',
  compiling: '二级学院编报',
  drafting: '编写报送',
  annualDrafting: '编写年度总结',
  review: '教务处审阅',
  improving: '诊断改进',
  improvementReview: '诊改审核',
  planPending: '制定整改方案',
  verification: '整改验收',
  notice: '退出通知',
  response: '二级学院说明',
  decision: '领导小组决定',
  opening: '开启报送',
  overdue: '已超期',
  established: '已立项',
  filed: '已备案',
  closed: '已办结',
  failed: '整改未通过',
  cancelled: '已撤销',
  retained: '保留试点',
  dismissed: '已驳回',
};

/** A state's name: known names, else `<who acts>审批`, else its final status, else its id. */
export function stateLabel(flow: FlowInfo | undefined, stateId: string): string {
  const known = STATE_LABELS[stateId] ?? STATE_LABELS[stateId.split('.').at(-1) ?? ''];
  if (known) return known;
  const state = flow?.states.find((s) => s.id === stateId);
  const task = state?.tasks[0];
  if (task) return task.approval ? `${roleLabel(task.role)}审批` : `${roleLabel(task.role)}办理`;
  if (state?.final && state.status) return STATUS_LABELS[state.status].text;
  return stateId;
}
