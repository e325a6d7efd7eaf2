import type { FlowInfo, Instance, JsonObject } from '@certflow/client';
import { Descriptions, Empty } from 'antd';
import { useMemo } from 'react';
import { namer, useDirectory } from '../../api/people';
import { displayValue } from '../../schema-form/form-values';
import { fieldsOf, type FieldNode } from '../../schema-form/schema-model';
import { applicationOf } from './application';

interface Row {
  key: string;
  label: string;
  value: string;
}

function rowsOf(
  fields: readonly FieldNode[],
  values: JsonObject,
  college: (id: string) => string,
  prefix = '',
): Row[] {
  return fields.flatMap((f): Row[] => {
    const v = values[f.key];
    if (v === undefined) return [];
    const label = !prefix || f.label.startsWith(prefix) ? f.label : `${prefix} · ${f.label}`;
    if (f.kind === 'object' && typeof v === 'object' && v !== null && !Array.isArray(v)) {
      return rowsOf(f.children ?? [], v, college, f.label.replace(/（.*）$/, ''));
    }
    const text = f.key === 'collegeId' && typeof v === 'string' ? college(v) : displayValue(f, v);
    return [{ key: f.path.join('.'), label, value: text }];
  });
}

/** 申请内容: the application's fields with the labels of its form. */
export function InstanceFields({
  instance,
  flow,
}: {
  instance: Instance;
  flow: FlowInfo | undefined;
}) {
  const names = namer(useDirectory().data);
  const fields = useMemo(() => (flow ? fieldsOf(flow.inputSchema) : []), [flow]);
  const rows = rowsOf(fields, applicationOf(instance) ?? instance.context, names.college);
  if (rows.length === 0) return <Empty description="没有可显示的申请内容" />;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 2 }}
      items={rows.map((r) => ({ key: r.key, label: r.label, children: r.value }))}
    />
  );
}
