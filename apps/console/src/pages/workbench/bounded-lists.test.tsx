// @vitest-environment happy-dom
import type { ListCounts, ListScan } from '@certflow/client';
import { act, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderInConsole } from '../../test/render';
import '../../test/setup-dom';
import { CardList } from './card-list';
import { ScanNotice, useScanFrom } from './scan-notice';
import { copiesRequestOf, countText, requestOf, scanText, totalText } from './work-lists';

// The bounds of docs/lists.md § Bounded totals and the scan window as the 工作台 shows them:
// `1000+` for a total or a badge the server stopped counting, and which rows a filtered page
// searched, with 继续搜索更早的 asking for the next window.

const counts = (atLeast: ListCounts['atLeast']): ListCounts => ({
  todo: 1000,
  done: 12,
  started: 0,
  copiesUnread: 1000,
  copies: 1000,
  overdue: 3,
  atLeast,
});

describe('bounded totals and counts', () => {
  it('says 1000+ for what the server did not count to the end', () => {
    expect(totalText(1000, false)).toBe('共 1000+ 项');
    expect(totalText(37)).toBe('共 37 项');
    const c = counts(['todo', 'copiesUnread', 'copies']);
    expect(countText(c, 'todo')).toBe('1000+');
    expect(countText(c, 'done')).toBe('12');
    expect(countText(c, 'copies')).toBe('1000+');
    expect(countText(undefined, 'todo')).toBeUndefined();
  });

  it('the pager of a list counted to its cap says 共 1000+ 项 and still pages on', () => {
    const pages: number[] = [];
    renderInConsole(
      <CardList<string>
        items={['a', 'b']}
        loading={false}
        empty="暂无"
        keyOf={(s) => s}
        render={(s) => s}
        page={1}
        pageSize={2}
        total={1000}
        totalExact={false}
        phone={false}
        onPage={(p) => pages.push(p)}
      />,
    );
    expect(screen.getByText('共 1000+ 项')).toBeTruthy();
    fireEvent.click(screen.getByTitle('下一页'));
    expect(pages).toEqual([2]);
  });
});

describe('the scan window of a filtered list', () => {
  it('says which rows it searched', () => {
    expect(scanText(null)).toBeNull();
    expect(scanText({ from: 0, to: 600, complete: true })).toBeNull();
    expect(scanText({ from: 0, to: 2000, complete: false })).toBe(
      '已搜索最近 2000 条（第 1–2000 条）',
    );
    expect(scanText({ from: 2000, to: 4000, complete: false })).toBe(
      '已搜索 2000 条（第 2001–4000 条）',
    );
    expect(requestOf({ keyword: '张伟' }, 1, 20, 2000)).toEqual({
      keyword: '张伟',
      limit: 20,
      offset: 0,
      scanFrom: 2000,
    });
    expect(copiesRequestOf({}, 'read', 1, 20, 0)).toEqual({ limit: 20, offset: 0, read: true });
  });

  it('继续搜索更早的 asks for the window from where this one ended, and back from the newest', async () => {
    const asked: number[] = [];
    function Frame({ scan }: { scan: ListScan }) {
      const [filter] = useState({ keyword: '张伟' });
      const [from, setFrom] = useScanFrom(filter);
      return (
        <>
          <span>from {from}</span>
          <ScanNotice
            scan={{ ...scan, from, to: from + 2000 }}
            onScan={(next) => {
              asked.push(next);
              setFrom(next);
            }}
          />
        </>
      );
    }
    renderInConsole(<Frame scan={{ from: 0, to: 2000, complete: false }} />);
    expect(screen.getByText('已搜索最近 2000 条（第 1–2000 条）')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '从最新的重新搜索' })).toBeNull();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '继续搜索更早的' })));
    expect(asked).toEqual([2000]);
    expect(screen.getByText('from 2000')).toBeTruthy();
    expect(screen.getByText('已搜索 2000 条（第 2001–4000 条）')).toBeTruthy();
    await act(async () =>
      fireEvent.click(screen.getByRole('button', { name: '从最新的重新搜索' })),
    );
    expect(asked).toEqual([2000, 0]);
  });

  it('shows nothing and no button once the whole list was searched from the start', () => {
    renderInConsole(<ScanNotice scan={{ from: 0, to: 35, complete: true }} onScan={() => {}} />);
    expect(screen.queryByRole('button', { name: '继续搜索更早的' })).toBeNull();
  });
});
