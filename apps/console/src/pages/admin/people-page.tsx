import type { DirectoryPerson } from '@certflow/client';
import { Alert, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useDirectoryUsers } from '../../api/admin-queries';
import { errorText } from '../../api/error-text';
import { useDirectory } from '../../api/people';
import { ROLE_LABELS, roleLabel } from '../../labels/roles';
import { TONE } from '../../labels/tones';
import { collegesOf } from './colleges';
import { filterPeople, type PeopleFilter } from './people-filter';

/** 人员与角色: the directory as the campus sync left it (read-only here). */
export default function PeoplePage() {
  const users = useDirectoryUsers();
  const directory = useDirectory();
  const colleges = collegesOf(directory.data, users.data?.items);
  const collegeName = new Map(colleges.map((c) => [c.id, c.name]));
  const [filter, setFilter] = useState<PeopleFilter>({});
  const items = useMemo(
    () => filterPeople(users.data?.items ?? [], filter, (id) => collegeName.get(id) ?? id),
    // collegeName is derived from the same data as items
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [users.data, filter, colleges.length],
  );
  const roles = Object.keys(ROLE_LABELS).filter((r) => r !== 'submitter');

  return (
    <>
      <Typography.Title level={3}>人员与角色</Typography.Title>
      <Typography.Paragraph type="secondary">
        人员、角色与所属二级学院来自学校统一身份目录的同步（POST /api/directory/import）；
        离职或调出的人员停用后保留记录，其未办事项需转办。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label="搜索姓名、工号或邮箱"
          placeholder="姓名 / 工号 / 邮箱"
          onSearch={(q) => setFilter((f) => ({ ...f, q }))}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          aria-label="角色"
          placeholder="角色"
          style={{ width: 200 }}
          value={filter.role}
          onChange={(role?: string) => setFilter((f) => ({ ...f, role }))}
          options={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
        />
        <Select
          allowClear
          aria-label="二级学院"
          placeholder="二级学院"
          style={{ width: 160 }}
          value={filter.college}
          onChange={(college?: string) => setFilter((f) => ({ ...f, college }))}
          options={colleges.map((c) => ({ value: c.id, label: c.name }))}
        />
      </Space>
      {users.isError ? (
        <Alert type="error" showIcon title={errorText(users.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Card size="small">
        <Table<DirectoryPerson>
          rowKey="id"
          size="small"
          loading={users.isPending}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '工号', dataIndex: 'id' },
            { title: '姓名', dataIndex: 'name' },
            { title: '邮箱', dataIndex: 'email' },
            {
              title: '角色',
              dataIndex: 'roles',
              render: (rs: string[]) =>
                rs.length === 0 ? '—' : rs.map((r) => <Tag key={r}>{roleLabel(r)}</Tag>),
            },
            {
              title: '二级学院',
              dataIndex: 'college',
              render: (c: string | null) => (c ? (collegeName.get(c) ?? c) : '全校'),
            },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: DirectoryPerson['status']) =>
                s === 'active' ? (
                  <Tag color={TONE.green}>在职</Tag>
                ) : (
                  <Tag color={TONE.gray}>已停用</Tag>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
