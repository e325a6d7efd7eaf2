import { List, Tag, Typography } from 'antd';
import { TONE } from '../../labels/tones';
import { SLOT_LABELS, type SlotStatus, type StepProgress } from './step-progress-model';

const COLORS: Readonly<Record<SlotStatus, string>> = {
  approved: TONE.green,
  against: TONE.red,
  pending: TONE.blue,
  waiting: TONE.gray,
  closed: TONE.gray,
};

/** 当前环节审批情况: per open step, each approver and where they stand. */
export function StepProgressList({ items }: { items: readonly StepProgress[] }) {
  return (
    <>
      {items.map((s) => (
        <div key={s.step} data-step={s.step} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{s.title}</Typography.Text>
          <Typography.Text type="secondary"> · {s.mode}</Typography.Text>
          {s.summary ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {s.summary}
            </Typography.Text>
          ) : null}
          <List
            size="small"
            dataSource={[...s.rows]}
            renderItem={(row) => (
              <List.Item key={row.key} style={{ paddingInline: 0 }}>
                <span style={{ overflowWrap: 'anywhere' }}>
                  {row.who}
                  {row.note ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {' '}
                      （{row.note}）
                    </Typography.Text>
                  ) : null}
                </span>
                <Tag color={COLORS[row.status]} style={{ marginInlineEnd: 0 }}>
                  {SLOT_LABELS[row.status]}
                </Tag>
              </List.Item>
            )}
          />
        </div>
      ))}
    </>
  );
}
