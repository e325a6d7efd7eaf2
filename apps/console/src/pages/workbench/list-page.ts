import type { WorkList } from './work-lists';
import type { ListFilterValues } from './work-lists';

/** What the 工作台 hands every list: its filters and page (from the URL) and how to change them. */
export interface ListPageProps {
  readonly list: WorkList;
  readonly filter: ListFilterValues;
  readonly page: number;
  readonly pageSize: number;
  readonly now: number;
  readonly onFilter: (filter: ListFilterValues) => void;
  readonly onPage: (page: number, pageSize: number) => void;
}
