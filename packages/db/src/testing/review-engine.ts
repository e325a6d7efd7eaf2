import { createEngine, type Actor, type Engine } from '@certflow/engine';
import { reviewFlow, weekdayCalendar } from '@certflow/engine/testing';
import type { DbHandle } from '../handle.js';

/** The review flow's people, in the directory. */
export const reviewCast = {
  owner: { id: 'u-owner', roles: ['owner'], college: 'ee' },
  lead: { id: 'u-lead', roles: ['lead'], college: 'ee' },
  office: { id: 'u-office', roles: ['office'] },
} as const satisfies Record<string, Actor>;

/**
 * For the db package's own tests: the engine's review flow (with deadlines: a reminder and an
 * escalation on the first step, a timeout on the second) over a database's store, resolving
 * people as production does, through the store's cached directory; the cast is written first.
 */
export async function reviewEngine(
  handle: Pick<DbHandle<unknown>, 'store' | 'directory'>,
  options: { readonly ids?: () => string; readonly maxAttempts?: number } = {},
): Promise<Engine> {
  for (const a of Object.values(reviewCast)) {
    await handle.directory.upsertUser({
      id: a.id,
      name: a.id,
      email: `${a.id}@example.edu`,
      roles: [...a.roles],
      college: 'college' in a ? a.college : null,
    });
  }
  return createEngine({
    store: handle.store,
    flows: [reviewFlow(1, { deadlines: true })],
    clock: { now: () => new Date() },
    ...(options.ids ? { ids: options.ids } : {}),
    calendar: weekdayCalendar,
    directory: handle.store.directory,
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
  });
}
