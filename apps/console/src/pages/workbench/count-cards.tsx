import { Card, Col, Row, Statistic } from 'antd';
import { useCounts } from '../../api/queries';
import { countText, type ListFilterValues, type WorkListKey } from './work-lists';

interface Figure {
  readonly key: string;
  readonly title: string;
  /** The figure as shown: `1000+` when the server stopped counting at its cap (`atLeast`). */
  readonly value: string | undefined;
  readonly suffix?: string;
  readonly tone?: string;
  readonly list: WorkListKey;
  readonly filter?: ListFilterValues;
}

/**
 * 待办 / 已超期 / 已办 / 我发起的 / 抄送我的 (待阅 of all), from `GET /api/me/counts` (one
 * index-only statement, each figure counted up to 1000 and shown `1000+` past it, docs/lists.md);
 * each opens its list.
 */
export function CountCards({
  onOpen,
}: {
  onOpen: (list: WorkListKey, filter?: ListFilterValues) => void;
}) {
  const counts = useCounts().data;
  const figures: Figure[] = [
    { key: 'todo', title: '待办', value: countText(counts, 'todo'), list: 'todo' },
    {
      key: 'overdue',
      title: '已超期',
      value: countText(counts, 'overdue'),
      tone: '#cf1322',
      list: 'todo',
      filter: { overdue: true },
    },
    { key: 'done', title: '已办', value: countText(counts, 'done'), list: 'done' },
    { key: 'mine', title: '我发起的', value: countText(counts, 'started'), list: 'mine' },
    {
      key: 'cc',
      title: '抄送我的',
      value: countText(counts, 'copiesUnread'),
      ...(counts ? { suffix: `/ ${countText(counts, 'copies') ?? ''}` } : {}),
      list: 'cc',
    },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {figures.map((f) => {
        const shown = f.value ?? '…';
        const title = f.key === 'cc' ? '抄送我的（待阅）' : f.title;
        // The accessible name is the visible text (title, figure, the total of copies).
        const label = `${title} ${shown}${f.suffix ? ` ${f.suffix}` : ''}`;
        return (
          <Col key={f.key} xs={12} sm={8} md={{ flex: '20%' }}>
            <Card
              size="small"
              hoverable
              role="button"
              tabIndex={0}
              aria-label={label}
              onClick={() => onOpen(f.list, f.filter)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onOpen(f.list, f.filter);
                }
              }}
            >
              <Statistic
                title={title}
                value={shown}
                {...(f.suffix ? { suffix: f.suffix } : {})}
                {...(f.tone ? { styles: { content: { color: f.tone } } } : {})}
              />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
