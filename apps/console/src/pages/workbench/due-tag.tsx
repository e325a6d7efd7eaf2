import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import type { Task } from '@certflow/client';
import { Tag } from 'antd';
import { dueOf } from '../../format/time';
import { TONE } from '../../labels/tones';

const COLORS = {
  overdue: TONE.red,
  soon: TONE.orange,
  normal: undefined,
  none: undefined,
} as const;

/**
 * A task's deadline: red when overdue, orange when due within a day. A deadline counted through a
 * year without an official holiday table is marked 暂定 with why (docs/calendar.md).
 */
export function DueTag({
  dueAt,
  due,
  now,
}: {
  dueAt: string | null;
  due?: Task['due'];
  now: number;
}) {
  const mark = dueOf(due?.at ?? dueAt, now);
  return (
    <>
      <Tag
        color={COLORS[mark.kind]}
        icon={mark.kind === 'overdue' ? <ExclamationCircleOutlined /> : <ClockCircleOutlined />}
      >
        {mark.text}
      </Tag>
      {due?.provisional ? (
        <Tag
          color={TONE.gray}
          title={`暂定期限：该年度校历尚未正式导入，暂按周末计算（${due.explanation.zh}）`}
        >
          暂定
        </Tag>
      ) : null}
    </>
  );
}
