import { Card, Col, Row, Statistic } from 'antd';
import { useInbox, useInstances } from '../../api/queries';
import { dueOf } from '../../format/time';
import type { WorkListKey } from './work-lists';

/** How many inbox tasks are counted for the overdue/due-soon figures (the inbox is oldest deadline first). */
const SCAN = 200;

interface Figure {
  readonly key: string;
  readonly title: string;
  readonly value: string;
  readonly tone?: string;
  readonly list?: WorkListKey;
}

/** 待办 / 已超期 / 即将到期 / 我可查看的, clickable to their lists. */
export function CountCards({ now, onOpen }: { now: number; onOpen: (list: WorkListKey) => void }) {
  const inbox = useInbox({ limit: SCAN, offset: 0 });
  const visible = useInstances({ limit: 1, offset: 0 });
  const tasks = inbox.data?.items ?? [];
  const overdue = tasks.filter((t) => dueOf(t.dueAt, now).kind === 'overdue').length;
  const soon = tasks.filter((t) => dueOf(t.dueAt, now).kind === 'soon').length;
  // Beyond the scanned page the figures are lower bounds: say so with "+".
  const more = (inbox.data?.total ?? 0) > tasks.length ? '+' : '';
  const figures: Figure[] = [
    {
      key: 'todo',
      title: '待办',
      value: inbox.data ? String(inbox.data.total) : '…',
      list: 'todo',
    },
    {
      key: 'overdue',
      title: '已超期',
      value: inbox.data ? `${overdue}${overdue === tasks.length ? more : ''}` : '…',
      tone: '#cf1322',
      list: 'todo',
    },
    {
      key: 'soon',
      title: '24 小时内到期',
      value: inbox.data ? `${soon}${more && overdue + soon === tasks.length ? more : ''}` : '…',
      tone: '#d46b08',
      list: 'todo',
    },
    {
      key: 'visible',
      title: '我可查看的',
      value: visible.data ? String(visible.data.total) : '…',
      list: 'visible',
    },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {figures.map((f) => (
        <Col key={f.key} xs={12} md={6}>
          <Card
            size="small"
            hoverable={f.list !== undefined}
            role={f.list ? 'button' : undefined}
            tabIndex={f.list ? 0 : undefined}
            aria-label={`${f.title} ${f.value}`}
            onClick={() => f.list && onOpen(f.list)}
            onKeyDown={(e) => {
              if (f.list && (e.key === 'Enter' || e.key === ' ')) {
                e.preventDefault();
                onOpen(f.list);
              }
            }}
          >
            <Statistic
              title={f.title}
              value={f.value}
              {...(f.tone ? { styles: { content: { color: f.tone } } } : {})}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
