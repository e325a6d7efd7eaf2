import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { AttachmentRef, JsonValue } from '@certflow/engine';

const at = (name: string) => timestamp(name, { mode: 'date', precision: 3, withTimezone: true });

/**
 * 草稿: an application saved without submitting, visible only to its author. Not part of the
 * audit chain (nothing was decided); submitting starts the instance with the idempotency key
 * `draft:<id>` and deletes the row. `input` is whatever the author typed so far (checked against
 * the flow's schema only at submit); `version` counts the author's saves (If-Match).
 * `attachments` are the author's uploads named so far, as recorded at upload (migration 0014);
 * submitting names them in the START row like `POST /api/instances` does (docs/attachments.md).
 */
export const drafts = pgTable(
  'drafts',
  {
    id: text('id').primaryKey(),
    authorId: text('author_id').notNull(),
    flowId: text('flow_id').notNull(),
    title: text('title').notNull().default(''),
    input: jsonb('input').$type<JsonValue>().notNull(),
    attachments: jsonb('attachments').$type<AttachmentRef[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('drafts_author_idx').on(t.authorId, t.updatedAt.desc(), t.id)],
);

/** 常用意见: a person's common phrases for opinions, in their order (one row per person). */
export const phrases = pgTable('phrases', {
  personId: text('person_id').primaryKey(),
  items: jsonb('items').$type<string[]>().notNull(),
  updatedAt: at('updated_at').notNull(),
});
