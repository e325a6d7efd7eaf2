import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { dueOf } from '../../format/time';
import { TONE } from '../../labels/tones';

const COLORS = {
  overdue: TONE.red,
  soon: TONE.orange,
  normal: undefined,
  none: undefined,
} as const;

/** A task's deadline: red when overdue, orange when due within a day. */
export function DueTag({ dueAt, now }: { dueAt: string | null; now: number }) {
  const due = dueOf(dueAt, now);
  return (
    <Tag
      color={COLORS[due.kind]}
      icon={due.kind === 'overdue' ? <ExclamationCircleOutlined /> : <ClockCircleOutlined />}
    >
      {due.text}
    </Tag>
  );
}
