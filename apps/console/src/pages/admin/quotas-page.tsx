import type { QuotaRecord } from '@certflow/client';
import { CertflowError } from '@certflow/client';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import { useState } from 'react';
import { adminKeys, useDirectoryUsers } from '../../api/admin-queries';
import { errorText } from '../../api/error-text';
import { useDirectory } from '../../api/people';
import { useApi } from '../../api/use-api';
import { formatYuan } from './money';
import { collegesOf, type College } from './colleges';

const thisYear = (): number =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format());

interface Row {
  readonly college: College;
  /** undefined: loading; null: not set (404). */
  readonly quota: QuotaRecord | null | undefined;
  readonly error: unknown;
}

/** 名额: each college's pilot scale and last year's executed budget for a year (第七条2). */
export default function QuotasPage() {
  const api = useApi();
  const [year, setYear] = useState(thisYear() + 1);
  const [editing, setEditing] = useState<Row | null>(null);
  const directory = useDirectory();
  const users = useDirectoryUsers();
  const colleges = collegesOf(directory.data, users.data?.items);
  const quotas = useQueries({
    queries: colleges.map((c) => ({
      queryKey: adminKeys.quota(year, c.id),
      queryFn: async (): Promise<QuotaRecord | null> => {
        try {
          return await api.getQuota(year, c.id);
        } catch (error) {
          if (error instanceof CertflowError && error.status === 404) return null;
          throw error;
        }
      },
    })),
  });
  const rows: Row[] = colleges.map((college, i) => ({
    college,
    quota: quotas[i]?.data,
    error: quotas[i]?.error ?? null,
  }));
  const years = [thisYear() - 1, thisYear(), thisYear() + 1, thisYear() + 2];

  return (
    <>
      <Typography.Title level={3}>试点名额与预算</Typography.Title>
      <Typography.Paragraph type="secondary">
        各二级学院年度试点规模与上一年度执行预算（第七条第2款）：申报合计超出时须说明理由，由领导小组审批。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        <label htmlFor="quota-year">年度</label>
        <Select
          id="quota-year"
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: `${y} 年` }))}
          style={{ width: 120 }}
        />
      </Space>
      {users.isError ? (
        <Alert type="error" showIcon title={errorText(users.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Card size="small">
        <Table<Row>
          rowKey={(r) => r.college.id}
          size="small"
          loading={directory.isPending || users.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '二级学院', render: (_: unknown, r: Row) => r.college.name },
            {
              title: '试点规模（人）',
              render: (_: unknown, r: Row) =>
                r.error ? (
                  <Typography.Text type="danger">{errorText(r.error)}</Typography.Text>
                ) : r.quota === undefined ? (
                  '…'
                ) : r.quota === null ? (
                  <Tag>未设置</Tag>
                ) : (
                  r.quota.scale
                ),
            },
            {
              title: '上一年度执行预算',
              render: (_: unknown, r: Row) =>
                r.quota
                  ? r.quota.budget === undefined
                    ? '按上一年度台账计算'
                    : formatYuan(r.quota.budget)
                  : '—',
            },
            { title: '预算说明', render: (_: unknown, r: Row) => r.quota?.budgetNote ?? '—' },
            {
              title: '操作',
              render: (_: unknown, r: Row) => (
                <Button
                  type="link"
                  size="small"
                  onClick={() => setEditing(r)}
                  disabled={r.quota === undefined && !r.error}
                  aria-label={`设置${r.college.name}名额`}
                >
                  设置
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {editing ? <QuotaModal year={year} row={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

interface QuotaForm {
  scale: number;
  budgetYuan?: number | null;
  budgetNote?: string;
}

function QuotaModal({ year, row, onClose }: { year: number; row: Row; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<QuotaForm>();
  const [toast, toastHolder] = message.useMessage();
  const save = useMutation({
    mutationFn: (v: QuotaForm) =>
      api.putQuota(year, row.college.id, {
        scale: v.scale,
        ...(typeof v.budgetYuan === 'number' ? { budget: Math.round(v.budgetYuan * 100) } : {}),
        ...(v.budgetNote?.trim() ? { budgetNote: v.budgetNote.trim() } : {}),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(adminKeys.quota(year, row.college.id), saved);
      void toast.success(`已保存${row.college.name} ${year} 年名额`);
      onClose();
    },
  });
  const q = row.quota;
  return (
    <Modal
      open
      title={`${row.college.name} · ${year} 年名额`}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {toastHolder}
      {save.error ? (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form<QuotaForm>
        form={form}
        layout="vertical"
        initialValues={{
          scale: q?.scale ?? 0,
          budgetYuan: q?.budget === undefined ? null : q.budget / 100,
          budgetNote: q?.budgetNote ?? '',
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="scale"
          label="试点规模（人）"
          rules={[{ required: true, message: '请填写试点规模' }]}
        >
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="budgetYuan"
          label="上一年度执行预算（元）"
          extra="不填则按上一年度台账计算"
        >
          <InputNumber min={0} max={100000000} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="budgetNote" label="预算说明" extra="如：财务处 2026 年决算">
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
