import type { PostgresHandle } from '@certflow/db';
import { createEngine, type Actor, type Clock, type Engine } from '@certflow/engine';
import { reviewFlow, weekdayCalendar } from '@certflow/engine/testing';

/** The engine's one-step review flow over a test database: an owner applies, a lead approves. */
export interface ReviewWorld {
  readonly engine: Engine;
  readonly owner: Actor;
  readonly lead: Actor;
  /** Starts a review and approves it: five feed events (started, task.created, updated, decided, created). */
  review(title: string): Promise<string>;
}

export async function reviewWorld(
  pg: PostgresHandle,
  clock: Clock = { now: () => new Date() },
): Promise<ReviewWorld> {
  const owner: Actor = { id: 'u-owner', roles: ['owner'], college: 'ee' };
  const lead: Actor = { id: 'u-lead', roles: ['lead'], college: 'ee' };
  for (const a of [owner, lead, { id: 'u-office', roles: ['office'] }]) {
    await pg.directory.upsertUser({
      id: a.id,
      name: a.id,
      email: `${a.id}@example.edu.cn`,
      roles: [...a.roles],
      college: a.college ?? null,
    });
  }
  const engine = createEngine({
    store: pg.store,
    flows: [reviewFlow(1)],
    clock,
    calendar: weekdayCalendar,
    directory: pg.store.directory,
  });
  return {
    engine,
    owner,
    lead,
    async review(title) {
      const { id } = await engine.start('review', { college: 'ee', title }, owner);
      await engine.send(id, { type: 'APPROVE' }, lead);
      return id;
    },
  };
}
