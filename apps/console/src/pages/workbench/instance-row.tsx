import type { FlowInfo, ListInstance } from '@certflow/client';
import { Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { stateLabel } from '../../labels/states';
import { STATUS_LABELS } from '../../labels/statuses';
import { TONE } from '../../labels/tones';

/**
 * One instance of a work list as a card row: its title (the link to 申请详情), flow, status and
 * current step, college and applicant, 有超期环节 when an open task of it is past its deadline,
 * and what the list adds (`extra`: my decision, who copied it, …).
 */
export function InstanceRow({
  instance,
  flow,
  college,
  extra,
  badge,
  onOpen,
}: {
  instance: ListInstance;
  flow: FlowInfo | undefined;
  college: string;
  extra?: ReactNode;
  badge?: ReactNode;
  onOpen?: () => void;
}) {
  const status = STATUS_LABELS[instance.status];
  return (
    <Link
      to={`/instances/${instance.id}`}
      style={{ display: 'block' }}
      {...(onOpen ? { onClick: onOpen } : {})}
    >
      <Space size={6} style={{ display: 'flex' }}>
        {badge}
        <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
          {instance.title}
        </Typography.Text>
      </Space>
      <Space size={[4, 4]} wrap style={{ marginTop: 6 }}>
        <Tag>{flow?.title.zh ?? instance.flow}</Tag>
        <Tag color={status.color}>{status.text}</Tag>
        {instance.status === 'active' ? (
          <Tag color={TONE.blue}>{stateLabel(flow, instance.state)}</Tag>
        ) : null}
        {instance.overdue ? <Tag color={TONE.red}>有超期环节</Tag> : null}
        <Typography.Text type="secondary">
          {college}
          {instance.submitterName ? ` · ${instance.submitterName}` : ''}
        </Typography.Text>
      </Space>
      {extra ? <div style={{ marginTop: 6 }}>{extra}</div> : null}
    </Link>
  );
}
