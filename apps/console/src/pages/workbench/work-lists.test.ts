import { describe, expect, it } from 'vitest';
import {
  activeFilters,
  copiesRequestOf,
  copyTabOf,
  filtersOf,
  listOf,
  paramsOf,
  rangeReversed,
  requestOf,
  WORK_LISTS,
} from './work-lists';

const url = (q: string) => new URLSearchParams(q);

describe('the 工作台 lists', () => {
  it('are the four work lists and 我可查看的, 待办 first and the fallback', () => {
    expect(WORK_LISTS.map((l) => l.label)).toEqual([
      '待办',
      '已办',
      '我发起的',
      '抄送我的',
      '我可查看的',
    ]);
    expect(listOf('cc').label).toBe('抄送我的');
    expect(listOf('nonsense').key).toBe('todo');
    expect(listOf(null).key).toBe('todo');
    // 待办 is soonest deadline first; the others newest first (docs/lists.md).
    expect(listOf('todo').order.default).toBe('asc');
    expect(listOf('done').order.default).toBe('desc');
  });
});

describe('filters in the URL', () => {
  it('reads every filter of docs/lists.md and writes it back the same', () => {
    const q =
      'flow=pilot-project&status=active&college=ee&from=2026-03-01&to=2026-03-31&overdue=true&q=%E5%BC%A0%E8%80%81&order=asc';
    const filter = filtersOf(url(q));
    expect(filter).toEqual({
      flow: 'pilot-project',
      status: 'active',
      college: 'ee',
      from: '2026-03-01',
      to: '2026-03-31',
      overdue: true,
      keyword: '张老',
      order: 'asc',
    });
    const back = new URLSearchParams(
      Object.entries(paramsOf(filter)).filter((e): e is [string, string] => e[1] !== undefined),
    );
    expect(filtersOf(back)).toEqual(filter);
    expect(activeFilters(filter)).toBe(7);
  });

  it('leaves out what is malformed instead of sending it', () => {
    expect(
      filtersOf(url('status=approved&from=March&to=2026-3-1&overdue=yes&order=up&q=%20%20&flow=')),
    ).toEqual({});
    expect(filtersOf(url(`q=${'字'.repeat(150)}`)).keyword).toHaveLength(100);
    expect(filtersOf(url('overdue=false'))).toEqual({ overdue: false });
  });

  it('a reversed range is found before the server refuses it', () => {
    expect(rangeReversed({ from: '2026-03-02', to: '2026-03-01' })).toBe(true);
    expect(rangeReversed({ from: '2026-03-01', to: '2026-03-01' })).toBe(false);
    expect(rangeReversed({ from: '2026-03-01' })).toBe(false);
  });

  it('pages and the copies tab become the client request', () => {
    expect(requestOf({ keyword: '电子' }, 3, 20)).toEqual({
      keyword: '电子',
      limit: 20,
      offset: 40,
    });
    expect(copyTabOf(url(''))).toBe('unread');
    expect(copyTabOf(url('read=true'))).toBe('read');
    expect(copiesRequestOf({}, 'unread', 1, 50)).toEqual({ limit: 50, offset: 0, read: false });
    expect(copiesRequestOf({}, 'read', 2, 50)).toEqual({ limit: 50, offset: 50, read: true });
  });
});
