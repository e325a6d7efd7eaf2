import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Input,
  InputNumber,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  message,
} from 'antd';
import { useMemo, useState } from 'react';
import {
  importCalendarYear,
  tableProblemsOf,
  type CalendarImport,
  type CalendarYearStatus,
  type DeadlineMove,
} from '../../api/admin';
import { adminKeys, useCalendar, useCalendarYear } from '../../api/admin-queries';
import { errorText } from '../../api/error-text';
import { useApi } from '../../api/use-api';
import { formatDateTime } from '../../format/time';
import { TONE } from '../../labels/tones';
import {
  BEFORE_LABEL,
  diffRows,
  fileLines,
  ORIGIN_LABEL,
  proposedYear,
  yearOfTable,
} from './calendar-model';

const thisYear = (): number =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format());

/** 校历: the years the working-day calendar covers, and the import of a year's official table. */
export default function CalendarPage() {
  const overview = useCalendar();
  const [detailYear, setDetailYear] = useState<number | null>(null);
  const [allYears, setAllYears] = useState(false);
  const years = overview.data?.years ?? [];
  // Last year onwards by default: the tables of 2004… matter only to old deadlines.
  const shown = allYears ? years : years.filter((y) => y.year >= thisYear() - 1);
  const warning = overview.data?.warning ?? null;

  return (
    <>
      <Typography.Title level={3}>校历与节假日</Typography.Title>
      {warning ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${warning.year} 年的节假日安排尚未导入`}
          description={warning.message}
        />
      ) : null}
      {overview.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorText(overview.error)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Card
        title="覆盖年份"
        size="small"
        style={{ marginBottom: 16 }}
        extra={
          years.length > shown.length || allYears ? (
            <Button type="link" size="small" onClick={() => setAllYears((v) => !v)}>
              {allYears ? '只看近年' : `全部 ${years.length} 年`}
            </Button>
          ) : null
        }
      >
        <Table<CalendarYearStatus>
          rowKey="year"
          size="small"
          loading={overview.isPending}
          dataSource={[...shown]}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '年份', dataIndex: 'year', width: 80 },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: CalendarYearStatus['status']) =>
                s === 'official' ? (
                  <Tag color={TONE.green}>正式安排</Tag>
                ) : (
                  <Tag color={TONE.orange}>暂定（按周末推算）</Tag>
                ),
            },
            {
              title: '来源',
              render: (_: unknown, y: CalendarYearStatus) =>
                y.origin ? ORIGIN_LABEL[y.origin] : '—',
            },
            {
              title: '通知',
              render: (_: unknown, y: CalendarYearStatus) => y.source?.title ?? '—',
            },
            { title: '节假日（天）', dataIndex: 'holidayDays' },
            { title: '调休上班（天）', dataIndex: 'makeupDays' },
            {
              title: '导入',
              render: (_: unknown, y: CalendarYearStatus) =>
                y.imported
                  ? `${formatDateTime(y.imported.at)} ${y.imported.by.name ?? y.imported.by.id}`
                  : '—',
            },
            {
              title: '操作',
              render: (_: unknown, y: CalendarYearStatus) => (
                <Button type="link" size="small" onClick={() => setDetailYear(y.year)}>
                  查看日历
                </Button>
              ),
            },
          ]}
        />
        {overview.data ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            工作时间 {overview.data.workday.start}–{overview.data.workday.end}（北京时间）；
            期限按工作日计算，未导入正式安排的年份按周末推算，相关期限标为暂定。
          </Typography.Paragraph>
        ) : null}
      </Card>
      <ImportCard
        initialYear={proposedYear(years, warning?.year ?? null, thisYear())}
        key={overview.data ? 'ready' : 'loading'}
      />
      {detailYear !== null ? (
        <YearDrawer year={detailYear} onClose={() => setDetailYear(null)} />
      ) : null}
    </>
  );
}

function YearDrawer({ year, onClose }: { year: number; onClose: () => void }) {
  const detail = useCalendarYear(year);
  const special = (detail.data?.days ?? []).filter(
    (d) => d.kind === 'holiday' || d.kind === 'makeup',
  );
  return (
    <Drawer open title={`${year} 年节假日与调休`} onClose={onClose} size="default">
      {detail.isError ? <Alert type="error" showIcon title={errorText(detail.error)} /> : null}
      <Table
        rowKey="date"
        size="small"
        loading={detail.isPending}
        pagination={false}
        dataSource={special}
        locale={{ emptyText: <Empty description="没有节假日或调休" /> }}
        columns={[
          { title: '日期', dataIndex: 'date' },
          {
            title: '类型',
            dataIndex: 'kind',
            render: (k: string) =>
              k === 'holiday' ? (
                <Tag color={TONE.red}>放假</Tag>
              ) : (
                <Tag color={TONE.blue}>调休上班</Tag>
              ),
          },
          {
            title: '节日',
            render: (_: unknown, d: (typeof special)[number]) => d.name?.zh ?? '—',
          },
        ]}
      />
    </Drawer>
  );
}

function ImportCard({ initialYear }: { initialYear: number }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [toast, toastHolder] = message.useMessage();
  const [text, setText] = useState('');
  const [year, setYear] = useState<number>(initialYear);
  /** The text the preview was made of: 确认导入 only imports what was previewed. */
  const [previewed, setPreviewed] = useState<{ text: string; year: number } | null>(null);

  const preview = useMutation({
    mutationFn: (v: { text: string; year: number }) =>
      importCalendarYear(api, v.year, v.text, true),
    onSuccess: (_, v) => setPreviewed(v),
    onError: () => setPreviewed(null),
  });
  const commit = useMutation({
    mutationFn: (v: { text: string; year: number }) =>
      importCalendarYear(api, v.year, v.text, false),
    onSuccess: (result) => {
      const moved = result.recomputed?.tasks ?? result.deadlines.length;
      void toast.success(`${result.year} 年节假日安排已导入，已重新计算 ${moved} 个待办期限`);
      setPreviewed(null);
      preview.reset();
      void queryClient.invalidateQueries({ queryKey: adminKeys.calendar });
    },
  });

  const onText = (value: string) => {
    setText(value);
    const y = yearOfTable(value);
    if (y !== null) setYear(y);
    setPreviewed(null);
    preview.reset();
    commit.reset();
  };
  const failure = preview.error ?? commit.error;
  const problems = tableProblemsOf(failure);
  const lines = useMemo(() => fileLines(text, problems), [text, problems]);
  const ready =
    previewed !== null && previewed.text === text && previewed.year === year && preview.data;

  return (
    <Card title="导入节假日安排" size="small">
      {toastHolder}
      <Typography.Paragraph type="secondary">
        按国务院办公厅发布的节假日安排通知填写年度安排文件（JSON，格式见 docs/calendar.md），
        先预览将要变化的日期与期限，确认后再导入。文件有任何错误时整份不导入。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then(onText);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>选择文件</Button>
        </Upload>
        <label htmlFor="calendar-year">年份</label>
        <InputNumber
          id="calendar-year"
          min={2004}
          max={2100}
          value={year}
          onChange={(v) => {
            if (typeof v === 'number') {
              setYear(v);
              setPreviewed(null);
            }
          }}
        />
      </Space>
      <Input.TextArea
        aria-label="节假日安排文件内容"
        placeholder='{"year": 2027, "source": {"title": "国务院办公厅关于2027年部分节假日安排的通知"}, "holidays": [...], "workdays": [...]}'
        value={text}
        onChange={(e) => onText(e.target.value)}
        autoSize={{ minRows: 6, maxRows: 16 }}
        spellCheck={false}
        style={{ fontFamily: 'monospace', marginBottom: 12 }}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          onClick={() => preview.mutate({ text, year })}
          loading={preview.isPending}
          disabled={text.trim() === ''}
        >
          预览
        </Button>
        <Button
          type="primary"
          disabled={!ready}
          loading={commit.isPending}
          onClick={() => previewed && commit.mutate(previewed)}
        >
          确认导入
        </Button>
      </Space>
      {failure ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            problems.length > 0
              ? `文件有 ${problems.length} 处错误，未导入任何内容`
              : errorText(failure)
          }
          description={problems.length > 0 ? <ProblemLines lines={lines} /> : undefined}
        />
      ) : null}
      {ready ? <Preview result={preview.data} /> : null}
    </Card>
  );
}

function ProblemLines({ lines }: { lines: ReturnType<typeof fileLines> }) {
  return (
    <ol className="file-lines" aria-label="逐行错误">
      {lines.map((l, i) => {
        const before = lines[i - 1];
        const gap = before !== undefined && l.number > before.number + 1;
        return (
          <li key={l.number} className={l.problems.length > 0 ? 'bad' : undefined}>
            {gap ? <div className="gap">…</div> : null}
            <code>
              <span className="no">{l.number}</span>
              {l.text}
            </code>
            {l.problems.map((p) => (
              <div key={`${p.code}${p.column}${p.path ?? ''}`} className="problem">
                第 {p.line} 行第 {p.column} 列：{p.message}
              </div>
            ))}
          </li>
        );
      })}
    </ol>
  );
}

function Preview({ result }: { result: CalendarImport }) {
  const rows = diffRows(result.diff);
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`预览：${result.year} 年安排检查通过（尚未导入）`}
        description={`${BEFORE_LABEL[result.diff.before]}；${rows.length} 天变化，${result.deadlines.length} 个未完成的期限将调整。`}
      />
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="文件摘要">
          <Typography.Text code>{result.sha256.slice(0, 16)}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>日期变化</Typography.Title>
      <Table
        rowKey="key"
        size="small"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description="没有日期变化" /> }}
        columns={[
          { title: '日期', dataIndex: 'date' },
          {
            title: '变化',
            dataIndex: 'change',
            render: (c: string) => (
              <Tag color={c === '新增' ? TONE.green : c === '删除' ? TONE.red : TONE.blue}>{c}</Tag>
            ),
          },
          { title: '类型', dataIndex: 'kind' },
          { title: '节日', dataIndex: 'name' },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Typography.Title level={5}>将调整的期限</Typography.Title>
      <Table<DeadlineMove>
        rowKey={(m) => `${m.kind}${m.id}`}
        size="small"
        dataSource={[...result.deadlines]}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description="没有未完成的期限受影响" /> }}
        columns={[
          {
            title: '类型',
            dataIndex: 'kind',
            render: (k: DeadlineMove['kind']) => (k === 'task' ? '待办期限' : '提醒/升级'),
          },
          { title: '环节', dataIndex: 'label' },
          {
            title: '原期限',
            render: (_: unknown, m: DeadlineMove) =>
              `${formatDateTime(m.from)}${m.provisional.before ? '（暂定）' : ''}`,
          },
          {
            title: '新期限',
            render: (_: unknown, m: DeadlineMove) =>
              `${formatDateTime(m.to)}${m.provisional.after ? '（暂定）' : ''}`,
          },
          { title: '说明', render: (_: unknown, m: DeadlineMove) => m.explanation.zh },
        ]}
      />
    </>
  );
}
