import { randomUUID } from 'node:crypto';
import type { Directory as DbDirectory } from '@certflow/db';
import {
  createEngine,
  type Actor,
  type Clock,
  type Engine,
  type Store,
  type Directory,
} from '@certflow/engine';
import { loadBusinessCalendar } from '@certflow/calendar';
import { pilotFlows, QUOTA_REF, quotaKey } from '@certflow/pilot';
import { people, projectApplication } from '@certflow/pilot/testing';

/** The wall clock: benchmarks measure real time (the pure core still takes it as a port). */
export const systemClock: Clock = { now: () => new Date() };

/**
 * The engine as `apps/server` wires it (runtime/compose.ts): pilot flows, the wall clock and the
 * business calendar loaded from the database (chinese-days + overrides). pilot-project has
 * working-day deadlines, so an engine without a calendar refuses it with `CALENDAR_MISSING`.
 */
export async function benchEngine(store: Store, directory?: Directory): Promise<Engine> {
  return createEngine({
    store,
    flows: pilotFlows,
    clock: systemClock,
    ids: randomUUID,
    calendar: await loadBusinessCalendar(store.read),
    ...(directory ? { directory } : {}),
  });
}

/** The cast of `@certflow/pilot/testing` in the directory, and a quota that needs no leadership. */
export async function seedPilot(store: Store, directory: DbDirectory): Promise<void> {
  for (const p of Object.values(people)) {
    await directory.upsertUser({
      id: p.id,
      name: p.name,
      email: p.email,
      roles: [...p.roles],
      college: 'college' in p ? p.college : null,
    });
  }
  await store.transaction((tx) =>
    tx.putReference(QUOTA_REF, quotaKey(2027, 'ee'), { scale: 100, budget: 1_000_000 }),
  );
}

/** One pilot-project application, waiting for its college review. */
export async function startProject(engine: Engine): Promise<string> {
  const view = await engine.start('pilot-project', projectApplication(), people.owner);
  return view.id;
}

/**
 * The commands that keep an instance alive forever: 同意 by the college lead, 退回 by 教务处,
 * 重新提交 by the applicant — back in `collegeReview`. Each is one durable `send`.
 */
const CYCLE: readonly {
  event: 'APPROVE' | 'RETURN' | 'RESUBMIT';
  actor: Actor;
  comment?: string;
}[] = [
  { event: 'APPROVE', actor: people.collegeLead, comment: '同意，报教务处审核。' },
  { event: 'RETURN', actor: people.academic, comment: '预算明细不全，请补充后重新提交。' },
  { event: 'RESUBMIT', actor: people.owner },
];

/** Where each instance is in its cycle, shared by every engine that drives it. */
export type CyclePositions = Map<string, number>;

/** Drives one instance round its cycle; `next()` sends the next command. */
export class ProjectCycler {
  constructor(
    private readonly engine: Engine,
    readonly instanceId: string,
    private readonly positions: CyclePositions = new Map(),
  ) {}

  async next(): Promise<void> {
    const step = this.positions.get(this.instanceId) ?? 0;
    const cmd = CYCLE[step % CYCLE.length];
    if (!cmd) throw new Error('empty cycle');
    await this.engine.send(
      this.instanceId,
      { type: cmd.event, ...(cmd.comment ? { comment: cmd.comment } : {}) },
      cmd.actor,
    );
    this.positions.set(this.instanceId, step + 1);
  }
}
