/**
 * The lists of the 工作台, as 钉钉/飞书审批 has them. Each says whether today's API serves it:
 * 已办 / 我发起的 / 抄送我的 need the list endpoints of the operations issue; when they land,
 * set `available` and give the list its query (apps/console/README.md § Phase 2).
 */
export interface WorkList {
  readonly key: 'todo' | 'done' | 'mine' | 'cc' | 'visible';
  readonly label: string;
  readonly available: boolean;
  readonly description: string;
}

const TODO: WorkList = {
  key: 'todo',
  label: '待办',
  available: true,
  description: '需要我审批或办理的事项，期限最早的在前',
};

export const WORK_LISTS: readonly WorkList[] = [
  TODO,
  { key: 'done', label: '已办', available: false, description: '我已审批的事项' },
  { key: 'mine', label: '我发起的', available: false, description: '我提交的申请' },
  { key: 'cc', label: '抄送我的', available: false, description: '抄送给我的事项' },
  { key: 'visible', label: '我可查看的', available: true, description: '我有权查看的全部申请' },
];

export const AVAILABLE_LISTS = WORK_LISTS.filter((l) => l.available);

export type WorkListKey = WorkList['key'];

export function listOf(key: string | null): WorkList {
  return AVAILABLE_LISTS.find((l) => l.key === key) ?? TODO;
}
