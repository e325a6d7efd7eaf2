import { attachments } from './attachment-tables.js';
import { copies } from './copy-tables.js';
import { doneItems } from './list-tables.js';
import { drafts, phrases } from './draft-tables.js';
import { mailTables } from './mail-tables.js';
import { changeFeed, webhookDeliveries, webhookSubscriptions } from './feed-tables.js';
import { getTableColumns, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type {
  DueBasis,
  InstanceStatus,
  JsonObject,
  OutboxStatus,
  ReferenceKey,
  StepDecision,
  StepProgress,
  TaskKind,
  TaskStatus,
  TimerKind,
  TimerStatus,
  UndoRecord,
} from '@certflow/engine';

/**
 * The certflow tables, in PostgreSQL's default schema (no schema qualifier, so a connection's
 * `search_path` decides where they live). No foreign keys: drizzle-kit would qualify their
 * targets with `"public".`, which breaks schema isolation; every write goes through the
 * engine's single-transaction core loop instead.
 */

/** `timestamptz(3)` read and written as `Date` (JavaScript dates have millisecond precision). */
const at = (name: string) => timestamp(name, { mode: 'date', precision: 3, withTimezone: true });

export const instances = pgTable(
  'instances',
  {
    id: text('id').primaryKey(),
    flowId: text('flow_id').notNull(),
    flowVersion: integer('flow_version').notNull(),
    state: text('state').notNull(),
    status: text('status').$type<InstanceStatus>().notNull(),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<JsonObject>().notNull(),
    submitterId: text('submitter_id').notNull(),
    college: text('college'),
    organization: text('organization'),
    subjectId: text('subject_id'),
    refKeys: jsonb('ref_keys')
      .$type<readonly ReferenceKey[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    title: text('title').notNull(),
    stepActors: jsonb('step_actors').$type<Record<string, string>>().notNull(),
    decisions: jsonb('decisions')
      .$type<readonly StepDecision[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    steps: jsonb('steps')
      .$type<Record<string, StepProgress>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    undo: jsonb('undo').$type<UndoRecord>(),
    headHash: text('head_hash').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('instances_flow_status_idx').on(t.flowId, t.status),
    index('instances_college_idx').on(t.college),
    index('instances_subject_idx').on(t.subjectId),
    index('instances_submitter_idx').on(t.submitterId),
    // 我发起的 (lists.ts `started`): the applicant's instances newest (or oldest) first.
    // Keyword search: the column `search_text` (title, applicant, certificate, college name) and
    // its trigger are hand-written in migration 0010 and unknown to drizzle on purpose — no
    // record or write carries it.
    index('instances_started_idx').on(t.submitterId, t.createdAt.desc(), t.id),
  ],
);

/** Append-only audit trail: one row per accepted command, hash-chained per instance. */
export const history = pgTable(
  'history',
  {
    instanceId: text('instance_id').notNull(),
    seq: integer('seq').notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name'),
    event: text('event').notNull(),
    data: jsonb('data').$type<JsonObject>().notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    comment: text('comment'),
    at: at('at').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ name: 'history_pk', columns: [t.instanceId, t.seq] }),
    // 已办 reads its own rows (list-tables.ts `done_items`, migration 0013), not these.
  ],
);

export const tasks = pgTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    instanceId: text('instance_id').notNull(),
    flowId: text('flow_id').notNull(),
    state: text('state').notNull(),
    step: text('step').notNull(),
    kind: text('kind').$type<TaskKind>().notNull(),
    role: text('role').notNull(),
    college: text('college'),
    organization: text('organization'),
    assignee: text('assignee'),
    events: jsonb('events').$type<string[]>().notNull(),
    approval: boolean('approval').notNull(),
    dueAt: at('due_at'),
    dueBasis: jsonb('due_basis').$type<DueBasis>(),
    urgedAt: at('urged_at'),
    delegatedTo: text('delegated_to'),
    status: text('status').$type<TaskStatus>().notNull(),
    createdAt: at('created_at').notNull(),
    completedAt: at('completed_at'),
    completedBy: text('completed_by'),
  },
  (t) => [
    index('tasks_instance_idx').on(t.instanceId),
    // A command's open tasks (command-sql.ts `readWithOpenTasks`), found without walking the
    // instance's finished ones: a long-lived instance collects many.
    index('tasks_open_instance_idx')
      .on(t.instanceId)
      .where(sql`${t.status} = 'open'`),
    // The inbox (store.ts `inbox`): one index per branch of its UNION ALL, each in the inbox's
    // order (oldest deadline first, none last, then created_at, id), so every branch is an index
    // scan that stops at the page's end, and its count an index-only scan. Open tasks assigned to
    // a named person …
    index('tasks_inbox_assignee_idx')
      .on(t.assignee, t.dueAt.asc().nullsLast(), t.createdAt, t.id)
      .where(sql`${t.status} = 'open'`),
    // … unassigned school-wide open tasks of a role …
    index('tasks_inbox_school_idx')
      .on(t.role, t.dueAt.asc().nullsLast(), t.createdAt, t.id)
      .where(
        sql`${t.status} = 'open' and ${t.assignee} is null and ${t.college} is null and ${t.organization} is null`,
      ),
    // … unassigned open tasks of a role for one evaluation organization (第六条3) …
    index('tasks_inbox_organization_idx')
      .on(t.role, t.organization, t.dueAt.asc().nullsLast(), t.createdAt, t.id)
      .where(sql`${t.status} = 'open' and ${t.assignee} is null and ${t.organization} is not null`),
    // … and unassigned open tasks of a role in a college. (PostgreSQL does not treat
    // `college is null` as an equality that fixes the order, hence two role indexes.)
    index('tasks_inbox_college_idx')
      .on(t.role, t.college, t.dueAt.asc().nullsLast(), t.createdAt, t.id)
      .where(sql`${t.status} = 'open' and ${t.assignee} is null and ${t.college} is not null`),
  ],
);

