import { request } from 'node:http';
import { SignJWT, UnsecuredJWT } from 'jose';
import { expect, it } from 'vitest';
import type { ApiWorld } from '../support/api-world.js';
import { applyProject, projectApplication, setQuota } from '../support/fixtures.js';

const SQLISH = "'); DROP TABLE instances; --";

/** A chunked upload (no Content-Length), answered status + body. */
function chunked(
  url: string,
  path: string,
  token: string,
  size: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'transfer-encoding': 'chunked',
      },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    const chunk = 'x'.repeat(16 * 1024);
    req.write('{"type":"APPROVE","comment":"');
    for (let sent = 0; sent < size; sent += chunk.length) req.write(chunk);
    req.end('"}');
  });
}

/** Hostile input: every probe is a 4xx with a code, and the database is byte for byte unchanged. */
export function hostileSuite(world: () => ApiWorld): void {
  it('answers malformed, mistyped, oversized and forged requests with a 4xx and a code, changing nothing', async () => {
    const w = world();
    await setQuota(w.as('academic'));
    const a = await applyProject(w.as('owner'));
    const lead = w.as('collegeLead');
    const owner = w.as('owner');
    const event = `/api/instances/${a.id}/events`;
    const valid = await w.token('collegeLead');
    const [head, payload] = valid.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const now = Math.floor(Date.now() / 1000);
    const forgedRoles = Buffer.from(
      JSON.stringify({ ...claims, roles: ['academic_affairs'] }),
    ).toString('base64url');
    const otherKey = new TextEncoder().encode('another-secret-0123456789-abcdefghijkl');
    const foreign = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(otherKey);
    const expired = await new SignJWT({ ...claims, iat: now - 7200, exp: now - 3600 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('test-secret-0123456789-abcdefghijklmnop'));
    const unsigned = new UnsecuredJWT({ ...claims, exp: now + 3600 }).encode();
    const signedBadClaims = await w.withClaims({
      sub: 'u-x',
      name: 'x',
      email: 'x@example.edu.cn',
      roles: ['college_lead'],
    });
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const before = await w.fingerprint();

    const probes: Array<
      [string, () => Promise<{ status: number; body: unknown }>, number, string]
    > = [
      [
        'malformed JSON',
        () => lead.raw(event, { body: '{"type": "APPROVE",' }),
        400,
        'MALFORMED_JSON',
      ],
      ['JSON array body', () => lead.raw(event, { body: '[1,2,3]' }), 400, 'VALIDATION_FAILED'],
      ['JSON null body', () => lead.raw(event, { body: 'null' }), 400, 'VALIDATION_FAILED'],
      [
        'not JSON content type',
        () =>
          lead.raw(event, {
            body: 'type=APPROVE',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [
        'event type of wrong type',
        () => lead.raw(event, { body: { type: 42 } }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'lower-case event',
        () => lead.raw(event, { body: { type: 'approve' } }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'data not an object',
        () => lead.raw(event, { body: { type: 'APPROVE', data: [1, 2] } }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'unexpected field',
        () => lead.raw(event, { body: { type: 'APPROVE', admin: true } }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        '__proto__ field',
        () =>
          lead.raw(event, {
            body: '{"type":"APPROVE","__proto__":{"roles":["academic_affairs"]}}',
          }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'comment too long',
        () => lead.raw(event, { body: { type: 'APPROVE', comment: '长'.repeat(2001) } }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'deeply nested data',
        () => lead.raw(event, { body: `{"type":"APPROVE","data":{"x":${deep}}}` }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'flow input of wrong types',
        () =>
          owner.raw('/api/instances', {
            body: { flow: 'pilot-project', input: { ...projectApplication(), scale: '40' } },
          }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'flow id of wrong type',
        () => owner.raw('/api/instances', { body: { flow: ['pilot-project'], input: {} } }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'negative budget',
        () =>
          owner.raw('/api/instances', {
            body: {
              flow: 'pilot-project',
              input: projectApplication({
                budget: { consumables: -1, certificateFees: 0, examinerFees: 0 },
              }),
            },
          }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'huge body',
        () => lead.raw(event, { body: { type: 'APPROVE', comment: 'x'.repeat(200_000) } }),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        'huge chunked body',
        async () => {
          const r = await chunked(w.url, event, valid, 300_000);
          return { status: r.status, body: JSON.parse(r.body) as unknown };
        },
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        'unknown flow',
        () => owner.raw('/api/instances', { body: { flow: 'delete-everything', input: {} } }),
        404,
        'UNKNOWN_FLOW',
      ],
      [
        'unknown event',
        () => lead.raw(event, { body: { type: 'DELETE_ALL' } }),
        409,
        'EVENT_NOT_ACCEPTED',
      ],
      ['unknown route', () => lead.raw('/api/admin/users'), 404, 'ROUTE_NOT_FOUND'],
      [
        'wrong method',
        () => lead.raw(`/api/instances/${a.id}`, { method: 'DELETE' }),
        404,
        'ROUTE_NOT_FOUND',
      ],
      [
        'If-Match garbage',
        () => lead.raw(event, { body: { type: 'APPROVE' }, headers: { 'if-match': '1 OR 1=1' } }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'Idempotency-Key too long',
        () =>
          lead.raw(event, {
            body: { type: 'APPROVE' },
            headers: { 'idempotency-key': 'k'.repeat(500) },
          }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'paging of wrong type',
        () => lead.raw('/api/instances?limit=lots'),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'paging out of range',
        () => lead.raw('/api/tasks?limit=100000&offset=-5'),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'status not a status',
        () => lead.raw('/api/instances?status=deleted'),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'SQL-ish instance id',
        () => lead.raw(`/api/instances/${encodeURIComponent(SQLISH)}`),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'SQL-ish event path',
        () =>
          lead.raw(`/api/instances/${encodeURIComponent(`${a.id}' OR '1'='1`)}/events`, {
            body: { type: 'APPROVE' },
          }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'SQL-ish flow filter',
        () => lead.raw(`/api/instances?flow=${encodeURIComponent(SQLISH)}`),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'SQL-ish college filter',
        () => lead.raw(`/api/instances?college=${encodeURIComponent("ee' OR 1=1 --")}`),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'SQL-ish flow',
        () => owner.raw('/api/instances', { body: { flow: SQLISH, input: {} } }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'SQL-ish quota college',
        () =>
          w.as('academic').raw(`/api/quotas/2027/${encodeURIComponent(SQLISH)}`, {
            method: 'PUT',
            body: { scale: 1, budget: 1 },
          }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'SQL-ish task id',
        () => lead.raw(event, { body: { type: 'APPROVE', taskId: SQLISH } }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'quota of wrong types',
        () =>
          w
            .as('academic')
            .raw('/api/quotas/2027/ee', { method: 'PUT', body: { scale: '60', budget: 1.5 } }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'quota year not a year',
        () =>
          w
            .as('academic')
            .raw('/api/quotas/abc/ee', { method: 'PUT', body: { scale: 1, budget: 1 } }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'no token',
        () => w.anonymous.raw(event, { body: { type: 'APPROVE' } }),
        401,
        'UNAUTHENTICATED',
      ],
      [
        'Basic auth',
        () =>
          w.anonymous.raw(event, {
            body: { type: 'APPROVE' },
            headers: { authorization: 'Basic dTpw' },
          }),
        401,
        'UNAUTHENTICATED',
      ],
      [
        'garbage token',
        () =>
          w.anonymous.raw(event, {
            body: { type: 'APPROVE' },
            headers: { authorization: 'Bearer not.a.jwt' },
          }),
        401,
        'UNAUTHENTICATED',
      ],
      [
        'tampered claims',
        () =>
          w.anonymous.raw(event, {
            body: { type: 'APPROVE' },
            headers: { authorization: `Bearer ${head}.${forgedRoles}.${valid.split('.')[2]}` },
          }),
        401,
        'UNAUTHENTICATED',
      ],
      [
        'signed with another secret',
        () =>
          w.anonymous.raw(event, {
            body: { type: 'APPROVE' },
            headers: { authorization: `Bearer ${foreign}` },
          }),
        401,
        'UNAUTHENTICATED',
      ],
      [
        'alg none',
        () =>
          w.anonymous.raw(event, {
            body: { type: 'APPROVE' },
            headers: { authorization: `Bearer ${unsigned}` },
          }),
        401,
        'UNAUTHENTICATED',
      ],
      [
        'expired',
        () =>
          w.anonymous.raw(event, {
            body: { type: 'APPROVE' },
            headers: { authorization: `Bearer ${expired}` },
          }),
        401,
        'TOKEN_EXPIRED',
      ],
      [
        'college role without college',
        () => signedBadClaims.raw(event, { body: { type: 'APPROVE' } }),
        401,
        'UNAUTHENTICATED',
      ],
    ];
    for (const [what, probe, status, code] of probes) {
      const got = await probe().catch((error: unknown) => {
        throw new Error(`probe "${what}" failed`, { cause: error });
      });
      const body = got.body as { code?: string; message?: string; stack?: unknown };
      expect({ what, status: got.status, code: body.code }).toEqual({ what, status, code });
      expect(typeof body.message).toBe('string');
      expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+|stack/i);
    }
    expect(await w.fingerprint()).toBe(before);
  });

  it('stores SQL-ish text verbatim as data, never as SQL', async () => {
    const w = world();
    await setQuota(w.as('academic'));
    const a = await applyProject(w.as('owner'), {
      certificate: { code: "X'--", name: SQLISH, level: 'intermediate' },
      evaluationOrg: "Robert'); DELETE FROM history;--",
    });
    await w.as('collegeLead').sendEvent(a.id, { type: 'APPROVE', comment: SQLISH });
    const { items } = await w.as('auditor').history(a.id);
    expect(items.map((h) => h.comment)).toEqual([null, SQLISH]);
    expect((await w.as('auditor').getInstance(a.id)).title).toContain(SQLISH);
    expect((await w.as('auditor').verify(a.id)).ok).toBe(true);
  });
}
