import type { InboxTask } from '@certflow/client';
import { Alert, Grid, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { errorText } from '../../api/error-text';
import { flowIndex, useFlows, useInbox } from '../../api/queries';
import { formatDateTime } from '../../format/time';
import { stateLabel } from '../../labels/states';
import { CardList } from './card-list';
import { DueTag } from './due-tag';
import { TONE } from '../../labels/tones';

export interface TaskListProps {
  readonly page: number;
  readonly pageSize: number;
  readonly now: number;
  readonly onPage: (page: number, pageSize: number) => void;
}

/**
 * 待办: the caller's open tasks, oldest deadline first, paged by the server. A list of cards as
 * in 钉钉/飞书审批 (and no table code on the first screen).
 */
export function TaskList({ page, pageSize, now, onPage }: TaskListProps) {
  const phone = Grid.useBreakpoint().md === false;
  const inbox = useInbox({ limit: pageSize, offset: (page - 1) * pageSize });
  const flows = useFlows();
  const index = flowIndex(flows.data?.items ?? []);
  const flowOf = (t: InboxTask) => index.latest.get(t.flow);

  if (inbox.isError) return <Alert type="error" showIcon title={errorText(inbox.error)} />;
  return (
    <CardList<InboxTask>
      items={inbox.data?.items}
      loading={inbox.isPending}
      empty="暂无待办事项"
      keyOf={(t) => t.id}
      page={page}
      pageSize={pageSize}
      total={inbox.data?.total ?? 0}
      phone={phone}
      onPage={onPage}
      render={(t) => (
        <Link to={`/instances/${t.instanceId}`} style={{ display: 'block' }}>
          <Typography.Text strong style={{ display: 'block', overflowWrap: 'anywhere' }}>
            {t.title}
          </Typography.Text>
          <Space size={[4, 4]} wrap style={{ marginTop: 6 }}>
            <Tag>{flowOf(t)?.title.zh ?? t.flow}</Tag>
            <Tag color={TONE.blue}>{stateLabel(flowOf(t), t.state)}</Tag>
            <DueTag dueAt={t.dueAt} now={now} />
            {phone ? null : (
              <Typography.Text type="secondary">到达 {formatDateTime(t.createdAt)}</Typography.Text>
            )}
          </Space>
        </Link>
      )}
    />
  );
}
