import type { InstanceSummary } from '@certflow/client';
import { Alert, Empty, Grid, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { errorText } from '../../api/error-text';
import { namer, useDirectory } from '../../api/people';
import { flowIndex, useFlows, useInstances } from '../../api/queries';
import { formatDateTime } from '../../format/time';
import { stateLabel } from '../../labels/states';
import { STATUS_LABELS } from '../../labels/statuses';
import { CardList } from './card-list';
import { ListFilters } from './list-filters';
import type { ListPageProps } from './list-page';
import { TONE } from '../../labels/tones';

/** 我可查看的: every instance the caller may read, filtered and paged by the server. */
export default function InstanceList({
  list: workList,
  filter,
  page,
  pageSize,
  onFilter,
  onPage,
}: ListPageProps) {
  const phone = Grid.useBreakpoint().md === false;
  // `GET /api/instances` takes 流程, 状态 and 二级学院 only.
  const { flow, status: wanted, college } = filter;
  const list = useInstances({
    ...(flow ? { flow } : {}),
    ...(wanted ? { status: wanted } : {}),
    ...(college ? { college } : {}),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const flows = useFlows();
  const names = namer(useDirectory().data);
  const index = flowIndex(flows.data?.items ?? []);
  const flowOf = (i: InstanceSummary) => index.byVersion.get(`${i.flow}@${i.flowVersion}`);
  const status = (i: InstanceSummary) => (
    <Tag color={STATUS_LABELS[i.status].color}>{STATUS_LABELS[i.status].text}</Tag>
  );
  const where = (i: InstanceSummary) =>
    i.status === 'active' ? stateLabel(flowOf(i), i.state) : null;
  const pagination = {
    current: page,
    pageSize,
    total: list.data?.total ?? 0,
    showSizeChanger: !phone,
    showTotal: (total: number) => `共 ${total} 项`,
    onChange: onPage,
    simple: phone,
  };
  const empty = { emptyText: <Empty description="暂无申请" /> };

  const columns: ColumnsType<InstanceSummary> = [
    {
      title: '标题',
      dataIndex: 'title',
      render: (_: unknown, i) => <Link to={`/instances/${i.id}`}>{i.title}</Link>,
    },
    { title: '流程', key: 'flow', render: (_: unknown, i) => flowOf(i)?.title.zh ?? i.flow },
    { title: '二级学院', key: 'college', render: (_: unknown, i) => names.college(i.college) },
    {
      title: '状态',
      key: 'status',
      render: (_: unknown, i) => (
        <Space size={4}>
          {status(i)}
          {where(i)}
        </Space>
      ),
    },
    {
      title: '提交时间',
      dataIndex: 'createdAt',
      render: (v: string) => formatDateTime(v),
      width: 170,
    },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      render: (v: string) => formatDateTime(v),
      width: 170,
    },
  ];

  return (
    <>
      <ListFilters
        list={workList}
        fields={['flow', 'status', 'college']}
        value={{
          ...(flow ? { flow } : {}),
          ...(wanted ? { status: wanted } : {}),
          ...(college ? { college } : {}),
        }}
        onChange={onFilter}
      />
      {list.isError ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      {phone ? (
        <CardList<InstanceSummary>
          items={list.data?.items}
          loading={list.isPending}
          empty="暂无申请"
          keyOf={(i) => i.id}
          page={page}
          pageSize={pageSize}
          total={list.data?.total ?? 0}
          phone={phone}
          onPage={onPage}
          render={(i) => (
            <Link to={`/instances/${i.id}`} style={{ display: 'block' }}>
              <Typography.Text strong style={{ display: 'block' }}>
                {i.title}
              </Typography.Text>
              <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
                {status(i)}
                {where(i) ? <Tag color={TONE.blue}>{where(i)}</Tag> : null}
                <Typography.Text type="secondary">{formatDateTime(i.updatedAt)}</Typography.Text>
              </Space>
            </Link>
          )}
        />
      ) : (
        <Table<InstanceSummary>
          rowKey="id"
          loading={list.isPending}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={pagination}
          locale={empty}
        />
      )}
    </>
  );
}
