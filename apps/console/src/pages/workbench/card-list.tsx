import { Empty, Pagination, Skeleton } from 'antd';
import { totalText } from './work-lists';

export interface CardListProps<T> {
  readonly items: readonly T[] | undefined;
  readonly loading: boolean;
  readonly empty: string;
  readonly render: (item: T) => React.ReactNode;
  readonly keyOf: (item: T) => string;
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  /** False: the server stopped counting at its cap, `total` is "at least" (shown `1000+`). */
  readonly totalExact?: boolean;
  readonly phone: boolean;
  readonly onPage: (page: number, pageSize: number) => void;
}

/** A list of rows as cards, paged by the server (antd 6 retires its List component). */
export function CardList<T>({
  items,
  loading,
  empty,
  render,
  keyOf,
  page,
  pageSize,
  total,
  totalExact = true,
  phone,
  onPage,
}: CardListProps<T>) {
  if (loading) return <Skeleton active />;
  if (!items || items.length === 0)
    return <Empty description={empty} style={{ padding: 24, background: '#fff', margin: 0 }} />;
  return (
    <>
      <ul
        className="card-list"
        style={{
          listStyle: 'none',
          margin: 0,
          padding: 0,
          background: '#fff',
          border: '1px solid #f0f0f0',
          borderRadius: 8,
        }}
      >
        {items.map((item) => (
          <li
            key={keyOf(item)}
            style={{ padding: phone ? '12px' : '14px 20px', borderBottom: '1px solid #f0f0f0' }}
          >
            {render(item)}
          </li>
        ))}
      </ul>
      <Pagination
        style={{ marginTop: 16, justifyContent: 'center' }}
        current={page}
        pageSize={pageSize}
        total={total}
        showSizeChanger={!phone}
        showTotal={phone ? undefined : (n: number) => totalText(n, totalExact)}
        simple={phone}
        onChange={onPage}
      />
    </>
  );
}
