import { ReloadOutlined } from '@ant-design/icons';
import type { InstanceStatus } from '@certflow/client';
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { Button, Skeleton, Space, Tabs, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { POLL_MS } from '../../api/queries';
import { useNow } from '../../format/use-now';
import { CountCards } from './count-cards';
import type { InstanceFilterValues } from './instance-filters';
import { TaskList } from './task-list';
import { AVAILABLE_LISTS, listOf, type WorkListKey } from './work-lists';

const PAGE_SIZE = 20;

// The listing with its filters (selects) loads when its tab is opened, not with 待办.
const InstanceList = lazy(() => import('./instance-list'));

/** 工作台: the counts and the lists; tab, page and filters live in the URL (back/forward work). */
export default function WorkbenchPage() {
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const fetching = useIsFetching();
  const now = useNow(30_000);
  const list = listOf(params.get('tab'));
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const pageSize = Math.min(200, Math.max(5, Number(params.get('size') ?? PAGE_SIZE) || PAGE_SIZE));
  const filter: InstanceFilterValues = {
    ...(params.get('flow') ? { flow: params.get('flow') ?? '' } : {}),
    ...(params.get('status') ? { status: params.get('status') as InstanceStatus } : {}),
    ...(params.get('college') ? { college: params.get('college') ?? '' } : {}),
  };

  const go = (patch: Record<string, string | undefined>, keep = true) => {
    const next = new URLSearchParams(keep ? params : undefined);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const open = (tab: WorkListKey) => go({ tab }, false);
  const onPage = (p: number, size: number) =>
    go({ page: String(p), size: size === PAGE_SIZE ? undefined : String(size) });

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
      <CountCards now={now} onOpen={open} />
      <Tabs
        activeKey={list.key}
        onChange={(key) => open(key as WorkListKey)}
        items={AVAILABLE_LISTS.map((l) => ({
          key: l.key,
          label: l.label,
          children:
            l.key === 'todo' ? (
              <TaskList page={page} pageSize={pageSize} now={now} onPage={onPage} />
            ) : (
              <Suspense fallback={<Skeleton active />}>
                <InstanceList
                  filter={filter}
                  page={page}
                  pageSize={pageSize}
                  onFilter={(f) =>
                    go({ flow: f.flow, status: f.status, college: f.college, page: undefined })
                  }
                  onPage={onPage}
                />
              </Suspense>
            ),
        }))}
        destroyOnHidden
      />
    </>
  );
}
