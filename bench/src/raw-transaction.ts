import type { Sql } from 'postgres';

/** The row an engine command writes, taken from the database after a few real commands. */
type Row = Record<string, string | number | boolean | null>;

export interface RowTemplate {
  readonly instance: Row;
  readonly history: Row;
}

/** Copies of `instances` and `history` (same columns, indexes and constraints) for the baseline. */
export async function createBaselineTables(admin: Sql): Promise<void> {
  await admin`create table if not exists base_instances (like instances including all)`;
  await admin`create table if not exists base_history (like history including all)`;
}

/** A real instance row and its latest history row: the baseline writes rows of these sizes. */
export async function rowTemplate(admin: Sql, instanceId: string): Promise<RowTemplate> {
  const [instance] = await admin`select * from instances where id = ${instanceId}`;
  const [history] = await admin`
    select * from history where instance_id = ${instanceId} order by seq desc limit 1`;
  if (!instance || !history) throw new Error(`no rows for instance ${instanceId}`);
  const jsonb = await admin<{ table_name: string; column_name: string }[]>`
    select table_name, column_name from information_schema.columns
     where table_schema = current_schema() and table_name in ('instances', 'history')
       and data_type = 'jsonb'`;
  // The store's driver sends parameters as text (jsonb and timestamps included): serialize
  // those columns once, here.
  const encode = (table: string, row: Record<string, unknown>): Row =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [
        k,
        v instanceof Date
          ? v.toISOString()
          : jsonb.some((c) => c.table_name === table && c.column_name === k) && v !== null
            ? JSON.stringify(v)
            : (v as string | number | boolean | null),
      ]),
    );
  return { instance: encode('instances', instance), history: encode('history', history) };
}

/**
 * The baseline: one raw transaction with the same driver doing what the engine's write boils
 * down to — UPDATE the instance row (every column of a real instance row, version checked) and
 * INSERT one history row of the same size — then COMMIT (`synchronous_commit=on`).
 */
export class RawTransaction {
  private version = 1;
  private seq = 1;
  constructor(
    private readonly sql: Sql,
    private readonly template: RowTemplate,
    readonly id: string,
  ) {}

  static async create(sql: Sql, template: RowTemplate, id: string): Promise<RawTransaction> {
    const row: Row = { ...template.instance, id, version: 1 };
    await sql`delete from base_instances where id = ${id}`;
    await sql`delete from base_history where instance_id = ${id}`;
    await sql`insert into base_instances ${sql(row)}`;
    return new RawTransaction(sql, template, id);
  }

  async run(): Promise<void> {
    const { id: _id, ...columns } = this.template.instance;
    const h = this.template.history;
    const expected = this.version;
    this.seq += 1;
    const seq = this.seq;
    const now = new Date().toISOString();
    const instance: Row = {
      ...columns,
      version: expected + 1,
      head_hash: h['hash'] ?? null,
      updated_at: now,
    };
    const history: Row = { ...h, instance_id: this.id, seq, at: now };
    await this.sql.begin(async (tx) => {
      const updated = await tx`
        update base_instances set ${tx(instance)}
         where id = ${this.id} and version = ${expected}
        returning id`;
      if (updated.length !== 1) throw new Error('baseline version conflict');
      await tx`insert into base_history ${tx(history)}`;
    });
    this.version = expected + 1;
  }
}
