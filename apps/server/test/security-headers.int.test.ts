import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { serve, type ServerType } from '@hono/node-server';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeRuntime, loadConfig, type Runtime } from '../src/index.js';
import { claimsOf, startApiWorld } from './support/api-world.js';

const ALLOWED = 'https://oa.example.edu.cn';

/** The composed server (API + mail action pages) on PostgreSQL, one origin allowed for CORS. */
describe('security headers and the CORS policy', () => {
  let pg: TestPostgres;
  let runtime: Runtime;
  let server: ServerType;
  let url: string;
  let token: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'certflow-headers-'));

  beforeAll(async () => {
    pg = await createTestPostgres();
    const config = loadConfig({
      DATABASE_URL: pg.url,
      CERTFLOW_JWT_SECRET: 'headers-test-jwt-secret-0123456789-abcdef',
      CERTFLOW_MAIL_SECRET: 'headers-test-mail-secret-0123456789-abcdef',
      CERTFLOW_PUBLIC_URL: 'https://certflow.example.edu.cn',
      CERTFLOW_DATA_DIR: dataDir,
      CERTFLOW_CORS_ORIGINS: ALLOWED,
    });
    runtime = await composeRuntime(config, pino({ level: 'silent' }));
    server = await new Promise((resolve) => {
      const s = serve({ fetch: runtime.app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
        resolve(s),
      );
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    token = await runtime.tokens.sign(claimsOf('academic'), 600);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await runtime?.close();
    await pg?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const pageHeaders = (r: Response) => ({
    frame: r.headers.get('x-frame-options'),
    referrer: r.headers.get('referrer-policy'),
    cache: r.headers.get('cache-control'),
    sniff: r.headers.get('x-content-type-options'),
  });
  const strict = { frame: 'DENY', referrer: 'no-referrer', cache: 'no-store', sniff: 'nosniff' };

  it('sends the mail action pages with a strict CSP that allows only their own stylesheet', async () => {
    for (const method of ['GET', 'POST']) {
      const r = await fetch(`${url}/mail/actions/k1.not-a-token.zzzz`, { method });
      expect(r.status).toBe(400);
      expect(pageHeaders(r)).toEqual(strict);
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'none'/u);
      expect(csp).toMatch(/frame-ancestors 'none'/u);
      const html = await r.text();
      const css = /<style>([^<]*)<\/style>/u.exec(html)?.[1] ?? '';
      expect(csp).toContain(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
      expect(html).not.toMatch(/\sstyle=|<script/u);
    }
    // Anything else answered under /mail gets the strict defaults too.
    const other = await fetch(`${url}/mail/elsewhere`);
    expect(pageHeaders(other)).toEqual(strict);
    expect(other.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
  });

  it('marks API answers nosniff and no-store', async () => {
    const r = await fetch(`${url}/api/flows`, { headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(200);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('lets only the listed origins call the API from a browser', async () => {
    const call = (origin: string) =>
      fetch(`${url}/api/flows`, { headers: { authorization: `Bearer ${token}`, origin } });
    const allowed = await call(ALLOWED);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-expose-headers')).toContain('ETag');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const stranger = await call('https://evil.example.com');
    expect(stranger.status).toBe(200); // answered, but the browser withholds it: no CORS header
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    expect(stranger.headers.get('vary')).toContain('Origin');

    const preflight = (origin: string) =>
      fetch(`${url}/api/instances`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, if-match',
        },
      });
    const ok = await preflight(ALLOWED);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(ok.headers.get('access-control-allow-headers')).toMatch(
      /Authorization.*If-Match.*Idempotency-Key/u,
    );
    const refused = await preflight('https://evil.example.com');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(await refused.json()).toMatchObject({
      code: 'ORIGIN_NOT_ALLOWED',
      message: '该网页来源未获准跨域调用本接口',
    });
  });

  it('allows no origin at all by default', async () => {
    const w = await startApiWorld(pg);
    try {
      const r = await fetch(`${w.url}/api/flows`, {
        method: 'OPTIONS',
        headers: { origin: ALLOWED, 'access-control-request-method': 'GET' },
      });
      expect(r.status).toBe(403);
      const get = await w.as('academic').raw('/api/flows', { headers: { origin: ALLOWED } });
      expect(get.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await w.close();
    }
  });
});
