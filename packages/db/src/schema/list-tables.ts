import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { InstanceStatus } from '@certflow/engine';

const at = (name: string) => timestamp(name, { mode: 'date', precision: 3, withTimezone: true });

/**
 * 已办 (docs/lists.md): one row per decision a person made — a history row that is not a start,
 * comment, 抄送, 催办 or deadline recompute — with what the list filters on copied from the
 * instance, so the filters ride the list's own index. Written by the command's own write
 * (write-commands.ts): inserted with the history row, and its `status` updated by the write that
 * ends the instance. The overdue filter reads the instance's own `late_at` by key (migration
 * 0017): the earliest open deadline moves with nearly every step, and a copy of it in each 已办
 * row had every write of an instance rewrite all of them. The history row stays append-only;
 * this is the list's projection of it.
 *
 * The list's index `done_items_person_idx (actor_id, at desc, instance_id, seq) include (flow_id,
 * status, college, search_text)` and `search_text` itself are hand-written in migrations 0013 and
 * 0017 (drizzle's index builder has no INCLUDE); no record carries them.
 */
export const doneItems = pgTable(
  'done_items',
  {
    instanceId: text('instance_id').notNull(),
    seq: integer('seq').notNull(),
    actorId: text('actor_id').notNull(),
    event: text('event').notNull(),
    at: at('at').notNull(),
    /** The instance's, at any time. */
    flowId: text('flow_id').notNull(),
    status: text('status').$type<InstanceStatus>().notNull(),
    college: text('college'),
  },
  (t) => [primaryKey({ name: 'done_items_pk', columns: [t.instanceId, t.seq] })],
);
