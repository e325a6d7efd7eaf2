import type { InstanceStatus } from '@certflow/client';
import { Button, Select, Space } from 'antd';
import { namer, useDirectory } from '../../api/people';
import { useFlows } from '../../api/queries';
import { STATUS_OPTIONS } from '../../labels/statuses';

export interface InstanceFilterValues {
  readonly flow?: string;
  readonly status?: InstanceStatus;
  readonly college?: string;
}

/** The filters the listing API takes: 流程, 状态, 二级学院 (search by keyword joins with the list API). */
export function InstanceFilters({
  value,
  onChange,
}: {
  value: InstanceFilterValues;
  onChange: (next: InstanceFilterValues) => void;
}) {
  const flows = useFlows();
  const directory = useDirectory();
  const names = namer(directory.data);
  const flowOptions = (flows.data?.items ?? [])
    .filter((f) => f.latest)
    .map((f) => ({ value: f.id, label: f.title.zh }));
  const collegeOptions = (directory.data?.colleges ?? []).map((c) => ({
    value: c.id,
    label: names.college(c.id),
  }));
  const set = (patch: Partial<InstanceFilterValues>) => {
    const next: Record<string, string | undefined> = { ...value, ...patch };
    onChange(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)));
  };
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Select
        aria-label="按流程筛选"
        placeholder="全部流程"
        allowClear
        style={{ width: 200 }}
        options={flowOptions}
        value={value.flow ?? null}
        onChange={(v: string | null) => set({ flow: v ?? undefined })}
      />
      <Select
        aria-label="按状态筛选"
        placeholder="全部状态"
        allowClear
        style={{ width: 130 }}
        options={STATUS_OPTIONS}
        value={value.status ?? null}
        onChange={(v: InstanceStatus | null) => set({ status: v ?? undefined })}
      />
      {collegeOptions.length > 0 ? (
        <Select
          aria-label="按二级学院筛选"
          placeholder="全部学院"
          allowClear
          style={{ width: 150 }}
          options={collegeOptions}
          value={value.college ?? null}
          onChange={(v: string | null) => set({ college: v ?? undefined })}
        />
      ) : null}
      <Button onClick={() => onChange({})}>重置</Button>
    </Space>
  );
}
