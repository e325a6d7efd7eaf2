import type { Sql } from 'postgres';

/** The row an engine command writes, taken from the database after a few real commands. */
export interface RowTemplate {
  readonly instance: Record<string, unknown>;
  readonly history: Record<string, unknown>;
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
  return { instance, history };
}

/**
 * The baseline: one raw transaction with the same driver doing what the engine's write boils
 * down to — UPDATE the instance row (every column the store's `updateInstance` sets, version
 * checked) and INSERT one history row of the same size — then COMMIT (`synchronous_commit=on`).
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
    const i = template.instance;
    const row = {
      ...i,
      id,
      version: 1,
      snapshot: JSON.stringify(i['snapshot']),
      step_actors: JSON.stringify(i['step_actors']),
    };
    await sql`delete from base_instances where id = ${id}`;
    await sql`delete from base_history where instance_id = ${id}`;
    await sql`insert into base_instances ${sql(row)}`;
    return new RawTransaction(sql, template, id);
  }

  async run(): Promise<void> {
    const i = this.template.instance;
    const h = this.template.history;
    const expected = this.version;
    this.seq += 1;
    const seq = this.seq;
    await this.sql.begin(async (tx) => {
      const updated = await tx`
        update base_instances set
          flow_id = ${i['flow_id'] as string}, flow_version = ${i['flow_version'] as number},
          state = ${i['state'] as string}, status = ${i['status'] as string},
          version = ${expected + 1}, snapshot = ${JSON.stringify(i['snapshot'])},
          submitter_id = ${i['submitter_id'] as string}, college = ${i['college'] as string},
          subject_id = ${i['subject_id'] as string}, title = ${i['title'] as string},
          step_actors = ${JSON.stringify(i['step_actors'])}, head_hash = ${h['hash'] as string},
          updated_at = ${new Date().toISOString()}
        where id = ${this.id} and version = ${expected}
        returning id`;
      if (updated.length !== 1) throw new Error('baseline version conflict');
      await tx`
        insert into base_history (instance_id, seq, actor_id, actor_name, event, data, from_state,
                                  to_state, comment, at, prev_hash, hash)
        values (${this.id}, ${seq}, ${h['actor_id'] as string}, ${h['actor_name'] as string},
                ${h['event'] as string}, ${JSON.stringify(h['data'])},
                ${h['from_state'] as string}, ${h['to_state'] as string},
                ${h['comment'] as string}, ${new Date().toISOString()}, ${h['prev_hash'] as string},
                ${h['hash'] as string})`;
    });
    this.version = expected + 1;
  }
}
