import type { Task } from '@certflow/client';
import { Input, Select } from 'antd';
import { useDirectoryPeople } from '../../api/instance-queries';
import { useDirectory, type Person } from '../../api/people';
import { roleLabel } from '../../labels/roles';
import { useSignedIn } from '../../session/session-context';
import { pickable } from './pickable';

export interface PersonPickerProps {
  readonly id?: string;
  readonly value?: string | string[];
  readonly onChange?: (value: string | string[]) => void;
  readonly multiple: boolean;
  /** 转办/委派/加签 go to people of the task's role and college; 抄送 to anyone (null). */
  readonly task: Task | null;
  readonly exclude: readonly string[];
}

/**
 * Picks people by name: the campus directory where the person may read it
 * (`GET /api/directory/users`), and the people the server publishes for sign-in; a 工号 where
 * neither names anyone.
 */
export function PersonPicker({ id, value, onChange, multiple, task, exclude }: PersonPickerProps) {
  const { user } = useSignedIn();
  const published = useDirectory().data;
  const directory = useDirectoryPeople(user.roles).data?.items ?? [];
  const colleges = new Map((published?.colleges ?? []).map((c) => [c.id, c.name]));
  const byId = new Map<string, Person>((published?.people ?? []).map((p) => [p.id, p]));
  for (const d of directory) {
    if (d.status !== 'active' || byId.has(d.id)) continue;
    byId.set(d.id, {
      key: d.id,
      id: d.id,
      name: d.name,
      roles: d.roles.map((r) => ({ id: r, name: roleLabel(r) })),
      college: d.college ? { id: d.college, name: colleges.get(d.college) ?? d.college } : null,
    });
  }
  const people = [...byId.values()];
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
  return (
    <Select
      id={id}
      showSearch={{ optionFilterProp: 'label' }}
      mode={multiple ? 'multiple' : undefined}
      placeholder="按姓名搜索"
      value={value}
      onChange={(v: string | string[]) => onChange?.(v)}
      options={pickable(people, task, exclude).map((p) => ({
        value: p.id,
        label: `${p.name}（${p.roles.map((r) => r.name).join('、')}${p.college ? ` · ${p.college.name}` : ''}）`,
      }))}
      notFoundContent="没有符合条件的人员"
    />
  );
}
