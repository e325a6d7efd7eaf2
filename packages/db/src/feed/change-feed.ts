import { sql, type SQL } from 'drizzle-orm';
import type { InstanceStatus, JsonObject } from '@certflow/engine';
import type { Database } from '../database.js';
import { guarded } from '../errors.js';
import { jsonValue, rowsOf } from '../sql/sql-values.js';

/**
 * The change feed (docs/http-api.md § Change feed): the rows each command's write statement
 * wrote in its transaction (write-commands.ts `fed`), read in commit-safe order.
 *
 * Order and cursor. A feed row carries its writing transaction's id (`xid`); rows are read in
 * `(xid, instance_id, rank, item)` order, and only those whose transaction is older than the
 * oldest one still running (`pg_snapshot_xmin(pg_current_snapshot())`, taken by the same
 * statement). Every such transaction has ended, and any transaction that commits later has an
 * xid at or above that horizon — so no row can ever appear before a cursor already handed out.
 * A cursor is the key of the last row consumed, opaque to clients.
 */

export const FEED_EVENT_VERSION = 1;

export type FeedEventType =
  | 'instance.started'
  | 'instance.updated'
  | 'task.created'
  | 'task.decided'
  | 'instance.completed'
  | 'instance.rejected'
  | 'instance.withdrawn'
  | 'instance.cancelled';

export const FEED_EVENT_TYPES: readonly FeedEventType[] = [
  'instance.started',
  'instance.updated',
  'task.created',
  'task.decided',
  'instance.completed',
  'instance.rejected',
  'instance.withdrawn',
  'instance.cancelled',
];

/** The instance an event is about, as it stands when the event is read. */
export interface FeedInstanceSummary {
  readonly id: string;
  readonly flow: string;
  readonly flowVersion: number;
  readonly title: string;
  readonly state: string;
  readonly status: InstanceStatus;
  readonly version: number;
  readonly college: string | null;
  readonly organization: string | null;
  readonly subjectId: string | null;
  readonly submitterId: string;
}

/** The command (history row) an event came from: fixed when it was written. */
export interface FeedCommandSummary {
  readonly seq: number;
  readonly event: string;
  readonly actorId: string;
  readonly actorName: string | null;
  readonly fromState: string | null;
  readonly toState: string;
  readonly comment: string | null;
}

export interface FeedTaskSummary {
  readonly id: string;
  readonly step: string;
  readonly role: string;
  readonly state: string;
  readonly college: string | null;
  readonly assignee: string | null;
  readonly status: string;
  readonly dueAt: string | null;
  readonly completedBy: string | null;
}

/** One event of the feed, versioned (`version` 1). */
export interface FeedEvent {
  readonly version: typeof FEED_EVENT_VERSION;
  /** Stable and unique: the same event always has the same id (an idempotency key). */
  readonly id: string;
  readonly type: FeedEventType;
  readonly occurredAt: string;
  readonly instanceId: string;
  readonly flow: string;
  /** The cursor just after this event. */
  readonly cursor: string;
  readonly command: FeedCommandSummary | null;
  readonly task: FeedTaskSummary | null;
  readonly instance: FeedInstanceSummary;
}

export interface FeedPage {
  readonly events: FeedEvent[];
  /** Resume from here (`after`): the last event's cursor, or further when nothing more is visible. */
  readonly cursor: string;
  /** More events may follow right away (the page was full). */
  readonly hasMore: boolean;
}

interface FeedKey {
  readonly xid: string;
  readonly instanceId: string;
  readonly rank: number;
  readonly item: string;
}

/** The start of the feed: every event comes after it. */
export const FEED_START = '0';

const START_KEY: FeedKey = { xid: '-1', instanceId: '', rank: 0, item: '' };

export function encodeCursor(key: FeedKey): string {
  return Buffer.from(JSON.stringify([key.xid, key.instanceId, key.rank, key.item])).toString(
    'base64url',
  );
}

