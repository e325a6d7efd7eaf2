import type { Task } from '@certflow/client';
import { Input, Select } from 'antd';
import { useDirectory } from '../../api/people';

export interface PersonPickerProps {
  readonly id?: string;
  readonly value?: string | string[];
  readonly onChange?: (value: string | string[]) => void;
  readonly multiple: boolean;
  /** 转办/加签 go to people of the task's role and college; 抄送 to anyone. */
  readonly task: Task | null;
  readonly exclude: readonly string[];
}

/**
 * Picks people by name (the directory the server publishes), or takes a 工号 where no directory
 * is published yet.
 */
export function PersonPicker({ id, value, onChange, multiple, task, exclude }: PersonPickerProps) {
  const people = useDirectory().data?.people ?? [];
  if (people.length === 0) {
    return (
      <Input
        id={id}
        placeholder={multiple ? '输入工号，多人用逗号分隔' : '输入工号'}
        value={Array.isArray(value) ? value.join(',') : value}
        onChange={(e) => {
          const text = e.target.value;
          onChange?.(multiple ? text.split(/[,，\s]+/).filter((s) => s !== '') : text.trim());
        }}
      />
    );
  }
  const eligible = people.filter(
    (p) =>
      !exclude.includes(p.id) &&
      (multiple ||
        !task ||
        task.role === 'submitter' ||
        (p.roles.some((r) => r.id === task.role) &&
          (!task.college || p.college?.id === task.college))),
  );
  return (
    <Select
      id={id}
      showSearch={{ optionFilterProp: 'label' }}
      mode={multiple ? 'multiple' : undefined}
      placeholder="按姓名搜索"
      value={value}
      onChange={(v: string | string[]) => onChange?.(v)}
      options={eligible.map((p) => ({
        value: p.id,
        label: `${p.name}（${p.roles.map((r) => r.name).join('、')}${p.college ? ` · ${p.college.name}` : ''}）`,
      }))}
      notFoundContent="没有符合条件的人员"
    />
  );
}
