import type { CopyItem, DoneItem, StartedItem } from '@certflow/client';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Segmented, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { namer, useDirectory } from '../../api/people';
import {
  flowIndex,
  keys,
  useCopiesList,
  useCounts,
  useDoneList,
  useFlows,
  useStartedList,
} from '../../api/queries';
import { useApi } from '../../api/use-api';
import { formatDateTime } from '../../format/time';
import { eventLabel } from '../../labels/events';
import { InstanceRow } from './instance-row';
import { ListFrame, usableFilter } from './list-frame';
import { useScanFrom } from './scan-notice';
import { WORK_LIST_FIELDS } from './list-filters';
import type { ListPageProps } from './list-page';
import { copiesRequestOf, copyTabOf, countText, requestOf, type CopyTab } from './work-lists';

/** The instance rows' shared lookups: flows by version, college names. */
function useRowContext() {
  const flows = useFlows();
  const names = namer(useDirectory().data);
  const index = flowIndex(flows.data?.items ?? []);
  return {
    flowOf: (i: { flow: string; flowVersion: number }) =>
      index.byVersion.get(`${i.flow}@${i.flowVersion}`),
    college: (id: string | null) => (id ? names.college(id) : '全校'),
  };
}

/** 已办: every decision I made, newest first — the decision, its opinion and when. */
export function DoneList(props: ListPageProps) {
  const filter = usableFilter(props.filter);
  const [scanFrom, setScanFrom] = useScanFrom(filter);
  const list = useDoneList(requestOf(filter, props.page, props.pageSize, scanFrom));
  const row = useRowContext();
  return (
    <>
      <ListFrame<DoneItem>
        page={props}
        fields={WORK_LIST_FIELDS}
        query={list}
        onScan={setScanFrom}
        empty="暂无已办事项"
        keyOf={(d) => `${d.instance.id}:${d.seq}`}
        render={(d) => (
          <InstanceRow
            instance={d.instance}
            flow={row.flowOf(d.instance)}
            college={row.college(d.instance.college)}
            extra={
              <Typography.Text type="secondary">
                我于 {formatDateTime(d.at)} {eventLabel(d.event)}
                {d.comment ? `：${d.comment}` : ''}
              </Typography.Text>
            }
          />
        )}
      />
    </>
  );
}

/** 我发起的: my applications, newest first, with where each is now. */
export function StartedList(props: ListPageProps) {
  const filter = usableFilter(props.filter);
  const [scanFrom, setScanFrom] = useScanFrom(filter);
  const list = useStartedList(requestOf(filter, props.page, props.pageSize, scanFrom));
  const row = useRowContext();
  return (
    <>
      <ListFrame<StartedItem>
        page={props}
        fields={WORK_LIST_FIELDS}
        query={list}
        onScan={setScanFrom}
        empty="暂无我发起的申请"
        keyOf={(s) => s.instance.id}
        render={(s) => (
          <InstanceRow
            instance={s.instance}
            flow={row.flowOf(s.instance)}
            college={row.college(s.instance.college)}
            extra={
              <Typography.Text type="secondary">
                提交于 {formatDateTime(s.instance.createdAt)}，更新于{' '}
                {formatDateTime(s.instance.updatedAt)}
              </Typography.Text>
            }
          />
        )}
      />
    </>
  );
}

/**
 * 抄送我的: 待阅 and 已阅. Opening a 待阅 copy marks it read (`POST /api/me/copies/:id/read`);
 * the read mark is mine alone and never touches the instance (docs/lists.md).
 */
export function CopiesList(props: ListPageProps) {
  const [params, setParams] = useSearchParams();
  const tab = copyTabOf(params);
  const filter = usableFilter(props.filter);
  const [scanFrom, setScanFrom] = useScanFrom([filter, tab]);
  const list = useCopiesList(copiesRequestOf(filter, tab, props.page, props.pageSize, scanFrom));
  const counts = useCounts();
  const api = useApi();
  const queryClient = useQueryClient();
  const row = useRowContext();
  const unread = countText(counts.data, 'copiesUnread');
  // 已阅 is all less 待阅: a figure only while all is exact (not `1000+`).
  const read =
    counts.data && !counts.data.atLeast.includes('copies')
      ? String(counts.data.copies - counts.data.copiesUnread)
      : undefined;
  const markRead = (c: CopyItem) => {
    if (c.readAt !== null) return;
    void api.markCopyRead(c.id).then(() => {
      void queryClient.invalidateQueries({ queryKey: ['copies'] });
      void queryClient.invalidateQueries({ queryKey: keys.counts });
    });
  };
  const switchTab = (next: CopyTab) => {
    const p = new URLSearchParams(params);
    if (next === 'read') p.set('read', 'true');
    else p.delete('read');
    p.delete('page');
    setParams(p);
  };
  return (
    <>
      <Segmented<CopyTab>
        aria-label="待阅或已阅"
        style={{ marginBottom: 12 }}
        value={tab}
        onChange={switchTab}
        options={[
          { value: 'unread', label: `待阅${unread === undefined ? '' : ` ${unread}`}` },
          { value: 'read', label: `已阅${read === undefined ? '' : ` ${read}`}` },
        ]}
      />
      <ListFrame<CopyItem>
        page={props}
        fields={WORK_LIST_FIELDS}
        query={list}
        onScan={setScanFrom}
        empty={tab === 'unread' ? '暂无待阅的抄送' : '暂无已阅的抄送'}
        keyOf={(c) => c.id}
        render={(c) => (
          <InstanceRow
            instance={c.instance}
            flow={row.flowOf(c.instance)}
            college={row.college(c.instance.college)}
            onOpen={() => markRead(c)}
            badge={c.readAt === null ? <Badge status="processing" text="待阅" /> : null}
            extra={
              <Typography.Text type="secondary">
                {c.fromName ?? c.fromId} 于 {formatDateTime(c.createdAt)} 抄送
                {c.readAt ? `，我于 ${formatDateTime(c.readAt)} 已阅` : ''}
              </Typography.Text>
            }
          />
        )}
      />
    </>
  );
}
