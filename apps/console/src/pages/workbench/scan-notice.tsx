import type { ListScan } from '@certflow/client';
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { scanText } from './work-lists';

/**
 * Where a filtered list's search window starts (docs/lists.md § Bounded totals and the scan
 * window): 0 (the newest rows) until 继续搜索更早的 moves it on, and 0 again whenever the filter
 * (and whatever else `filter` holds, e.g. the 待阅/已阅 tab) changes.
 */
export function useScanFrom(filter: unknown): [number, (from: number) => void] {
  const key = JSON.stringify(filter);
  const [state, setState] = useState({ key, from: 0 });
  const from = state.key === key ? state.from : 0;
  return [from, (next: number) => setState({ key, from: next })];
}

/**
 * A filtered page searched a window of the list, not all of it: which rows, and a button that
 * searches the next (older) window, or back from the newest.
 */
export function ScanNotice({
  scan,
  onScan,
}: {
  scan: ListScan | null | undefined;
  onScan: (from: number) => void;
}) {
  const text = scanText(scan);
  if (!scan || text === null) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={text}
      action={
        <Space>
          {scan.complete ? null : (
            <Button size="small" type="primary" onClick={() => onScan(scan.to)}>
              继续搜索更早的
            </Button>
          )}
          {scan.from > 0 ? (
            <Button size="small" onClick={() => onScan(0)}>
              从最新的重新搜索
            </Button>
          ) : null}
        </Space>
      }
    />
  );
}