/** Deadlines and reminders are rows; the queue only mirrors the pending ones. */
export const timers = pgTable(
  'timers',
  {
    id: text('id').primaryKey(),
    instanceId: text('instance_id').notNull(),
    taskId: text('task_id'),
    state: text('state').notNull(),
    kind: text('kind').$type<TimerKind>().notNull(),
    event: text('event').notNull(),
    dueAt: at('due_at').notNull(),
    dueBasis: jsonb('due_basis').$type<DueBasis>(),
    status: text('status').$type<TimerStatus>().notNull(),
    createdAt: at('created_at').notNull(),
    firedAt: at('fired_at'),
    /** A timer poller holds the timer until then (dispatch.ts `leaseDueTimers`). */
    leaseUntil: at('lease_until'),
  },
  (t) => [
    // The pending timers of one instance (cancelled when it leaves their state), without walking
    // the fired and cancelled ones. Its predicate is command-sql.ts `STILL_PENDING`, word for
    // word: the cancel's WHERE then implies this predicate but not `status = 'pending'`, so the
    // planner cannot take `timers_pending_due_idx` (every pending timer) for it instead.
    index('timers_pending_instance_idx')
      .on(t.instanceId)
      .where(sql`(case when ${t.status} = 'pending' then true else false end)`),
    index('timers_pending_due_idx')
      .on(t.dueAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** The columns of a `TimerRecord` (the lease is the poller's, not the record's). */
const { leaseUntil: _lease, ...timerRecordColumns } = getTableColumns(timers);
export const TIMER_COLUMNS = timerRecordColumns;

/** Side effects (mail, webhooks) written in the command's transaction and relayed afterwards. */
export const outbox = pgTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    instanceId: text('instance_id'),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<JsonObject>().notNull(),
    status: text('status').$type<OutboxStatus>().notNull(),
    attempts: integer('attempts').notNull(),
    createdAt: at('created_at').notNull(),
    availableAt: at('available_at').notNull(),
    deliveredAt: at('delivered_at'),
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_pending_available_idx')
      .on(t.availableAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** A caller's idempotency keys, scoped to the caller and what the command is about. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    actorId: text('actor_id').notNull(),
    fingerprint: text('fingerprint').notNull(),
    instanceId: text('instance_id').notNull(),
    result: jsonb('result').$type<JsonObject>().notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ name: 'idempotency_keys_pk', columns: [t.scope, t.key] })],
);

/**
 * What administrators did outside any instance (a holiday table imported, reference data
 * entered, people imported): append-only, hash-chained like an instance's history.
 */
export const adminAudit = pgTable('admin_audit', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  at: at('at').notNull(),
  actorId: text('actor_id').notNull(),
  actorName: text('actor_name'),
  action: text('action').notNull(),
  subject: text('subject').notNull(),
  data: jsonb('data').$type<JsonObject>().notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** Small keyed documents the flows read (e.g. last year's executed budget per project). */
export const referenceData = pgTable(
  'reference_data',
  {
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').$type<JsonObject>().notNull(),
    /** Incremented by every write: commands write a row only at the version they read. */
    version: integer('version').notNull().default(1),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'reference_data_pk', columns: [t.kind, t.key] })],
);

/** The people directory: who holds which role, in which college. */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    roles: text('roles').array().notNull(),
    college: text('college'),
    /** The evaluation organization (培训评价组织) of an external partner. */
    organization: text('organization'),
  },
  (t) => [index('users_roles_idx').using('gin', t.roles)],
);

/**
 * Which state of `users` the directory is at: one row, rewritten by a statement trigger on
 * `users` (migration 0003) with the writing transaction's id, so every change, by any writer,
 * gives a revision never seen before. The statement that reads an instance also reads this, and
 * the directory cache (directory-cache.ts) keeps its answers only as long as it stays the same.
 * Not in `allTables`: truncating `users` bumps it instead.
 */
export const directoryRevision = pgTable('directory_revision', {
  id: boolean('id').primaryKey().default(true),
  revision: bigint('revision', { mode: 'number' }).notNull(),
});

/** Every table, in an order safe for `TRUNCATE`. */
export const allTables = [
  instances,
  history,
  tasks,
  timers,
  outbox,
  idempotencyKeys,
  referenceData,
  users,
  adminAudit,
  copies,
  doneItems,
  drafts,
  phrases,
  attachments,
  ...mailTables,
  changeFeed,
  webhookSubscriptions,
  webhookDeliveries,
] as const;
export * from './mail-tables.js';
export * from './copy-tables.js';
export * from './list-tables.js';
export * from './draft-tables.js';
export * from './attachment-tables.js';
export * from './feed-tables.js';
