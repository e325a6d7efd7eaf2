import type { JsonObject, JsonValue } from '@certflow/client';
import dayjs, { type Dayjs } from 'dayjs';
import type { FieldNode } from './schema-model';

/** What antd's form holds for a field. */
export type FormValue =
  string | number | boolean | Dayjs | string[] | FormValues | null | undefined;
export interface FormValues {
  [key: string]: FormValue;
}

const isValues = (v: FormValue): v is FormValues =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !dayjs.isDayjs(v);

/** The form's values → the flow input: yuan → fen, dates → `YYYY-MM-DD`, empty optional fields left out. */
export function toInput(fields: readonly FieldNode[], values: FormValues): JsonObject {
  const out: JsonObject = {};
  for (const f of fields) {
    const v = values[f.key];
    let value: JsonValue | undefined;
    if (f.kind === 'object') value = toInput(f.children ?? [], isValues(v) ? v : {});
    else if (v === undefined || v === null || v === '') value = undefined;
    else if (f.kind === 'money' && typeof v === 'number') value = Math.round(v * 100);
    else if (f.kind === 'date' && dayjs.isDayjs(v)) value = v.format('YYYY-MM-DD');
    else if (f.kind === 'list' && Array.isArray(v))
      value = v.map((s) => s.trim()).filter((s) => s !== '');
    else if (typeof v === 'string') value = v.trim();
    else if (typeof v === 'number' || typeof v === 'boolean') value = v;
    if (value !== undefined) out[f.key] = value;
    else if (f.kind === 'boolean') out[f.key] = false;
  }
  return out;
}

/** A flow input → the form's values (to edit an application again: 重新提交). */
export function toFormValues(fields: readonly FieldNode[], input: JsonObject): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    const v = input[f.key];
    if (v === undefined || v === null) continue;
    if (f.kind === 'object' && typeof v === 'object' && !Array.isArray(v))
      out[f.key] = toFormValues(f.children ?? [], v);
    else if (f.kind === 'money' && typeof v === 'number') out[f.key] = v / 100;
    else if (f.kind === 'date' && typeof v === 'string') out[f.key] = dayjs(v);
    else if (f.kind === 'list' && Array.isArray(v))
      out[f.key] = v.filter((s): s is string => typeof s === 'string');
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      out[f.key] = v;
  }
  return out;
}

/** A value as the instance page shows it: money in yuan, options by their names. */
export function displayValue(field: FieldNode, value: JsonValue | undefined): string {
  if (value === undefined || value === null || value === '') return '—';
  if (field.kind === 'money' && typeof value === 'number') return formatYuan(value);
  if (field.kind === 'boolean') return value === true ? '是' : '否';
  if (field.kind === 'select' && typeof value === 'string') {
    return field.options?.find((o) => o.value === value)?.label ?? value;
  }
  if (Array.isArray(value)) return value.map(String).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** 分 → `¥2,000.00`. */
export function formatYuan(fen: number): string {
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
