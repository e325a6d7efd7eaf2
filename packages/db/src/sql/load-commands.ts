import { sql } from 'drizzle-orm';
import {
  referenceId,
  type IdempotencyRecord,
  type InstanceRecord,
  type Loaded,
  type LoadRequest,
  type TaskRecord,
  type TimerRecord,
  type VersionedReference,
} from '@certflow/engine';
import type { Database } from '../database.js';
import { fromJsonRow } from '../schema/columns.js';
import { idempotencyKeys, instances, tasks, timers } from '../schema/tables.js';
import { jsonValue, rowsOf, STILL_PENDING_X } from './sql-values.js';

/**
 * What a batch of commands loads, as ONE statement: for each request its timer, its instance
 * (by id, or the timer's), the instance's open tasks and pending timers, the reference rows it
 * asked for and those its instance declares, its idempotency record, and the directory revision.
 * Requests travel as one jsonb parameter, so the text is fixed and prepared once per connection.
 * The timer, the instance, the reference rows and the idempotency record are primary-key lookups
 * per request (`lateral`, `limit 1` so that the planner cannot flatten them into a join): joined
 * against the batch, which it takes for 100 rows, a table of up to some thousand rows was
 * seq-scanned and hashed whole — by a per-connection generic plan, for as long as it lived.
 */
const LOAD = (requests: string) => sql`
  select r.n,
    to_jsonb(m) as timer,
    to_jsonb(i) as instance,
    case when i.id is null then null else coalesce((
      select jsonb_agg(to_jsonb(t) order by t.created_at, t.id) from tasks t
      where t.instance_id = i.id and t.status = 'open'), '[]'::jsonb) end as open_tasks,
    case when i.id is null then null else coalesce((
      select jsonb_agg(to_jsonb(x) order by x.due_at, x.id) from timers x
      where x.instance_id = i.id and ${STILL_PENDING_X}), '[]'::jsonb) end as pending_timers,
    coalesce((
      select jsonb_agg(jsonb_build_object('kind', d.kind, 'key', d.key, 'value', d.value,
        'version', d.version))
      from (select distinct k->>'kind' as kind, k->>'key' as key
        from jsonb_array_elements(r.refs || coalesce(i.ref_keys, '[]'::jsonb)) k) k
      cross join lateral (select d.kind, d.key, d.value, d.version from reference_data d
        where d.kind = k.kind and d.key = k.key limit 1) d
    ), '[]'::jsonb) as refs,
    to_jsonb(y) as idempotency,
    case when r.audit_head then (select jsonb_build_object('seq', a.seq, 'hash', a.hash)
      from admin_audit a order by a.seq desc limit 1) end as audit_head,
    coalesce((select revision from directory_revision), 0)::text as directory_revision
  from jsonb_to_recordset(${requests}::text::jsonb)
    as r(n int, instance_id text, timer_id text, refs jsonb, idem_scope text, idem_key text,
      audit_head boolean)
  left join lateral (select m.* from timers m where m.id = r.timer_id limit 1) m on true
  left join lateral (select i.* from instances i
    where i.id = coalesce(r.instance_id, m.instance_id) limit 1) i on true
  left join lateral (select y.* from idempotency_keys y
    where y.scope = r.idem_scope and y.key = r.idem_key limit 1) y on true
  order by r.n`;

export interface LoadedBatch {
  readonly loaded: Loaded[];
  /** `directory_revision` as of this statement (directory-cache.ts). */
  readonly directoryRevision: string;
}

/** A timer row → its `TimerRecord`: without the poller's lease, which is no part of it. */
function timerOf(json: Record<string, unknown>): TimerRecord {
  const { leaseUntil: _lease, ...timer } = fromJsonRow<TimerRecord & { leaseUntil: unknown }>(
    timers,
    json,
  );
  return timer;
}

/** Load every request of a batch in one statement; answers in the requests' order. */
export async function loadCommands(
  db: Database,
  requests: readonly LoadRequest[],
): Promise<LoadedBatch> {
  const params = requests.map((r, n) => ({
    n,
    instance_id: r.instanceId ?? null,
    timer_id: r.timerId ?? null,
    refs: r.references ?? [],
    idem_scope: r.idempotency?.scope ?? null,
    idem_key: r.idempotency?.key ?? null,
    audit_head: r.auditHead === true,
  }));
  const rows = rowsOf(await db.execute(LOAD(JSON.stringify(params))));
  let directoryRevision = '0';
  const loaded = rows.map((row): Loaded => {
    directoryRevision = String(row.directory_revision);
    const references = new Map<string, VersionedReference>();
    for (const d of jsonValue<{ kind: string; key: string; value: never; version: number }[]>(
      row.refs,
    )) {
      references.set(referenceId(d.kind, d.key), { value: d.value, version: d.version });
    }
    const instance =
      row.instance == null
        ? undefined
        : {
            row: fromJsonRow<InstanceRecord>(instances, jsonValue(row.instance)),
            openTasks: jsonValue<Record<string, unknown>[]>(row.open_tasks).map((t) =>
              fromJsonRow<TaskRecord>(tasks, t),
            ),
            pendingTimers: jsonValue<Record<string, unknown>[]>(row.pending_timers).map(timerOf),
          };
    return {
      ...(instance ? { instance } : {}),
      ...(row.timer == null ? {} : { timer: timerOf(jsonValue(row.timer)) }),
      references,
      ...(row.audit_head == null
        ? {}
        : { auditHead: jsonValue<{ seq: number; hash: string }>(row.audit_head) }),
      ...(row.idempotency == null
        ? {}
        : {
            idempotency: fromJsonRow<IdempotencyRecord>(
              idempotencyKeys,
              jsonValue(row.idempotency),
            ),
          }),
    };
  });
  return { loaded, directoryRevision };
}
