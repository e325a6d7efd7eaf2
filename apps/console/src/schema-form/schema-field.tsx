import { Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { rulesOf } from './field-rules';
import type { FieldNode } from './schema-model';

export interface SchemaFieldProps {
  readonly field: FieldNode;
  /** Fields fixed by the context (the applicant's own college), shown read-only. */
  readonly locked?: boolean;
}

/** One leaf field of a generated form: the input that fits its kind, with Chinese rules. */
export function SchemaField({ field: f, locked = false }: SchemaFieldProps) {
  const common = {
    name: [...f.path],
    label: f.label,
    rules: rulesOf(f),
    ...(f.help === undefined ? {} : { extra: f.help }),
  };
  const placeholder =
    f.placeholder ??
    (f.kind === 'select' || f.kind === 'date' ? `请选择${f.label}` : `请输入${f.label}`);
  switch (f.kind) {
    case 'boolean':
      return (
        <Form.Item {...common} valuePropName="checked" label={null}>
          <Checkbox disabled={locked}>{f.label}</Checkbox>
        </Form.Item>
      );
    case 'select':
      return (
        <Form.Item {...common}>
          <Select
            options={f.options?.map((o) => ({ ...o }))}
            placeholder={placeholder}
            disabled={locked}
            allowClear={!f.required}
          />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item {...common}>
          <DatePicker style={{ width: '100%' }} placeholder={placeholder} disabled={locked} />
        </Form.Item>
      );
    case 'integer':
    case 'number':
    case 'money':
      return (
        <Form.Item {...common}>
          <InputNumber
            style={{ width: '100%' }}
            placeholder={placeholder}
            disabled={locked}
            {...(f.kind === 'integer' ? { precision: 0 } : {})}
            {...(f.kind === 'money' ? { precision: 2, prefix: '¥' } : {})}
          />
        </Form.Item>
      );
    case 'textarea':
      return (
        <Form.Item {...common}>
          <Input.TextArea
            rows={4}
            placeholder={placeholder}
            disabled={locked}
            {...(f.maxLength ? { maxLength: f.maxLength, showCount: true } : {})}
          />
        </Form.Item>
      );
    case 'list':
      return (
        <Form.Item {...common}>
          <Select
            mode="tags"
            tokenSeparators={[',', '，', '\n']}
            open={false}
            placeholder={`${placeholder}，回车确认`}
            disabled={locked}
          />
        </Form.Item>
      );
    case 'text':
      return (
        <Form.Item {...common}>
          <Input
            placeholder={placeholder}
            disabled={locked}
            {...(f.maxLength ? { maxLength: f.maxLength } : {})}
          />
        </Form.Item>
      );
    default:
      return <Form.Item label={f.label}>此项暂不能在表单中填写，请联系教务处。</Form.Item>;
  }
}
