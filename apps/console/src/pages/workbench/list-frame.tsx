import type { ListScan } from '@certflow/client';
import { Alert, Grid } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../../api/error-text';
import { CardList } from './card-list';
import { ListFilters, type FilterField } from './list-filters';
import type { ListPageProps } from './list-page';
import { ScanNotice } from './scan-notice';
import { rangeReversed, type ListFilterValues } from './work-lists';

/** A reversed date range is not sent (the server would refuse it); the frame says why. */
export function usableFilter(filter: ListFilterValues): ListFilterValues {
  if (!rangeReversed(filter)) return filter;
  const { from: _f, to: _t, ...rest } = filter;
  return rest;
}

interface ListQuery<T> {
  readonly data:
    | {
        readonly items: T[];
        readonly total: number;
        readonly totalExact?: boolean;
        readonly scan?: ListScan | null;
      }
    | undefined;
  readonly isPending: boolean;
  readonly error: unknown;
}

/**
 * A work list: its filter bar, what went wrong (a reversed range, a refused request, in Chinese),
 * `before` (the batch bar of 待办, the 待阅/已阅 switch), which rows a filtered page searched
 * (`onScan` moves the window, docs/lists.md), and the rows as cards, paged.
 */
export function ListFrame<T>({
  page,
  fields,
  query,
  empty,
  keyOf,
  render,
  before,
  onPage,
  onScan,
}: {
  page: ListPageProps;
  fields: readonly FilterField[];
  query: ListQuery<T>;
  empty: string;
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  before?: ReactNode;
  onPage?: (page: number, pageSize: number) => void;
  /** Searches the window from this position of the list (its first page). */
  onScan?: (from: number) => void;
}) {
  const phone = Grid.useBreakpoint().md === false;
  return (
    <>
      <ListFilters list={page.list} fields={fields} value={page.filter} onChange={page.onFilter} />
      {rangeReversed(page.filter) ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="结束日期须晚于开始日期，日期筛选未生效"
        />
      ) : null}
      {query.error ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(query.error)} />
      ) : null}
      {before}
      {onScan ? (
        <ScanNotice
          scan={query.data?.scan}
          onScan={(from) => {
            onScan(from);
            (onPage ?? page.onPage)(1, page.pageSize);
          }}
        />
      ) : null}
      <CardList<T>
        items={query.data?.items}
        loading={query.isPending}
        empty={empty}
        keyOf={keyOf}
        page={page.page}
        pageSize={page.pageSize}
        total={query.data?.total ?? 0}
        totalExact={query.data?.totalExact ?? true}
        phone={phone}
        onPage={onPage ?? page.onPage}
        render={render}
      />
    </>
  );
}
