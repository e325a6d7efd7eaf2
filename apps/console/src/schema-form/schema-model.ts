import type { JsonObject, JsonValue } from '@certflow/client';
import { fieldHint } from '../labels/fields';

/** How a field is entered. */
export type FieldKind =
  | 'object'
  | 'text'
  | 'textarea'
  | 'integer'
  | 'number'
  | 'money'
  | 'boolean'
  | 'select'
  | 'date'
  | 'list'
  | 'unsupported';

/** One field of a flow's input, read from its JSON Schema, with Chinese labels. */
export interface FieldNode {
  readonly key: string;
  readonly path: readonly string[];
  readonly kind: FieldKind;
  readonly label: string;
  readonly help?: string;
  readonly placeholder?: string;
  readonly required: boolean;
  /** Numbers: the allowed range as entered (yuan for money). */
  readonly min?: number;
  readonly max?: number;
  /** Strings. */
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  /** Lists. */
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly options?: ReadonlyArray<{ value: string; label: string }>;
  readonly children?: readonly FieldNode[];
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: JsonValue | undefined): number | undefined =>
  typeof v === 'number' ? v : undefined;
const str = (v: JsonValue | undefined): string | undefined =>
  typeof v === 'string' ? v : undefined;

/** `oneOf: [{ const, title }]` or `enum` (+ the hint's display names). */
function optionsOf(schema: JsonObject, names: Readonly<Record<string, string>> | undefined) {
  const oneOf = Array.isArray(schema['oneOf']) ? schema['oneOf'].filter(isObject) : [];
  if (oneOf.length > 0 && oneOf.every((o) => typeof o['const'] === 'string')) {
    return oneOf.map((o) => {
      const value = o['const'] as string;
      return { value, label: str(o['title']) ?? names?.[value] ?? value };
    });
  }
  const values = Array.isArray(schema['enum'])
    ? schema['enum'].filter((v) => typeof v === 'string')
    : [];
  return values.length > 0
    ? values.map((value) => ({ value, label: names?.[value] ?? value }))
    : undefined;
}

function kindOf(schema: JsonObject, money: boolean, long: boolean, hasOptions: boolean): FieldKind {
  const type = schema['type'];
  if (hasOptions) return 'select';
  if (type === 'object') return 'object';
  if (type === 'boolean') return 'boolean';
  if (type === 'integer') return money ? 'money' : 'integer';
  if (type === 'number') return money ? 'money' : 'number';
  if (type === 'array') {
    const items = schema['items'];
    return isObject(items) && items['type'] === 'string' ? 'list' : 'unsupported';
  }
  if (type === 'string') {
    if (schema['format'] === 'date' || schema['pattern'] === DATE_PATTERN) return 'date';
    return long || (num(schema['maxLength']) ?? 0) > 500 ? 'textarea' : 'text';
  }
  return 'unsupported';
}

function fieldOf(key: string, path: string[], schema: JsonObject, required: boolean): FieldNode {
  const hint = fieldHint(path);
  const money = schema['x-unit'] === 'fen' || hint?.money === true;
  const options = optionsOf(schema, hint?.options);
  const kind = kindOf(schema, money, hint?.long === true, options !== undefined);
  const scale = kind === 'money' ? 100 : 1;
  const exclusiveMin = num(schema['exclusiveMinimum']);
  const min =
    num(schema['minimum']) ??
    (exclusiveMin === undefined
      ? undefined
      : exclusiveMin + (schema['type'] === 'integer' ? 1 : 0));
  const max = num(schema['maximum']);
  const help = str(schema['description']) ?? hint?.help;
  const field: FieldNode = {
    key,
    path,
    kind,
    label: str(schema['title']) ?? hint?.label ?? key,
    required,
    ...(help === undefined ? {} : { help }),
    ...(hint?.placeholder === undefined ? {} : { placeholder: hint.placeholder }),
    ...(min === undefined ? {} : { min: min / scale }),
    ...(max === undefined ? {} : { max: max / scale }),
    ...(num(schema['minLength']) === undefined ? {} : { minLength: num(schema['minLength']) }),
    ...(num(schema['maxLength']) === undefined ? {} : { maxLength: num(schema['maxLength']) }),
    ...(kind === 'text' && str(schema['pattern']) !== undefined
      ? { pattern: str(schema['pattern']) }
      : {}),
    ...(num(schema['minItems']) === undefined ? {} : { minItems: num(schema['minItems']) }),
    ...(num(schema['maxItems']) === undefined ? {} : { maxItems: num(schema['maxItems']) }),
    ...(options === undefined ? {} : { options }),
  };
  return kind === 'object' ? { ...field, children: fieldsOf(schema, path) } : field;
}

/** The fields of an object schema, in the schema's order; nested objects become groups. */
export function fieldsOf(schema: JsonObject, parent: string[] = []): FieldNode[] {
  const properties = isObject(schema['properties']) ? schema['properties'] : {};
  const required = new Set(Array.isArray(schema['required']) ? schema['required'] : []);
  return Object.entries(properties)
    .filter((entry): entry is [string, JsonObject] => isObject(entry[1]))
    .map(([key, child]) => fieldOf(key, [...parent, key], child, required.has(key)));
}

/** Every field, depth first (groups and leaves). */
export function walkFields(fields: readonly FieldNode[]): FieldNode[] {
  return fields.flatMap((f) => [f, ...walkFields(f.children ?? [])]);
}
