import type { FlowInfo, HistoryEntry, Instance } from '@certflow/client';
import { Descriptions, Space, Tag, Typography } from 'antd';
import { namer, useDirectory } from '../../api/people';
import { formatDateTime } from '../../format/time';
import { stateLabel } from '../../labels/states';
import { STATUS_LABELS } from '../../labels/statuses';
import { TONE } from '../../labels/tones';

/** Title, status, flow, college, applicant, dates. */
export function InstanceHeader({
  instance,
  flow,
  history,
}: {
  instance: Instance;
  flow: FlowInfo | undefined;
  history: readonly HistoryEntry[];
}) {
  const names = namer(useDirectory().data);
  const status = STATUS_LABELS[instance.status];
  const applicant =
    history.find((h) => h.seq === 1)?.actorName ?? names.person(instance.submitterId);
  return (
    <>
      <Space wrap align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0, overflowWrap: 'anywhere' }}>
          {instance.title}
        </Typography.Title>
        <Tag color={status.color}>{status.text}</Tag>
        {instance.status === 'active'
          ? instance.state.split(',').map((s) => (
              <Tag key={s} color={TONE.blue}>
                {stateLabel(flow, s)}
              </Tag>
            ))
          : null}
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'flow', label: '流程', children: flow?.title.zh ?? instance.flow },
          { key: 'college', label: '二级学院', children: names.college(instance.college) },
          { key: 'applicant', label: '申请人', children: applicant },
          { key: 'created', label: '提交时间', children: formatDateTime(instance.createdAt) },
        ]}
      />
    </>
  );
}
