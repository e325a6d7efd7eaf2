import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { mode: 'date', precision: 3, withTimezone: true });

/**
 * 抄送: one row per person a command copied an instance to (the CC operation), written in the
 * command's own write; `read_at` is the reader's 已阅 mark. The 抄送我的 list reads a person's
 * rows newest first (待阅 first when asked), an index scan either way.
 */
export const copies = pgTable(
  'copies',
  {
    id: text('id').primaryKey(),
    instanceId: text('instance_id').notNull(),
    /** The history row of the CC command. */
    seq: integer('seq').notNull(),
    personId: text('person_id').notNull(),
    /** Who copied them. */
    fromId: text('from_id').notNull(),
    flowId: text('flow_id').notNull(),
    createdAt: at('created_at').notNull(),
    readAt: at('read_at'),
  },
  (t) => [
    index('copies_person_idx').on(t.personId, t.createdAt.desc(), t.id),
    index('copies_person_unread_idx')
      .on(t.personId, t.createdAt.desc(), t.id)
      .where(sql`${t.readAt} is null`),
    index('copies_instance_idx').on(t.instanceId),
  ],
);
