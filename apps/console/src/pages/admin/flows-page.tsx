import type { FlowInfo, FlowStateInfo } from '@certflow/client';
import { Alert, Card, Col, Empty, List, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorText } from '../../api/error-text';
import { useFlows } from '../../api/queries';
import { eventLabel } from '../../labels/events';
import { roleLabel } from '../../labels/roles';
import { stateLabel } from '../../labels/states';
import { STATUS_LABELS } from '../../labels/statuses';
import { TONE } from '../../labels/tones';
import { FlowDiagramView } from '../instance/diagram/flow-diagram';
import { flowGroups } from './flow-groups';

const SCOPE: Readonly<Record<string, string>> = {
  school: '全校',
  college: '本学院',
  organization: '评价组织',
  submitter: '申请人',
};

/** 流程: every flow with its versions, steps, who acts, and its diagram. */
export default function FlowsPage() {
  const flows = useFlows();
  const [params, setParams] = useSearchParams();
  const groups = flowGroups(flows.data?.items ?? []);
  const selectedId = params.get('flow') ?? groups[0]?.id ?? null;
  const group = groups.find((g) => g.id === selectedId) ?? groups[0];

  return (
    <>
      <Typography.Title level={3}>流程与版本</Typography.Title>
      {flows.isError ? <Alert type="error" showIcon title={errorText(flows.error)} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small" title="流程">
            <List
              loading={flows.isPending}
              dataSource={groups}
              renderItem={(g) => (
                <List.Item
                  style={{ cursor: 'pointer', paddingInline: 8 }}
                  className={g.id === group?.id ? 'ant-list-item-selected' : undefined}
                >
                  <a
                    href={`?flow=${encodeURIComponent(g.id)}`}
                    aria-current={g.id === group?.id ? 'page' : undefined}
                    onClick={(e) => {
                      e.preventDefault();
                      setParams({ flow: g.id });
                    }}
                    style={{ fontWeight: g.id === group?.id ? 600 : 400 }}
                  >
                    {g.title}
                  </a>
                  <Tag>v{g.latest.version}</Tag>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          {group ? <FlowDetail key={group.id} versions={group.versions} /> : <Empty />}
        </Col>
      </Row>
    </>
  );
}

function FlowDetail({ versions }: { versions: readonly FlowInfo[] }) {
  const latest = versions.find((v) => v.latest) ?? versions[0];
  const [version, setVersion] = useState(latest?.version ?? 1);
  const flow = versions.find((v) => v.version === version) ?? latest;
  if (!flow) return null;
  const steps = flow.states.filter((s) => !s.final);
  return (
    <Card
      size="small"
      title={flow.title.zh}
      extra={
        <Space>
          <label htmlFor="flow-version">版本</label>
          <Select
            id="flow-version"
            value={flow.version}
            onChange={setVersion}
            style={{ width: 150 }}
            options={versions.map((v) => ({
              value: v.version,
              label: `v${v.version}${v.latest ? '（当前）' : ''}`,
            }))}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        编号 <Typography.Text code>{flow.id}</Typography.Text>；发起人：
        {flow.startedBy.roles.map(roleLabel).join('、')}（{SCOPE[flow.startedBy.scope]}）。
        {flow.latest ? '新申请按此版本办理。' : '此版本仅用于按它发起、尚未办结的申请。'}
      </Typography.Paragraph>
      <Table<FlowStateInfo>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={steps}
        scroll={{ x: 'max-content' }}
        style={{ marginBottom: 16 }}
        columns={[
          { title: '环节', render: (_: unknown, s: FlowStateInfo) => stateLabel(flow, s.id) },
          {
            title: '办理人',
            render: (_: unknown, s: FlowStateInfo) =>
              s.tasks.length === 0
                ? '自动'
                : s.tasks.map((t) => (
                    <Tag key={`${t.step}${t.role}`}>
                      {roleLabel(t.role)}（{SCOPE[t.scope] ?? t.scope}）
                    </Tag>
                  )),
          },
          {
            title: '可执行操作',
            render: (_: unknown, s: FlowStateInfo) =>
              [...new Set([...s.tasks.flatMap((t) => t.events), ...s.submitterEvents])]
                .map(eventLabel)
                .join('、') || '—',
          },
        ]}
      />
      <Space size={4} wrap style={{ marginBottom: 8 }}>
        {flow.states
          .filter((s) => s.final && s.status)
          .map((s) => (
            <Tag key={s.id} color={TONE.gray}>
              结束：{stateLabel(flow, s.id)}
              {s.status ? `（${STATUS_LABELS[s.status].text}）` : ''}
            </Tag>
          ))}
      </Space>
      <FlowDiagramView flow={flow} />
    </Card>
  );
}