/** The key of a cursor; undefined for a cursor this feed never handed out. */
export function decodeCursor(cursor: string): FeedKey | undefined {
  if (cursor === FEED_START || cursor === '') return START_KEY;
  if (cursor.length > 512) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 4) return undefined;
    const [xid, instanceId, rank, item] = value as unknown[];
    if (typeof xid !== 'string' || !/^-?\d{1,20}$/.test(xid)) return undefined;
    if (typeof instanceId !== 'string' || typeof item !== 'string') return undefined;
    if (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 0 || rank > 9)
      return undefined;
    return { xid, instanceId, rank, item };
  } catch {
    return undefined;
  }
}

export interface ReadFeedOptions {
  /** The cursor to read after (`FEED_START` for the beginning). */
  readonly after: string;
  readonly limit: number;
  /** A condition on `instances` (e.g. the reader's visibility); undefined = every instance. */
  readonly where?: SQL | undefined;
  /** Only these flows / event types. */
  readonly flows?: readonly string[] | undefined;
  readonly types?: readonly string[] | undefined;
}

export class InvalidCursorError extends Error {
  constructor() {
    super('invalid change feed cursor');
  }
}

function iso(v: unknown): string | null {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string' || typeof v === 'number') return new Date(v).toISOString();
  return null;
}

/** One page of the feed after `after`, in commit-safe order (see the module comment). */
export function readFeed(db: Database, options: ReadFeedOptions): Promise<FeedPage> {
  const key = decodeCursor(options.after);
  if (!key) return Promise.reject(new InvalidCursorError());
  const flows = options.flows?.length ? JSON.stringify(options.flows) : null;
  const types = options.types?.length ? JSON.stringify(options.types) : null;
  return guarded(async () => {
    const result = await db.execute(sql`
      with horizon as (
        select pg_snapshot_xmin(pg_current_snapshot())::text::bigint as x
      ), page as (
        select f.xid::text as xid, f.instance_id, f.rank, f.item, f.type, f.task_id, f.at,
          coalesce(f.seq, (select s.seq from change_feed s where s.xid = f.xid
            and s.instance_id = f.instance_id and s.rank = 0 limit 1)) as cmd_seq
        from change_feed f
        join instances on instances.id = f.instance_id
        where (f.xid, f.instance_id, f.rank, f.item)
            > (${key.xid}::text::bigint, ${key.instanceId}::text, ${key.rank}::int, ${key.item}::text)
          and f.xid < (select x from horizon)
          and (${flows}::text is null or f.flow_id in (select jsonb_array_elements_text(${flows}::text::jsonb)))
          and (${types}::text is null or f.type in (select jsonb_array_elements_text(${types}::text::jsonb)))
          ${options.where ? sql`and ${options.where}` : sql``}
        order by f.xid, f.instance_id, f.rank, f.item
        limit ${options.limit}
      ), head as (
        select f.xid::text as xid, f.instance_id, f.rank, f.item from change_feed f
        where f.xid < (select x from horizon)
        order by f.xid desc, f.instance_id desc, f.rank desc, f.item desc limit 1
      )
      select 'e' as part, p.xid, p.instance_id, p.rank, p.item, p.type, p.at,
        to_jsonb(h) as command, to_jsonb(t) as task,
        jsonb_build_object('id', i.id, 'flow_id', i.flow_id, 'flow_version', i.flow_version,
          'title', i.title, 'state', i.state, 'status', i.status, 'version', i.version,
          'college', i.college, 'organization', i.organization, 'subject_id', i.subject_id,
          'submitter_id', i.submitter_id) as instance
      from page p
      join instances i on i.id = p.instance_id
      left join history h on h.instance_id = p.instance_id and h.seq = p.cmd_seq
      left join tasks t on t.id = p.task_id
      union all
      select 'h', head.xid, head.instance_id, head.rank, head.item, null, null, null, null, null
      from head
      order by 1, 2, 3, 4, 5`);
    const rows = rowsOf(result);
    const events: FeedEvent[] = [];
    let headKey: FeedKey | undefined;
    for (const r of rows) {
      const rowKey: FeedKey = {
        xid: String(r['xid']),
        instanceId: String(r['instance_id']),
        rank: Number(r['rank']),
        item: String(r['item']),
      };
      if (r['part'] === 'h') {
        headKey = rowKey;
        continue;
      }
      events.push(toEvent(rowKey, r));
    }
    // The statement orders by text; the feed's order is numeric on xid.
    events.sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
    const full = events.length >= options.limit;
    const last = events.at(-1);
    let cursor = last ? last.cursor : options.after === '' ? FEED_START : options.after;
    // Nothing more visible up to the head: skip the rows the reader may not see.
    if (!full && headKey && compareKeys(headKey, key) > 0) cursor = encodeCursor(headKey);
    return { events, cursor, hasMore: full };
  });
}

