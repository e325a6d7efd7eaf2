import { ROLES, type RoleId } from '@certflow/pilot';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AppEnv } from '../app-env.js';
import type { TokenService } from '../auth/token-service.js';
import { ApiError, httpError } from '../http/api-error.js';
import { DEMO_COLLEGES, DEMO_USERS, type DemoUserKey } from '../runtime/demo-school.js';

/** A console session of a demo person lasts a working day, not the 30 days of the printed tokens. */
export const DEMO_SESSION_TTL_SECONDS = 8 * 3600;

const loginBody = z.object({ key: z.string().min(1).max(64) }).strict();

export interface DemoPerson {
  key: DemoUserKey;
  id: string;
  name: string;
  roles: Array<{ id: string; name: string }>;
  college: { id: string; name: string } | null;
}

/** The demo school's people as the console's sign-in page lists them (names, not ids). */
export function demoPeople(): DemoPerson[] {
  return (Object.entries(DEMO_USERS) as Array<[DemoUserKey, (typeof DEMO_USERS)[DemoUserKey]]>).map(
    ([key, u]) => ({
      key,
      id: u.id,
      name: u.name,
      roles: u.roles.map((r: RoleId) => ({ id: r, name: ROLES[r].zh })),
      college: u.college
        ? { id: u.college, name: DEMO_COLLEGES.find((c) => c.id === u.college)?.name ?? u.college }
        : null,
    }),
  );
}

/**
 * Demo mode only (mounted when `CERTFLOW_DEMO` is on): the console's one-click sign-in.
 * `GET /auth/demo/people` lists the demo people; `POST /auth/demo/login { key }` answers
 * `{ token, expiresAt }`, a token of that person signed like any other, valid 8 hours.
 * There is no password anywhere: in production the campus identity system hands a token over
 * (apps/console/README.md § Sign-in).
 */
export function mountDemoLogin(
  app: OpenAPIHono<AppEnv>,
  tokens: TokenService,
  now: () => Date = () => new Date(),
): void {
  app.use(
    '/auth/demo/*',
    bodyLimit({
      maxSize: 4096,
      onError: () => {
        throw httpError(413, 'PAYLOAD_TOO_LARGE', { limit: 4096 });
      },
    }),
  );
  app.get('/auth/demo/people', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        items: demoPeople(),
        colleges: DEMO_COLLEGES.map((col) => ({ id: col.id, name: col.name })),
      },
      200,
    );
  });

  app.post('/auth/demo/login', async (c) => {
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') throw httpError(415, 'UNSUPPORTED_MEDIA_TYPE');
    const raw: unknown = await c.req.json().catch(() => {
      throw httpError(400, 'MALFORMED_JSON');
    });
    const parsed = loginBody.safeParse(raw);
    if (!parsed.success) {
      throw new ApiError(400, 'VALIDATION_FAILED', {
        zh: '请选择一位演示用户',
        en: 'Choose a demo person',
      });
    }
    const key = parsed.data.key;
    if (!Object.hasOwn(DEMO_USERS, key)) {
      throw new ApiError(
        404,
        'NOT_FOUND',
        { zh: '没有这位演示用户', en: 'No such demo person' },
        { key },
      );
    }
    const user = DEMO_USERS[key as DemoUserKey];
    const at = now();
    const token = await tokens.sign(
      {
        sub: user.id,
        name: user.name,
        email: user.email,
        roles: [...user.roles],
        ...(user.college ? { college: user.college } : {}),
      },
      DEMO_SESSION_TTL_SECONDS,
      at,
    );
    const expiresAt = new Date(
      Math.floor(at.getTime() / 1000) * 1000 + DEMO_SESSION_TTL_SECONDS * 1000,
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ token, expiresAt: expiresAt.toISOString() }, 200);
  });
}
