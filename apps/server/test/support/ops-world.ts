import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { CertflowClient } from '@certflow/client';
import { truncateAll } from '@certflow/db';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { ManualClock, type AnyFlow, type Engine } from '@certflow/engine';
import { reviewFlow } from '@certflow/engine/testing';
import { pilotFlows } from '@certflow/pilot';
import { people, type PersonKey } from '@certflow/pilot/testing';
import pino from 'pino';
import { fingerprint, seedSchool } from './school-state.js';
import {
  businessCalendar,
  createApp,
  engineFor,
  TokenService,
  type Claims,
} from '../../src/index.js';
import { claimsOf, TEST_SECRET } from './api-world.js';

/** The engine test flow's roles as the pilot's (tokens carry pilot roles only). */
const ROLE_MAP: Readonly<Record<string, string>> = {
  owner: 'project_owner',
  lead: 'college_lead',
  office: 'academic_affairs',
};

/**
 * The engine's two-step review flow (学院 `college_lead` → 教务处 `academic_affairs`, or the
 * second step as `role`) under its own id, with the pilot's roles.
 */
export function opsFlow(
  id: string,
  options: Parameters<typeof reviewFlow>[1] & { secondRole?: string } = {},
): AnyFlow {
  const flow = reviewFlow(1, options) as unknown as AnyFlow;
  const role = (r: string, state: string) =>
    state === 'second' && options.secondRole ? options.secondRole : (ROLE_MAP[r] ?? r);
  return {
    ...flow,
    id,
    startedBy: { ...flow.startedBy, roles: flow.startedBy.roles.map((r) => ROLE_MAP[r] ?? r) },
    states: Object.fromEntries(
      Object.entries(flow.states).map(([state, spec]) => [
        state,
        {
          ...spec,
          ...(spec.tasks
            ? { tasks: spec.tasks.map((t) => ({ ...t, role: role(t.role, state) })) }
            : {}),
        },
      ]),
    ),
  };
}

/** The flows of the operations tests: the pilot's, plus review flows of each approver mode. */
export const OPS_FLOWS: readonly AnyFlow[] = [
  ...pilotFlows,
  // 或签 at both steps; the second (教务处) may be batch-approved.
  opsFlow('review', { batch: true, extraStep: true }),
  // 会签 of every 教务处 holder at the second step.
  opsFlow('review-all', { approvers: { mode: 'all' } }),
  // 依次 at the second step.
  opsFlow('review-seq', { approvers: { mode: 'sequence' } }),
  // 会签 of the whole 领导小组 (the 50-approver test).
  opsFlow('review-council', { approvers: { mode: 'all' }, secondRole: 'leadership' }),
];

/** Inside the pilot-project call for 2027 (09-01 to 12-31, 第七条2). */
export const OPS_NOW = '2026-10-15T02:00:00Z';

export interface OpsWorld {
  readonly pg: TestPostgres;
  readonly engine: Engine;
  readonly clock: ManualClock;
  as(who: PersonKey): CertflowClient;
  withClaims(claims: Claims): Promise<CertflowClient>;
  reset(): Promise<void>;
  fingerprint(): Promise<string>;
  close(): Promise<void>;
}

export async function startOpsWorld(): Promise<OpsWorld> {
  const pg = await createTestPostgres({ max: 8 });
  const clock = new ManualClock(OPS_NOW);
  const tokens = new TokenService(TEST_SECRET);
  const engine = engineFor(pg, await businessCalendar(pg), { clock, flows: OPS_FLOWS });
  const app = createApp({
    engine,
    store: pg.store,
    db: pg.db,
    driver: 'postgres',
    tokens,
    directory: pg.directory,
    logger: pino({ level: 'silent' }),
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const anonymous = new CertflowClient({ baseUrl: `http://127.0.0.1:${port}` });
  const clients = new Map<PersonKey, CertflowClient>();
  for (const who of Object.keys(people) as PersonKey[]) {
    clients.set(who, anonymous.as(await tokens.sign(claimsOf(who), 3600)));
  }
  return {
    pg,
    engine,
    clock,
    as: (who) => clients.get(who) as CertflowClient,
    withClaims: async (claims) => anonymous.as(await tokens.sign(claims, 3600)),
    reset: async () => {
      clock.set(OPS_NOW);
      await truncateAll(pg);
      await seedSchool(engine, pg.directory);
    },
    fingerprint: () => fingerprint(pg.db),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pg.drop();
    },
  };
}
