import { getTableColumns, type Table } from 'drizzle-orm';

/**
 * Rows to and from the jsonb the command statements speak, derived from the drizzle tables: the
 * schema is the one source of every row's shape (no hand-kept field lists). A row leaves the
 * database as `to_jsonb(row)` (snake_case keys, timestamps as ISO text) and enters it through
 * `jsonb_populate_record(null::table, $json)`.
 */

type Columns = Record<string, { name: string; columnType: string }>;

const plans = new WeakMap<Table, { key: string; name: string; date: boolean }[]>();

function planOf(table: Table): { key: string; name: string; date: boolean }[] {
  const known = plans.get(table);
  if (known) return known;
  const columns = getTableColumns(table) as unknown as Columns;
  const plan = Object.entries(columns).map(([key, c]) => ({
    key,
    name: c.name,
    date: c.columnType === 'PgTimestamp',
  }));
  plans.set(table, plan);
  return plan;
}

/** A row as `to_jsonb` gives it → the record the table's `$inferSelect` describes. */
export function fromJsonRow<T>(table: Table, json: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const { key, name, date } of planOf(table)) {
    const value = json[name];
    out[key] = value == null ? null : date ? new Date(value as string) : value;
  }
  return out as T;
}

/**
 * A record → the jsonb `jsonb_populate_record` takes: snake_case keys, ISO timestamps. Columns
 * the record does not carry are left out (their defaults apply on insert).
 */
export function toJsonRow(table: Table, record: object): Record<string, unknown> {
  const r = record as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const { key, name, date } of planOf(table)) {
    if (!(key in r)) continue;
    const value = r[key];
    out[name] = value == null ? null : date ? (value as Date).toISOString() : value;
  }
  return out;
}

/** The database names of a table's columns, in declaration order. */
export function columnNames(table: Table): string[] {
  return planOf(table).map((c) => c.name);
}
