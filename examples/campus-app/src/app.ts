import { randomBytes } from 'node:crypto';
import { createCertflow, type Actor, type Certflow } from '@certflow/certflow';
import { SYSTEM_ACTOR } from '@certflow/engine';
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/**
 * The campus app's own people (its HR system, say): certflow never sees a password or a token —
 * the app tells it who is calling.
 */
export const CAMPUS_USERS: Readonly<Record<string, Actor & { password: string; email: string }>> = {
  'u-owner': {
    id: 'u-owner',
    name: '张老师',
    email: 'owner@example.edu.cn',
    roles: ['project_owner'],
    college: 'ee',
    password: 'owner-pass',
  },
  'u-lead': {
    id: 'u-lead',
    name: '李院长',
    email: 'lead@example.edu.cn',
    roles: ['college_lead'],
    college: 'ee',
    password: 'lead-pass',
  },
  'u-aa': {
    id: 'u-aa',
    name: '王处长',
    email: 'aa@example.edu.cn',
    roles: ['academic_affairs'],
    password: 'aa-pass',
  },
  'u-president': {
    id: 'u-president',
    name: '钱院长',
    email: 'president@example.edu.cn',
    roles: ['leadership'],
    password: 'leader-pass',
  },
};

const COLLEGES = [
  { id: 'ee', name: '电子工程学院' },
  { id: 'cs', name: '计算机学院' },
];

export interface CampusApp {
  readonly app: Hono;
  readonly certflow: Certflow;
  close(): Promise<void>;
}

/** The campus app: `/login`, `/logout`, `/me`, and certflow's whole API under `/certflow`. */
export async function createCampusApp(options: { databaseUrl: string }): Promise<CampusApp> {
  const sessions = new Map<string, string>();
  const userOf = (request: Request): Actor | undefined => {
    const cookie = /(?:^|;\s*)campus_session=([A-Za-z0-9_-]+)/.exec(
      request.headers.get('cookie') ?? '',
    );
    const id = cookie?.[1] ? sessions.get(cookie[1]) : undefined;
    const user = id ? CAMPUS_USERS[id] : undefined;
    if (!user) return undefined;
    const { password: _password, ...actor } = user;
    return actor;
  };
  const certflow = await createCertflow({
    databaseUrl: options.databaseUrl,
    prefix: '/certflow',
    actor: userOf,
  });
  // The campus's people and colleges, in certflow's directory (who holds which role where).
  for (const { password: _password, ...u } of Object.values(CAMPUS_USERS)) {
    await certflow.runtime.handle.directory.upsertUser({
      id: u.id,
      name: u.name ?? u.id,
      email: u.email,
      roles: [...u.roles],
      college: u.college ?? null,
    });
  }
  for (const c of COLLEGES) {
    await certflow.engine.putReference({
      kind: 'college',
      key: c.id,
      value: c,
      actor: SYSTEM_ACTOR,
    });
  }

  const app = new Hono();
  app.post('/login', async (c) => {
    const body = await c.req.json<{ id?: string; password?: string }>().catch(() => ({}) as never);
    const user = body.id ? CAMPUS_USERS[body.id] : undefined;
    if (!user || user.password !== body.password) {
      return c.json({ code: 'LOGIN_FAILED', message: '账号或密码错误' }, 401);
    }
    const session = randomBytes(18).toString('base64url');
    sessions.set(session, user.id);
    setCookie(c, 'campus_session', session, { httpOnly: true, sameSite: 'Lax', path: '/' });
    return c.json({ id: user.id, name: user.name });
  });
  app.post('/logout', (c) => {
    const session = getCookie(c, 'campus_session');
    if (session) sessions.delete(session);
    return c.json({ ok: true });
  });
  app.get('/me', (c) => {
    const me = userOf(c.req.raw);
    return me ? c.json(me) : c.json({ code: 'NOT_SIGNED_IN' }, 401);
  });
  // Everything of certflow — instances, tasks, the change feed, webhooks — as the signed-in user.
  app.all('/certflow/*', (c) => certflow.fetch(c.req.raw));
  return { app, certflow, close: () => certflow.close() };
}
