import { randomUUID } from 'node:crypto';
import type { Directory as DbDirectory } from '@certflow/db';
import {
  createEngine,
  emptyWrite,
  referenceId,
  type Actor,
  type Clock,
  type Engine,
  type JsonObject,
  type Store,
  type Directory,
} from '@certflow/engine';
import { loadBusinessCalendar } from '@certflow/calendar';
import { createPilotFlows, QUOTA_REF, quotaKey } from '@certflow/pilot';
import { people, projectApplication } from '@certflow/pilot/testing';

/** The wall clock: benchmarks measure real time (the pure core still takes it as a port). */
export const systemClock: Clock = { now: () => new Date() };

/**
 * The pilot flows with the project call open all year (`PROJECT_CALL_WINDOW=01-01..12-31`, a
 * deployment setting), so the bench runs on any date; applications are for next year.
 */
const benchFlows = createPilotFlows({ projectCall: { start: '01-01', end: '12-31' } });

/** The year the call open today is for (Beijing's year + 1 with the all-year window). */
export function applicationYear(now: Date = new Date()): number {
  return new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear() + 1;
}

/**
 * The engine as `apps/server` wires it (runtime/compose.ts): pilot flows, the wall clock, the
 * business calendar loaded from the database (chinese-days + overrides) and the store's cached
 * directory (`PostgresStore.directory`, valid while the loaded directory revision holds — the
 * plain `createDirectory` would read `users` on every command). pilot-project has working-day
 * deadlines, so an engine without a calendar refuses it with `CALENDAR_MISSING`.
 */
export async function benchEngine(store: Store, directory: Directory): Promise<Engine> {
  return createEngine({
    store,
    flows: benchFlows,
    clock: systemClock,
    ids: randomUUID,
    calendar: await loadBusinessCalendar(store.read),
    directory,
  });
}

/**
 * A lane of the bench: its own college with its own applicant and college lead. pilot-project
 * v2 keeps a per-college yearly tally (a reference row every START and RESUBMIT writes), so
 * clients on one college would contend on that row; one college per lane keeps every client on
 * rows of its own, as the raw baseline is.
 */
export interface Lane {
  readonly college: string;
  readonly owner: Actor;
  readonly lead: Actor;
}

export function lane(k: number): Lane {
  const college = `bench-c${k}`;
  return {
    college,
    owner: { id: `u-bench-owner-${k}`, name: `申报人${k}`, roles: ['project_owner'], college },
    lead: { id: `u-bench-lead-${k}`, name: `院长${k}`, roles: ['college_lead'], college },
  };
}

/** Write a reference row at the version it has now (what an administrator's edit does). */
async function setReference(store: Store, kind: string, key: string, value: JsonObject) {
  const loaded = await store.load({ references: [{ kind, key }] });
  const expectedVersion = loaded.references.get(referenceId(kind, key))?.version ?? null;
  const ok = await store.write({
    ...emptyWrite(),
    references: [{ kind, key, value, expectedVersion }],
  });
  if (!ok) throw new Error(`reference ${kind}/${key} moved while seeding`);
}

/**
 * The cast of `@certflow/pilot/testing` (school-wide 教务处 and 领导小组), `lanes` colleges with an
 * applicant and a college lead each, and a quota for next year that needs no leadership decision.
 */
export async function seedPilot(store: Store, directory: DbDirectory, lanes = 1): Promise<void> {
  const users: Actor[] = [
    ...Object.values(people),
    ...Array.from({ length: lanes }, (_, k) => [lane(k).owner, lane(k).lead]).flat(),
  ];
  for (const p of users) {
    await directory.upsertUser({
      id: p.id,
      name: p.name ?? p.id,
      email: p.email ?? `${p.id}@example.edu.cn`,
      roles: [...p.roles],
      college: p.college ?? null,
      organization: p.organization ?? null,
    });
  }
  for (let k = 0; k < lanes; k += 1) {
    await setReference(store, QUOTA_REF, quotaKey(applicationYear(), lane(k).college), {
      scale: 1_000_000,
      budget: 1_000_000_000,
    });
  }
}

/** A started instance and the lane it belongs to. */
export interface BenchProject {
  readonly id: string;
  readonly lane: number;
}

/**
 * The `nth` pilot-project application of lane `k`, waiting for its college review: each for its
 * own certificate (a college applies once a year per certificate).
 */
export async function startProject(engine: Engine, k = 0, nth = 0): Promise<BenchProject> {
  const l = lane(k);
  const application = projectApplication({ year: applicationYear(), collegeId: l.college });
  const view = await engine.start(
    'pilot-project',
    nth === 0
      ? application
      : {
          ...application,
          certificate: {
            ...application.certificate,
            code: `${application.certificate.code}-${nth}`,
          },
        },
    l.owner,
  );
  return { id: view.id, lane: k };
}

/**
 * The commands that keep an instance alive forever: 同意 by the college lead, 退回 by 教务处,
 * 重新提交 by the applicant — back in `collegeReview`. Each is one durable `send`.
 */
function cycle(l: Lane): readonly { event: string; actor: Actor; comment?: string }[] {
  return [
    { event: 'APPROVE', actor: l.lead, comment: '同意，报教务处审核。' },
    { event: 'RETURN', actor: people.academic, comment: '预算明细不全，请补充后重新提交。' },
    { event: 'RESUBMIT', actor: l.owner },
  ];
}

/** Where each instance is in its cycle, shared by every engine that drives it. */
export type CyclePositions = Map<string, number>;

/**
 * Drives instances of one lane round the cycle; `next()` sends the next command. Given several
 * instances (`rotate`), it moves to the next one after each full cycle, so each instance sees its
 * share of the lane's rounds: a real application goes round a few times, not thousands, and what
 * a write revisits grows with the rounds (the instance's 已办 and 抄送 rows, docs/lists.md).
 */
export class ProjectCycler {
  private readonly steps: ReturnType<typeof cycle>;
  private readonly ids: readonly string[];
  private turn = 0;

  constructor(
    private readonly engine: Engine,
    project: BenchProject,
    private readonly positions: CyclePositions = new Map(),
    rotate: readonly BenchProject[] = [],
  ) {
    this.ids = [project.id, ...rotate.map((p) => p.id)];
    this.steps = cycle(lane(project.lane));
  }

  /** The instance the next command goes to. */
  get instanceId(): string {
    return this.ids[this.turn % this.ids.length] as string;
  }

  async next(): Promise<void> {
    const step = this.positions.get(this.instanceId) ?? 0;
    const cmd = this.steps[step % this.steps.length];
    if (!cmd) throw new Error('empty cycle');
    await this.engine.send(
      this.instanceId,
      { type: cmd.event, ...(cmd.comment ? { comment: cmd.comment } : {}) },
      cmd.actor,
    );
    this.positions.set(this.instanceId, step + 1);
    if ((step + 1) % this.steps.length === 0) this.turn += 1;
  }
}
