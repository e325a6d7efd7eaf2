import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { AttachmentRef, JsonValue } from '@certflow/engine';
import type { Database } from './database.js';
import { guarded } from './errors.js';
import { drafts, phrases } from './schema/draft-tables.js';

/** A saved draft (草稿) of an application, as stored. */
export interface DraftRecord {
  readonly id: string;
  readonly authorId: string;
  readonly flowId: string;
  readonly title: string;
  readonly input: JsonValue;
  /** The author's uploads named so far, as recorded at upload (named in the START row at submit). */
  readonly attachments: readonly AttachmentRef[];
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/**
 * 草稿 and 常用意见: rows of one person, outside the audit chain. Every read and write is keyed by
 * the author: another person's draft is the same as a missing one (`undefined` / `false`).
 */
export interface DraftStore {
  create(draft: Omit<DraftRecord, 'version' | 'updatedAt'>): Promise<DraftRecord>;
  get(authorId: string, id: string): Promise<DraftRecord | undefined>;
  list(
    authorId: string,
    page: { readonly flowId?: string; readonly limit: number; readonly offset: number },
  ): Promise<{ items: DraftRecord[]; total: number }>;
  /** How many drafts the author has (the per-person cap). */
  countOf(authorId: string): Promise<number>;
  /**
   * Replaces the draft's title and input (and its attachments when given); with `expectedVersion`, only at that version. Undefined
   * when there is no such draft of the author (or it moved past `expectedVersion`: see `get`).
   */
  update(
    authorId: string,
    id: string,
    change: {
      readonly title: string;
      readonly input: JsonValue;
      readonly attachments?: readonly AttachmentRef[];
      readonly at: Date;
    },
    expectedVersion?: number,
  ): Promise<DraftRecord | undefined>;
  /** Deletes the author's draft; true when a row went (exactly one caller sees true). */
  remove(authorId: string, id: string): Promise<boolean>;
  phrasesOf(personId: string): Promise<string[]>;
  putPhrases(personId: string, items: readonly string[], at: Date): Promise<string[]>;
}

export function createDraftStore(db: Database): DraftStore {
  const mine = (authorId: string, id: string) =>
    and(eq(drafts.authorId, authorId), eq(drafts.id, id));
  return {
    create: (draft) =>
      guarded(async () => {
        const [row] = await db
          .insert(drafts)
          .values({
            ...draft,
            attachments: [...draft.attachments],
            version: 1,
            updatedAt: draft.createdAt,
          })
          .returning();
        return row as DraftRecord;
      }),
    get: (authorId, id) =>
      guarded(async () => {
        const [row] = await db.select().from(drafts).where(mine(authorId, id));
        return row;
      }),
    list: (authorId, page) =>
      guarded(async () => {
        const where = page.flowId
          ? and(eq(drafts.authorId, authorId), eq(drafts.flowId, page.flowId))
          : eq(drafts.authorId, authorId);
        const items = await db
          .select()
          .from(drafts)
          .where(where)
          .orderBy(desc(drafts.updatedAt), drafts.id)
          .limit(page.limit)
          .offset(page.offset);
        const [total] = await db.select({ n: count() }).from(drafts).where(where);
        return { items: items, total: total?.n ?? 0 };
      }),
    countOf: (authorId) =>
      guarded(async () => {
        const [row] = await db
          .select({ n: count() })
          .from(drafts)
          .where(eq(drafts.authorId, authorId));
        return row?.n ?? 0;
      }),
    update: (authorId, id, change, expectedVersion) =>
      guarded(async () => {
        const where =
          expectedVersion === undefined
            ? mine(authorId, id)
            : and(mine(authorId, id), eq(drafts.version, expectedVersion));
        const [row] = await db
          .update(drafts)
          .set({
            title: change.title,
            input: change.input,
            ...(change.attachments ? { attachments: [...change.attachments] } : {}),
            updatedAt: change.at,
            version: sql`${drafts.version} + 1`,
          })
          .where(where)
          .returning();
        return row;
      }),
    remove: (authorId, id) =>
      guarded(async () => {
        const gone = await db.delete(drafts).where(mine(authorId, id)).returning({ id: drafts.id });
        return gone.length > 0;
      }),
    phrasesOf: (personId) =>
      guarded(async () => {
        const [row] = await db
          .select({ items: phrases.items })
          .from(phrases)
          .where(eq(phrases.personId, personId));
        return row ? [...row.items] : [];
      }),
    putPhrases: (personId, items, at) =>
      guarded(async () => {
        const list = [...items];
        await db
          .insert(phrases)
          .values({ personId, items: list, updatedAt: at })
          .onConflictDoUpdate({
            target: phrases.personId,
            set: { items: list, updatedAt: at },
          });
        return list;
      }),
  };
}
