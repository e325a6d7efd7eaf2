import { ReloadOutlined } from '@ant-design/icons';
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { Button, Grid, Skeleton, Space, Tabs, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { POLL_MS } from '../../api/queries';
import { useNow } from '../../format/use-now';
import { CountCards } from './count-cards';
import type { ListPageProps } from './list-page';
import { TaskList } from './task-list';
import {
  filtersOf,
  listOf,
  paramsOf,
  WORK_LISTS,
  type ListFilterValues,
  type WorkListKey,
} from './work-lists';

const PAGE_SIZE = 20;

// The other lists (and the listing's table) load when their tab is opened, not with 待办.
const InstanceList = lazy(() => import('./instance-list'));
const DoneList = lazy(() => import('./my-lists').then((m) => ({ default: m.DoneList })));
const StartedList = lazy(() => import('./my-lists').then((m) => ({ default: m.StartedList })));
const CopiesList = lazy(() => import('./my-lists').then((m) => ({ default: m.CopiesList })));

const VIEWS: Record<Exclude<WorkListKey, 'todo'>, React.ComponentType<ListPageProps>> = {
  done: DoneList,
  mine: StartedList,
  cc: CopiesList,
  visible: InstanceList,
};

/**
 * 工作台: the counts and the lists; tab, page, filters and search live in the URL (back/forward
 * work). The lists poll every POLL_MS and refresh on focus, on 刷新, and after a decision.
 */
export default function WorkbenchPage() {
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const fetching = useIsFetching();
  const now = useNow(30_000);
  const phone = Grid.useBreakpoint().md === false;
  const list = listOf(params.get('tab'));
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const pageSize = Math.min(200, Math.max(5, Number(params.get('size') ?? PAGE_SIZE) || PAGE_SIZE));
  const filter = filtersOf(params);

  const go = (patch: Record<string, string | undefined>, keep = true) => {
    const next = new URLSearchParams(keep ? params : undefined);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const open = (tab: WorkListKey, f: ListFilterValues = {}) => go({ tab, ...paramsOf(f) }, false);
  const props: ListPageProps = {
    list,
    filter,
    page,
    pageSize,
    now,
    onFilter: (f) => go({ ...paramsOf(f), page: undefined }),
    onPage: (p, size) =>
      go({ page: String(p), size: size === PAGE_SIZE ? undefined : String(size) }),
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          工作台
        </Typography.Title>
        <Button
          icon={<ReloadOutlined spin={fetching > 0} />}
          onClick={() => void queryClient.invalidateQueries()}
          title={`每 ${POLL_MS / 1000} 秒自动刷新`}
        >
          刷新
        </Button>
      </Space>
      <CountCards onOpen={open} />
      <Tabs
        activeKey={list.key}
        // All five tabs fit a 375 px screen (no overflow menu inside the tab list).
        {...(phone ? { tabBarGutter: 14 } : {})}
        onChange={(key) => open(key as WorkListKey)}
        items={WORK_LISTS.map((l) => {
          const View = l.key === 'todo' ? null : VIEWS[l.key];
          return {
            key: l.key,
            label: l.label,
            children: View ? (
              <Suspense fallback={<Skeleton active />}>
                <View {...props} />
              </Suspense>
            ) : (
              <TaskList {...props} />
            ),
          };
        })}
        destroyOnHidden
      />
    </>
  );
}
