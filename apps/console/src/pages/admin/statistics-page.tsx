import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { getStatisticsCsv, type StatisticsRow } from '../../api/admin';
import { useStatistics } from '../../api/admin-queries';
import { errorText } from '../../api/error-text';
import { namer, useDirectory } from '../../api/people';
import { useApi } from '../../api/use-api';
import { BarChart } from './bar-chart';
import { formatRate, formatYuan } from './money';

const thisYear = (): number =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format());

const rateOrNaN = (r: number | null): number => (r === null ? Number.NaN : r);
const percent = (v: number): string => (Number.isNaN(v) ? '—' : formatRate(v));
/** Money for a chart label: 万元 from ten thousand yuan, yuan below. */
const wan = (fen: number): string =>
  Number.isNaN(fen)
    ? '—'
    : fen >= 1_000_000
      ? `${(fen / 1_000_000).toFixed(1)} 万元`
      : `${Math.round(fen / 100).toLocaleString('zh-CN')} 元`;

/** 统计: the school's pilot figures of a year (第五条4, 第十四条), with charts and a CSV export. */
export default function StatisticsPage() {
  const api = useApi();
  const [year, setYear] = useState(thisYear());
  const stats = useStatistics(year);
  const names = namer(useDirectory().data);
  const [exportError, setExportError] = useState<unknown>(null);
  const years = Array.from({ length: 5 }, (_, i) => thisYear() - 3 + i);
  const total = stats.data?.total;
  const colleges = stats.data?.colleges ?? [];

  const download = async () => {
    setExportError(null);
    try {
      const csv = await getStatisticsCsv(api, year);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `pilot-statistics-${year}.csv`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      setExportError(error);
    }
  };

  return (
    <>
      <Typography.Title level={3}>试点统计</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="stats-year">年度</label>
        <Select
          id="stats-year"
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={years.map((y) => ({ value: y, label: `${y} 年` }))}
        />
        <Button icon={<DownloadOutlined />} onClick={() => void download()}>
          导出 CSV
        </Button>
      </Space>
      {stats.isError ? (
        <Alert type="error" showIcon title={errorText(stats.error)} style={{ marginBottom: 12 }} />
      ) : null}
      {exportError ? (
        <Alert type="error" showIcon title={errorText(exportError)} style={{ marginBottom: 12 }} />
      ) : null}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {[
          { title: '试点项目', value: total?.projects ?? '—', suffix: '项' },
          { title: '批准规模', value: total?.scale ?? '—', suffix: '人' },
          { title: '参加培训', value: total?.trained ?? '—', suffix: '人' },
          { title: '参加考核', value: total?.examined ?? '—', suffix: '人' },
          { title: '取证通过率', value: formatRate(total?.passRate) },
          { title: '经费执行率', value: formatRate(total?.spendingRate) },
        ].map((s) => (
          <Col xs={12} sm={8} lg={4} key={s.title}>
            <Card size="small" loading={stats.isPending}>
              <Statistic title={s.title} value={s.value} suffix={s.suffix} />
            </Card>
          </Col>
        ))}
      </Row>
      {stats.data && colleges.length === 0 ? (
        <Card size="small">
          <Empty description={`${year} 年还没有立项的试点项目`} />
        </Card>
      ) : null}
      {colleges.length > 0 ? (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={24} lg={12}>
              <Card size="small">
                <BarChart
                  title="各二级学院取证通过率"
                  series={['通过率']}
                  data={colleges.map((c) => ({
                    label: names.college(c.collegeId),
                    values: [rateOrNaN(c.passRate)],
                  }))}
                  format={percent}
                  options={{ max: 1 }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small">
                <BarChart
                  title="各二级学院经费：预算与支出"
                  series={['预算', '已支出']}
                  data={colleges.map((c) => ({
                    label: names.college(c.collegeId),
                    values: [c.budget, c.spent],
                  }))}
                  format={wan}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title="按二级学院与证书">
            <Table<StatisticsRow>
              rowKey={(r) => `${r.collegeId}:${r.certificateCode}:${r.level}`}
              size="small"
              dataSource={stats.data?.rows ?? []}
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  title: '二级学院',
                  render: (_: unknown, r: StatisticsRow) => names.college(r.collegeId),
                },
                {
                  title: '证书',
                  render: (_: unknown, r: StatisticsRow) => `${r.certificateName}（${r.level}）`,
                },
                { title: '项目', dataIndex: 'projects' },
                { title: '规模', dataIndex: 'scale' },
                { title: '培训', dataIndex: 'trained' },
                { title: '考核', dataIndex: 'examined' },
                { title: '通过', dataIndex: 'passed' },
                {
                  title: '通过率',
                  render: (_: unknown, r: StatisticsRow) => formatRate(r.passRate),
                },
                { title: '预算', render: (_: unknown, r: StatisticsRow) => formatYuan(r.budget) },
                { title: '已支出', render: (_: unknown, r: StatisticsRow) => formatYuan(r.spent) },
                {
                  title: '执行率',
                  render: (_: unknown, r: StatisticsRow) => formatRate(r.spendingRate),
                },
              ]}
            />
          </Card>
        </>
      ) : null}
    </>
  );
}
