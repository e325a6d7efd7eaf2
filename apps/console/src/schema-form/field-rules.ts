import type { Rule } from 'antd/es/form';
import type { FieldNode } from './schema-model';

const CHOOSE = new Set(['select', 'date', 'boolean']);

/** antd rules from the schema's constraints, in Chinese. The server checks again. */
export function rulesOf(f: FieldNode): Rule[] {
  const rules: Rule[] = [];
  if (f.required && f.kind !== 'boolean') {
    rules.push({
      required: true,
      message: `请${CHOOSE.has(f.kind) ? '选择' : '填写'}${f.label}`,
      ...(f.kind === 'text' || f.kind === 'textarea' ? { whitespace: true } : {}),
    });
  }
  if (f.kind === 'integer' || f.kind === 'number' || f.kind === 'money') {
    const range =
      f.min !== undefined && f.max !== undefined
        ? `须在 ${f.min} 至 ${f.max} 之间`
        : f.min !== undefined
          ? `不能小于 ${f.min}`
          : `不能大于 ${f.max ?? ''}`;
    rules.push({
      type: 'number',
      ...(f.min === undefined ? {} : { min: f.min }),
      ...(f.max === undefined ? {} : { max: f.max }),
      message: `${f.label}${range}`,
    });
  }
  if (f.kind === 'text' || f.kind === 'textarea') {
    if (f.maxLength !== undefined)
      rules.push({ max: f.maxLength, message: `${f.label}不能超过 ${f.maxLength} 个字` });
    if (f.minLength !== undefined && f.minLength > 1) {
      rules.push({ min: f.minLength, message: `${f.label}至少 ${f.minLength} 个字` });
    }
    if (f.pattern !== undefined)
      rules.push({ pattern: new RegExp(f.pattern), message: `${f.label}格式不正确` });
  }
  if (f.kind === 'list') {
    if (f.minItems !== undefined && f.minItems > 0) {
      rules.push({
        type: 'array',
        min: f.minItems,
        message: `${f.label}至少填写 ${f.minItems} 项`,
      });
    }
    if (f.maxItems !== undefined)
      rules.push({ type: 'array', max: f.maxItems, message: `${f.label}最多 ${f.maxItems} 项` });
  }
  return rules;
}
