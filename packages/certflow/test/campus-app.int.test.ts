import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { projectApplication } from '@certflow/pilot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampusApp, type CampusApp } from '../../../examples/campus-app/src/app.js';

// examples/campus-app end to end over real HTTP: the campus app's own sign-in (a session
// cookie), certflow mounted under /certflow, a pilot project approved by three people of the
// campus, the change feed read back — and certflow's commands called as a library.

let pg: TestPostgres;
let campus: CampusApp;
let server: ServerType;
let base = '';
beforeAll(async () => {
  pg = await createTestPostgres({ migrate: false });
  campus = await createCampusApp({ databaseUrl: pg.url });
  server = await new Promise((resolve) => {
    const s = serve({ fetch: campus.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  await campus?.close();
  await pg?.drop();
});

async function signIn(id: string, password: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id, password }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0]!;
}

async function call(
  cookie: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('examples/campus-app', () => {
  it('runs a pilot project through certflow under /certflow with the campus sign-in', async () => {
    // Not signed in: certflow answers 401 (no campus session, no certflow token).
    expect((await call(undefined, 'GET', '/certflow/api/instances')).status).toBe(401);
    expect((await call(undefined, 'POST', '/login', { id: 'u-owner', password: 'x' })).status).toBe(
      401,
    );
    const aa = await signIn('u-aa', 'aa-pass');
    expect(
      (await call(aa, 'PUT', '/certflow/api/quotas/2027/ee', { scale: 100, budget: 10_000_000 }))
        .status,
    ).toBe(200);
    const owner = await signIn('u-owner', 'owner-pass');
    const started = await call(owner, 'POST', '/certflow/api/instances', {
      flow: 'pilot-project',
      input: projectApplication(),
    });
    expect(started).toMatchObject({ status: 201, body: { state: 'collegeReview' } });
    const id = String(started.body['id']);
    const lead = await signIn('u-lead', 'lead-pass');
    const inbox = await call(lead, 'GET', '/certflow/api/tasks');
    expect(JSON.stringify(inbox.body)).toContain(id);
    expect(
      (await call(lead, 'POST', `/certflow/api/instances/${id}/events`, { type: 'APPROVE' })).body,
    ).toMatchObject({ state: 'academicReview' });
    // The library: the same engine, called directly by the host app.
    const aaActor = {
      id: 'u-aa',
      name: '王处长',
      roles: ['academic_affairs'],
      kind: 'person' as const,
    };
    await campus.certflow.send(id, { type: 'APPROVE' }, aaActor);
    const president = await signIn('u-president', 'leader-pass');
    const done = await call(president, 'POST', `/certflow/api/instances/${id}/events`, {
      type: 'APPROVE',
      comment: '同意',
    });
    expect(done).toMatchObject({ status: 200, body: { status: 'completed' } });
    const history = await campus.certflow.engine.history(id);
    expect(history.map((h) => h.actorId)).toEqual(['u-owner', 'u-lead', 'u-aa', 'u-president']);
    // The change feed, as the auditor-free school reader 教务处 sees it.
    let types: string[] = [];
    for (let n = 0; n < 100 && !types.includes('instance.completed'); n++) {
      const feed = await call(aa, 'GET', '/certflow/api/events?limit=100');
      types = (feed.body['events'] as Array<{ type: string }>).map((e) => e.type);
      if (!types.includes('instance.completed')) await new Promise((r) => setTimeout(r, 50));
    }
    expect(types[0]).toBe('instance.started');
    expect(types).toContain('instance.completed');
    // Outside the prefix certflow is not there.
    expect((await fetch(`${base}/api/instances`, { headers: { cookie: aa } })).status).toBe(404);
  });
});
