import { Button, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { namer, useDirectory } from '../../api/people';
import { useFlows } from '../../api/queries';
import { STATUS_OPTIONS } from '../../labels/statuses';
import { rangeReversed, type ListFilterValues, type WorkList } from './work-lists';

export type FilterField = 'keyword' | 'flow' | 'status' | 'college' | 'dates' | 'overdue' | 'order';

/** What each list can be filtered by: the work lists take all (docs/lists.md § Filters). */
export const WORK_LIST_FIELDS: readonly FilterField[] = [
  'keyword',
  'flow',
  'status',
  'college',
  'dates',
  'overdue',
  'order',
];

const OVERDUE_OPTIONS = [
  { value: 'true', label: '已超期' },
  { value: 'false', label: '未超期' },
];

/** One clearable select of the bar; cleared is `undefined` (the filter leaves the URL). */
function Choice({
  label,
  placeholder,
  width,
  options,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  width: number;
  options: readonly { value: string; label: string }[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <Select
      aria-label={label}
      placeholder={placeholder}
      allowClear
      style={{ width }}
      options={[...options]}
      value={value ?? null}
      onChange={(v: string | null) => onChange(v ?? undefined)}
    />
  );
}

/**
 * The filter bar of a list: 搜索 (title, applicant, certificate, college), 流程, 状态, 二级学院,
 * the list's own dates, 超期, 排序; 重置 clears all. Each change goes to the URL, page 1.
 */
export function ListFilters({
  list,
  fields,
  value,
  onChange,
}: {
  list: WorkList;
  fields: readonly FilterField[];
  value: ListFilterValues;
  onChange: (next: ListFilterValues) => void;
}) {
  const flows = useFlows();
  const directory = useDirectory();
  const names = namer(directory.data);
  const has = (f: FilterField) => fields.includes(f);
  const flowOptions = (flows.data?.items ?? [])
    .filter((f) => f.latest)
    .map((f) => ({ value: f.id, label: f.title.zh }));
  const collegeOptions = (directory.data?.colleges ?? []).map((c) => ({
    value: c.id,
    label: names.college(c.id),
  }));
  const set = (patch: Partial<Record<keyof ListFilterValues, unknown>>) => {
    const next: Record<string, unknown> = { ...value, ...patch };
    onChange(
      Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== '')),
    );
  };
  const reversed = rangeReversed(value);
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {has('keyword') ? (
        <Input.Search
          // Remounted when the URL's keyword changes (重置, back/forward).
          key={value.keyword ?? ''}
          aria-label="搜索"
          placeholder="搜索标题、申请人、证书、学院"
          allowClear
          defaultValue={value.keyword}
          style={{ width: 260 }}
          maxLength={100}
          onSearch={(v: string) => set({ keyword: v.trim() || undefined })}
        />
      ) : null}
      {has('flow') ? (
        <Choice
          label="按流程筛选"
          placeholder="全部流程"
          width={200}
          options={flowOptions}
          value={value.flow}
          onChange={(v) => set({ flow: v })}
        />
      ) : null}
      {has('status') ? (
        <Choice
          label="按状态筛选"
          placeholder="全部状态"
          width={130}
          options={STATUS_OPTIONS}
          value={value.status}
          onChange={(v) => set({ status: v })}
        />
      ) : null}
      {has('college') && collegeOptions.length > 0 ? (
        <Choice
          label="按二级学院筛选"
          placeholder="全部学院"
          width={150}
          options={collegeOptions}
          value={value.college}
          onChange={(v) => set({ college: v })}
        />
      ) : null}
      {has('dates') ? (
        <DatePicker.RangePicker
          aria-label={`按${list.time}筛选`}
          placeholder={[`${list.time}起`, '止']}
          allowEmpty={[true, true]}
          status={reversed ? 'error' : undefined}
          value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
          onChange={(_, [from, to]) => set({ from: from || undefined, to: to || undefined })}
        />
      ) : null}
      {has('overdue') ? (
        <Choice
          label="按是否超期筛选"
          placeholder="是否超期"
          width={120}
          options={OVERDUE_OPTIONS}
          value={value.overdue === undefined ? undefined : String(value.overdue)}
          onChange={(v) => set({ overdue: v === undefined ? undefined : v === 'true' })}
        />
      ) : null}
      {has('order') ? (
        <Select
          aria-label="排序"
          style={{ width: 140 }}
          options={[
            { value: 'asc', label: list.order.asc },
            { value: 'desc', label: list.order.desc },
          ]}
          value={value.order ?? list.order.default}
          onChange={(v: 'asc' | 'desc') => set({ order: v === list.order.default ? undefined : v })}
        />
      ) : null}
      <Button onClick={() => onChange({})}>重置</Button>
    </Space>
  );
}