/** The cursor of the feed's current end: a new consumer (a webhook) starts there. */
export async function feedHead(db: Database): Promise<string> {
  return guarded(async () => {
    const rows = rowsOf(
      await db.execute(sql`
        select f.xid::text as xid, f.instance_id, f.rank, f.item from change_feed f
        where f.xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
        order by f.xid desc, f.instance_id desc, f.rank desc, f.item desc limit 1`),
    );
    const r = rows[0];
    if (!r) return FEED_START;
    return encodeCursor({
      xid: String(r['xid']),
      instanceId: String(r['instance_id']),
      rank: Number(r['rank']),
      item: String(r['item']),
    });
  });
}

const cursorKeys = new WeakMap<FeedEvent, FeedKey>();
const keyOf = (e: FeedEvent): FeedKey => cursorKeys.get(e) as FeedKey;

function compareKeys(a: FeedKey, b: FeedKey): number {
  const x = BigInt(a.xid) - BigInt(b.xid);
  if (x !== 0n) return x < 0n ? -1 : 1;
  if (a.instanceId !== b.instanceId) return a.instanceId < b.instanceId ? -1 : 1;
  if (a.rank !== b.rank) return a.rank - b.rank;
  return a.item === b.item ? 0 : a.item < b.item ? -1 : 1;
}

function toEvent(key: FeedKey, r: Record<string, unknown>): FeedEvent {
  const i = jsonValue<Record<string, unknown>>(r['instance']);
  const h = r['command'] == null ? null : jsonValue<Record<string, unknown>>(r['command']);
  const t = r['task'] == null ? null : jsonValue<Record<string, unknown>>(r['task']);
  const type = String(r['type']) as FeedEventType;
  const suffix = key.rank === 0 ? `h${Number(key.item)}` : key.rank === 3 ? 'end' : key.item;
  const event: FeedEvent = {
    version: FEED_EVENT_VERSION,
    id: `${key.instanceId}:${type}:${suffix}`,
    type,
    occurredAt: iso(r['at']) ?? new Date(0).toISOString(),
    instanceId: key.instanceId,
    flow: String(i['flow_id']),
    cursor: encodeCursor(key),
    command: h
      ? {
          seq: Number(h['seq']),
          event: String(h['event']),
          actorId: String(h['actor_id']),
          actorName: (h['actor_name'] as string | null) ?? null,
          fromState: (h['from_state'] as string | null) ?? null,
          toState: String(h['to_state']),
          comment: (h['comment'] as string | null) ?? null,
        }
      : null,
    task: t
      ? {
          id: String(t['id']),
          step: String(t['step']),
          role: String(t['role']),
          state: String(t['state']),
          college: (t['college'] as string | null) ?? null,
          assignee: (t['assignee'] as string | null) ?? null,
          status: String(t['status']),
          dueAt: iso(t['due_at']),
          completedBy: (t['completed_by'] as string | null) ?? null,
        }
      : null,
    instance: {
      id: String(i['id']),
      flow: String(i['flow_id']),
      flowVersion: Number(i['flow_version']),
      title: String(i['title']),
      state: String(i['state']),
      status: i['status'] as InstanceStatus,
      version: Number(i['version']),
      college: (i['college'] as string | null) ?? null,
      organization: (i['organization'] as string | null) ?? null,
      subjectId: (i['subject_id'] as string | null) ?? null,
      submitterId: String(i['submitter_id']),
    },
  };
  cursorKeys.set(event, key);
  return event;
}

/** The event as JSON (for a webhook body). */
export function feedEventJson(event: FeedEvent): JsonObject {
  return JSON.parse(JSON.stringify(event)) as JsonObject;
}
