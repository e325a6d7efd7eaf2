import {
  CheckCircleFilled,
  ClockCircleOutlined,
  CloseCircleFilled,
  MinusCircleOutlined,
} from '@ant-design/icons';
import { Tag, Timeline as AntTimeline, Tooltip, Typography } from 'antd';
import { formatDateTime, dueOf } from '../../format/time';
import type { TimelineItem } from './timeline-model';
import { TONE } from '../../labels/tones';
import { AttachmentLink } from './attachment-link';

const COLORS = {
  green: 'green',
  blue: 'blue',
  orange: '#d46b08',
  red: 'red',
  gray: 'gray',
} as const;

function icon(item: TimelineItem) {
  if (item.kind === 'pending') return <ClockCircleOutlined style={{ color: '#1677ff' }} />;
  if (item.kind === 'future') return <MinusCircleOutlined style={{ color: '#bfbfbf' }} />;
  if (item.kind === 'end') {
    return item.tone === 'green' ? (
      <CheckCircleFilled style={{ color: '#52c41a' }} />
    ) : (
      <CloseCircleFilled style={{ color: item.tone === 'red' ? '#ff4d4f' : '#8c8c8c' }} />
    );
  }
  return undefined;
}

function Body({ item, now, instanceId }: { item: TimelineItem; now: number; instanceId: string }) {
  const muted = item.kind === 'future';
  return (
    <div data-kind={item.kind}>
      <div>
        <Typography.Text strong type={muted ? 'secondary' : undefined}>
          {item.title}
        </Typography.Text>
        {item.who ? (
          <Typography.Text type={muted ? 'secondary' : undefined}> · {item.who}</Typography.Text>
        ) : null}
        {item.kind === 'pending' ? (
          <Tag color={TONE.blue} style={{ marginInlineStart: 8 }}>
            当前环节
          </Tag>
        ) : null}
        {item.kind === 'future' ? (
          <Tag style={{ marginInlineStart: 8 }}>{item.conditional ? '视情况' : '待审批'}</Tag>
        ) : null}
      </div>
      {item.kind === 'done' && item.step ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.step}
          {item.at ? ` · ${formatDateTime(item.at)}` : ''}
        </Typography.Text>
      ) : null}
      {item.kind === 'pending' ? (
        <div>
          <Tooltip title={item.dueRule}>
            <Typography.Text
              type={dueOf(item.dueAt, now).kind === 'overdue' ? 'danger' : 'secondary'}
              style={{ fontSize: 12 }}
              tabIndex={item.dueRule ? 0 : undefined}
            >
              {item.dueAt
                ? `办理期限 ${formatDateTime(item.dueAt)}（${dueOf(item.dueAt, now).text}）`
                : '无办理期限'}
            </Typography.Text>
          </Tooltip>
          {item.provisional ? (
            <Tooltip title={item.provisional.explanation}>
              <Tag color={TONE.orange} style={{ marginInlineStart: 8 }} tabIndex={0}>
                暂定
              </Tag>
            </Tooltip>
          ) : null}
        </div>
      ) : null}
      {item.kind === 'future' && item.limit ? (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            办理时限 {item.limit}（到达该环节起计）
          </Typography.Text>
        </div>
      ) : null}
      {item.note ? <div style={{ fontSize: 13 }}>{item.note}</div> : null}
      {item.attachments?.map((file) => (
        <AttachmentLink key={file.id} instanceId={instanceId} file={file} />
      ))}
      {item.comment ? (
        <blockquote
          style={{
            margin: '4px 0 0',
            padding: '4px 8px',
            background: '#fafafa',
            borderInlineStart: '3px solid #d9d9d9',
          }}
        >
          {item.comment}
        </blockquote>
      ) : null}
    </div>
  );
}

/** 审批记录: done steps, the current one with its deadline, and the steps to come (grey). */
export function Timeline({
  items,
  now,
  instanceId,
}: {
  items: readonly TimelineItem[];
  now: number;
  /** The instance the attachments are downloaded from. */
  instanceId: string;
}) {
  return (
    <AntTimeline
      items={items.map((item) => ({
        key: item.key,
        color: COLORS[item.tone],
        icon: icon(item),
        content: <Body item={item} now={now} instanceId={instanceId} />,
      }))}
    />
  );
}
