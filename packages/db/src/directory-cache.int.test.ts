import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, NotificationPayload } from '@certflow/engine';
import { outbox } from './schema/tables.js';
import { createTestPostgres, type TestPostgres } from './testing/index.js';
import { reviewCast, reviewEngine } from './testing/review-engine.js';

// The directory cache may only answer while `users` is unchanged: whoever changes a person (the
// admin API, a seed, SQL by hand), the next command's mail goes to the person as they are now.

describe('the directory cache on PostgreSQL', () => {
  let handle: TestPostgres;
  let engine: Engine;
  beforeAll(async () => {
    handle = await createTestPostgres({ max: 2 });
    engine = await reviewEngine(handle);
  });
  afterAll(async () => {
    await handle?.drop();
  });

  async function officeMail(): Promise<string | undefined> {
    const { id } = await engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
    await engine.send(id, { type: 'APPROVE' }, reviewCast.lead);
    const rows = await handle.db.select().from(outbox);
    const mails = rows
      .map((r) => r.payload as unknown as NotificationPayload)
      .filter((p) => p.instanceId === id && p.recipient?.id === reviewCast.office.id);
    return mails.at(-1)?.recipient?.email;
  }

  it('mails the office at its address, then at its new one after an upsert', async () => {
    expect(await officeMail()).toBe('u-office@example.edu');
    expect(await officeMail()).toBe('u-office@example.edu');
    await handle.directory.upsertUser({
      id: 'u-office',
      name: 'u-office',
      email: 'office-new@example.edu',
      roles: ['office'],
      college: null,
    });
    expect(await officeMail()).toBe('office-new@example.edu');
  });

  it('sees a change made by plain SQL, and a person who left the role', async () => {
    await handle.db.execute(
      // Not through the directory API: the trigger on `users` still moves the revision.
      sql.raw(`update users set email = 'by-hand@example.edu' where id = 'u-office'`),
    );
    expect(await officeMail()).toBe('by-hand@example.edu');
    await handle.db.execute(sql.raw(`update users set roles = '{}' where id = 'u-office'`));
    expect(await officeMail()).toBeUndefined();
  });
});
