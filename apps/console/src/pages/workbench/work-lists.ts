import type {
  CopiesRequest,
  InstanceStatus,
  ListCounts,
  ListRequest,
  ListScan,
} from '@certflow/client';

/**
 * The lists of the 工作台, as 钉钉/飞书审批 has them (docs/lists.md): 待办 `inbox`, 已办
 * `doneList`, 我发起的 `startedList`, 抄送我的 `copiesList` (待阅 / 已阅), and 我可查看的
 * (`GET /api/instances`, for the school's and college's readers).
 */
export interface WorkList {
  readonly key: 'todo' | 'done' | 'mine' | 'cc' | 'visible';
  readonly label: string;
  readonly description: string;
  /** What the list's own time is (the date filter and the sort are about it). */
  readonly time: string;
  /** The server's default order and what the other one says. */
  readonly order: { readonly asc: string; readonly desc: string; readonly default: 'asc' | 'desc' };
}

const TODO: WorkList = {
  key: 'todo',
  label: '待办',
  description: '需要我审批或办理的事项，期限最早的在前',
  time: '到达时间',
  order: { asc: '期限最早在前', desc: '期限最晚在前', default: 'asc' },
};

const NEWEST = { asc: '最早在前', desc: '最新在前', default: 'desc' } as const;

export const WORK_LISTS: readonly WorkList[] = [
  TODO,
  { key: 'done', label: '已办', description: '我已审批的事项', time: '审批时间', order: NEWEST },
  { key: 'mine', label: '我发起的', description: '我提交的申请', time: '提交时间', order: NEWEST },
  { key: 'cc', label: '抄送我的', description: '抄送给我的事项', time: '抄送时间', order: NEWEST },
  {
    key: 'visible',
    label: '我可查看的',
    description: '我有权查看的全部申请',
    time: '提交时间',
    order: NEWEST,
  },
];

export type WorkListKey = WorkList['key'];

export function listOf(key: string | null): WorkList {
  return WORK_LISTS.find((l) => l.key === key) ?? TODO;
}

/** The filters every work list takes (docs/lists.md § Filters), as the URL keeps them. */
export interface ListFilterValues {
  readonly flow?: string;
  readonly status?: InstanceStatus;
  readonly college?: string;
  /** Days `2026-03-01` (Beijing time), `to` inclusive. */
  readonly from?: string;
  readonly to?: string;
  readonly overdue?: boolean;
  readonly keyword?: string;
  readonly order?: 'asc' | 'desc';
}

/** 抄送我的: 待阅 (unread, the default) or 已阅. */
export type CopyTab = 'unread' | 'read';

const STATUSES: readonly InstanceStatus[] = [
  'active',
  'completed',
  'rejected',
  'withdrawn',
  'cancelled',
];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The URL's query → the filters; anything malformed is left out (never sent to the server). */
export function filtersOf(params: URLSearchParams): ListFilterValues {
  const text = (key: string) => {
    const v = params.get(key)?.trim();
    return v ? v : undefined;
  };
  const status = text('status');
  const from = text('from');
  const to = text('to');
  const overdue = text('overdue');
  const order = text('order');
  const keyword = text('q');
  return {
    ...(text('flow') ? { flow: text('flow') } : {}),
    ...(status && (STATUSES as readonly string[]).includes(status)
      ? { status: status as InstanceStatus }
      : {}),
    ...(text('college') ? { college: text('college') } : {}),
    ...(from && DAY.test(from) ? { from } : {}),
    ...(to && DAY.test(to) ? { to } : {}),
    ...(overdue === 'true' || overdue === 'false' ? { overdue: overdue === 'true' } : {}),
    ...(keyword ? { keyword: keyword.slice(0, 100) } : {}),
    ...(order === 'asc' || order === 'desc' ? { order } : {}),
  };
}

/** The filters → the URL's query entries (undefined clears one). */
export function paramsOf(filter: ListFilterValues): Record<string, string | undefined> {
  return {
    flow: filter.flow,
    status: filter.status,
    college: filter.college,
    from: filter.from,
    to: filter.to,
    overdue: filter.overdue === undefined ? undefined : String(filter.overdue),
    q: filter.keyword,
    order: filter.order,
  };
}

export const copyTabOf = (params: URLSearchParams): CopyTab =>
  params.get('read') === 'true' ? 'read' : 'unread';

/** A page of a work list as the client sends it. */
export function requestOf(
  filter: ListFilterValues,
  page: number,
  pageSize: number,
  scanFrom = 0,
): ListRequest {
  return {
    ...filter,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    ...(scanFrom > 0 ? { scanFrom } : {}),
  };
}

export function copiesRequestOf(
  filter: ListFilterValues,
  tab: CopyTab,
  page: number,
  pageSize: number,
  scanFrom = 0,
): CopiesRequest {
  return { ...requestOf(filter, page, pageSize, scanFrom), read: tab === 'read' };
}

/**
 * A list's total as the pager says it: `1000+` when the server stopped counting at its cap
 * (`totalExact` false, docs/lists.md § Bounded totals and the scan window).
 */
export const totalText = (total: number, exact = true): string =>
  exact ? `共 ${total} 项` : `共 ${total}+ 项`;

/** A badge's figure: `1000+` when the server's count stopped at its cap (`atLeast`). */
export function countText(counts: ListCounts | undefined, name: ListCounts['atLeast'][number]) {
  if (!counts) return undefined;
  return counts.atLeast.includes(name) ? `${counts[name]}+` : String(counts[name]);
}

/**
 * What a filtered page searched when it did not walk the whole list: the rows `from + 1` to `to`
 * of it (null when it searched all of it from the start).
 */
export function scanText(scan: ListScan | null | undefined): string | null {
  if (!scan || (scan.complete && scan.from === 0)) return null;
  const range = `第 ${scan.from + 1}–${scan.to} 条`;
  if (scan.to === scan.from) return `已搜索到列表末尾（自第 ${scan.from + 1} 条起已无更多）`;
  return scan.from === 0
    ? `已搜索最近 ${scan.to - scan.from} 条（${range}）`
    : `已搜索 ${scan.to - scan.from} 条（${range}）`;
}

/** A date range that ends before it starts, which the server refuses (结束日期须晚于开始日期). */
export const rangeReversed = (filter: ListFilterValues): boolean =>
  filter.from !== undefined && filter.to !== undefined && filter.to < filter.from;

/** How many filters are set (the phone's 筛选 button says it). */
export const activeFilters = (filter: ListFilterValues): number =>
  Object.entries(filter).filter(([k, v]) => k !== 'order' && v !== undefined).length;
