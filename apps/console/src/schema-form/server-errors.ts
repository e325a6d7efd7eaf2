import { CertflowError } from '@certflow/client';
import type { FormInstance } from 'antd';
import { errorText, issueText } from '../api/error-text';
import type { FormValues } from './form-values';
import { walkFields, type FieldNode } from './schema-model';

interface Issue {
  path: string;
  message: string;
}

function issuesOf(details: Record<string, unknown> | undefined): Issue[] {
  const raw = details?.['issues'];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((i: unknown) => {
    if (typeof i !== 'object' || i === null) return [];
    const { path, message } = i as Record<string, unknown>;
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}

/**
 * Puts the server's refusal on the fields it names: `VALIDATION_FAILED` issues by path, and a
 * policy refusal (422) on the field its `details` name (`{ level: 'elementary' }` → 等级).
 * Answers the sentence to show above the form (the refusal's message), or nothing.
 */
export function applyServerErrors(
  form: FormInstance<FormValues>,
  fields: readonly FieldNode[],
  error: unknown,
  prefix: readonly string[] = [],
): string {
  const message = errorText(error);
  if (!(error instanceof CertflowError)) return message;
  const leaves = walkFields(fields).filter((f) => f.kind !== 'object');
  const byPath = new Map(leaves.map((f) => [f.path.join('.'), f]));
  const placed: Array<{ name: string[]; errors: string[] }> = [];
  for (const issue of issuesOf(error.details)) {
    const path = issue.path.startsWith(`${prefix.join('.')}.`)
      ? issue.path.slice(prefix.join('.').length + 1)
      : issue.path;
    const field = byPath.get(path);
    if (field)
      placed.push({ name: [...field.path], errors: [issueText(issue.message, field.label)] });
  }
  if (error.status === 422 && error.details) {
    for (const key of Object.keys(error.details)) {
      const field = leaves.find((f) => f.key === key || f.path.join('.') === key);
      if (field) placed.push({ name: [...field.path], errors: [message] });
    }
  }
  // Nested paths (`['certificate', 'level']`) are valid names; antd's type only spells out two levels.
  form.setFields(placed as unknown as Parameters<typeof form.setFields>[0]);
  if (error.code === 'VALIDATION_FAILED' && placed.length > 0)
    return '提交的内容有误，请按标红的提示修改';
  return message;
}
