import { createEngine, type Actor, type Engine, type Store } from '@certflow/engine';
import { reviewFlow, weekdayCalendar } from '@certflow/engine/testing';
import type { Directory } from './directory.js';

/** For the db package's own tests: the engine's review flow (with deadlines) over a real store. */

export const reviewCast = {
  owner: { id: 'u-owner', roles: ['owner'], college: 'ee' },
  lead: { id: 'u-lead', roles: ['lead'], college: 'ee' },
  office: { id: 'u-office', roles: ['office'] },
} as const satisfies Record<string, Actor>;

export async function reviewEngine(store: Store, directory: Directory): Promise<Engine> {
  for (const a of Object.values(reviewCast)) {
    await directory.upsertUser({
      id: a.id,
      name: a.id,
      email: `${a.id}@example.edu`,
      roles: [...a.roles],
      college: 'college' in a ? a.college : null,
    });
  }
  let n = 0;
  return createEngine({
    store,
    flows: [reviewFlow(1, { deadlines: true })],
    clock: { now: () => new Date() },
    ids: () => `id-${(n += 1)}`,
    calendar: weekdayCalendar,
    directory,
  });
}
