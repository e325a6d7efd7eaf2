import type { JsonObject } from '@certflow/client';
import { Card, Form, type FormInstance } from 'antd';
import { useMemo } from 'react';
import type { FormValues } from './form-values';
import { SchemaField } from './schema-field';
import { fieldsOf, type FieldNode } from './schema-model';

export interface SchemaFormProps {
  readonly schema: JsonObject;
  readonly form: FormInstance<FormValues>;
  readonly initialValues?: FormValues;
  /** Top-level keys fixed by the context, shown read-only (e.g. `collegeId` of a college's staff). */
  readonly locked?: readonly string[];
  /** Choices for free-text fields the context knows the values of (`collegeId` → the colleges). */
  readonly choices?: Choices;
  readonly onFinish: (values: FormValues) => void;
  /** Any change typed (all values as they are now). */
  readonly onValuesChange?: (values: FormValues) => void;
  readonly children?: React.ReactNode;
}

export type Choices = Readonly<Record<string, ReadonlyArray<{ value: string; label: string }>>>;

function withChoices(field: FieldNode, choices: Choices): FieldNode {
  const options = choices[field.path.join('.')];
  return options && options.length > 0 && field.kind === 'text'
    ? { ...field, kind: 'select', options }
    : field;
}

function FieldGroup({
  field,
  locked,
  choices,
}: {
  field: FieldNode;
  locked: readonly string[];
  choices: Choices;
}) {
  if (field.kind !== 'object') {
    return (
      <SchemaField
        field={withChoices(field, choices)}
        locked={locked.includes(field.path.join('.'))}
      />
    );
  }
  return (
    <Card
      size="small"
      title={field.label}
      style={{ marginBottom: 16 }}
      role="group"
      aria-label={field.label}
    >
      {field.help ? <p style={{ marginTop: 0, color: 'rgba(0,0,0,0.55)' }}>{field.help}</p> : null}
      {(field.children ?? []).map((child) => (
        <FieldGroup key={child.key} field={child} locked={locked} choices={choices} />
      ))}
    </Card>
  );
}

/** A form generated from a flow's input JSON Schema (`GET /api/flows` → `inputSchema`). */
export function SchemaForm({
  schema,
  form,
  initialValues,
  locked = [],
  choices = {},
  onFinish,
  onValuesChange,
  children,
}: SchemaFormProps) {
  const fields = useMemo(() => fieldsOf(schema), [schema]);
  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      {...(onValuesChange
        ? { onValuesChange: (_: unknown, all: FormValues) => onValuesChange(all) }
        : {})}
      scrollToFirstError
      requiredMark
    >
      {fields.map((f) => (
        <FieldGroup key={f.key} field={f} locked={locked} choices={choices} />
      ))}
      {children}
    </Form>
  );
}
