import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { people } from '@certflow/pilot/testing';
import { SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UNREGISTERED_NAME_SUFFIX } from '../src/index.js';
import { claimsOf, startApiWorld, TEST_SECRET, type ApiWorld } from './support/api-world.js';
import { applyProject, failure, setQuota } from './support/fixtures.js';

const key = new TextEncoder().encode(TEST_SECRET);
const now = () => Math.floor(Date.now() / 1000);

/** A token with exactly these claims (no defaults added), signed with the test secret. */
const raw = (payload: JWTPayload): Promise<string> =>
  new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);

const lead = (extra: JWTPayload = {}): JWTPayload => ({
  ...claimsOf('collegeLead'),
  iat: now(),
  exp: now() + 600,
  ...extra,
});

describe('authentication and identity', () => {
  let pg: TestPostgres;
  let w: ApiWorld;
  let strict: ApiWorld;
  let directoryMode: ApiWorld;

  beforeAll(async () => {
    pg = await createTestPostgres();
    w = await startApiWorld(pg);
    strict = await startApiWorld(pg, {
      trust: { issuer: 'https://cas.example.edu.cn', audience: 'certflow', maxTtlSeconds: 3600 },
    });
    directoryMode = await startApiWorld(pg, { trust: { identity: 'directory' } });
  });
  beforeEach(() => w.reset());
  afterAll(async () => {
    await Promise.all([w?.close(), strict?.close(), directoryMode?.close()]);
    await pg?.drop();
  });

  const status = async (world: ApiWorld, token: string) => {
    const r = await world.anonymous.raw('/api/tasks', {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: r.status, ...(r.body as { code?: string; details?: { reason?: string } }) };
  };

  it('records people as the directory knows them; the token’s name only when it has none, marked', async () => {
    await setQuota(w.as('academic'));
    const a = await applyProject(w.as('owner'));
    // A token for u-lead that calls itself the president: the directory says 李院长.
    const impostor = await w.withClaims({
      ...claimsOf('collegeLead'),
      name: '钱院长（校长）',
      email: 'president@example.edu.cn',
    });
    await impostor.sendEvent(a.id, { type: 'APPROVE', comment: '同意' });
    // Someone the directory does not know: the token's name, marked as such.
    const both = await w.withClaims({
      sub: 'u-both',
      name: '双岗',
      email: 'both@example.edu.cn',
      roles: ['academic_affairs'],
    });
    await both.sendEvent(a.id, { type: 'APPROVE' });
    const history = (await w.as('auditor').history(a.id)).items;
    expect(history.map((h) => [h.actorId, h.actorName])).toEqual([
      ['u-owner', '张老师'],
      ['u-lead', '李院长'],
      ['u-both', `双岗${UNREGISTERED_NAME_SUFFIX}`],
    ]);
  });

  it('reserves the system identities: a token whose sub is system or system:* is 401 and changes nothing', async () => {
    await setQuota(w.as('academic'));
    const a = await applyProject(w.as('owner'));
    const before = await w.fingerprint();
    for (const sub of ['system', 'system:timer', 'system:relay']) {
      const token = await raw({ ...lead(), sub, roles: ['academic_affairs'] });
      expect(await status(w, token)).toMatchObject({
        status: 401,
        code: 'UNAUTHENTICATED',
        details: { reason: 'reserved-identity' },
      });
      const r = await w.anonymous.raw(`/api/instances/${a.id}/events`, {
        body: { type: 'APPROVE' },
        headers: { authorization: `Bearer ${token}` },
      });
      expect(r.status).toBe(401);
    }
    expect(await w.fingerprint()).toBe(before);
  });

  it('bounds a token’s lifetime (12 h by default) and refuses one issued in the future', async () => {
    expect((await status(w, await raw(lead({ exp: now() + 12 * 3600 })))).status).toBe(200);
    expect(await status(w, await raw(lead({ exp: now() + 12 * 3600 + 60 })))).toMatchObject({
      status: 401,
      details: { reason: 'lifetime-too-long' },
    });
    expect(
      await status(w, await raw(lead({ iat: now() + 3600, exp: now() + 4000 }))),
    ).toMatchObject({ status: 401, details: { reason: 'issued-in-the-future' } });
    // within the 30 s clock tolerance
    expect((await status(w, await raw(lead({ iat: now() + 10 })))).status).toBe(200);
    const { iat: _, ...noIat } = lead();
    expect(await status(w, await raw(noIat))).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
  });

  it('verifies iss and aud when configured, and the configured maximum lifetime', async () => {
    const good = { iss: 'https://cas.example.edu.cn', aud: 'certflow' };
    expect((await status(strict, await raw(lead(good)))).status).toBe(200);
    expect(
      await status(strict, await raw(lead({ ...good, iss: 'https://evil.example.com' }))),
    ).toMatchObject({ status: 401, details: { reason: 'wrong-issuer' } });
    expect(await status(strict, await raw(lead({ aud: 'certflow' })))).toMatchObject({
      status: 401,
      details: { reason: 'wrong-issuer' },
    });
    expect(await status(strict, await raw(lead({ ...good, aud: 'other-app' })))).toMatchObject({
      status: 401,
      details: { reason: 'wrong-audience' },
    });
    expect(await status(strict, await raw(lead({ ...good, exp: now() + 7200 })))).toMatchObject({
      status: 401,
      details: { reason: 'lifetime-too-long' },
    });
    // The same tokens pass where nothing is configured.
    expect((await status(w, await raw(lead({ iss: 'https://evil.example.com' })))).status).toBe(
      200,
    );
  });

  it('directory mode: roles and college come from the directory, the token only says who', async () => {
    await setQuota(w.as('academic'));
    const a = await applyProject(w.as('owner'));
    // u-lead's token claims 教务处 rights: in directory mode it is only the ee college lead.
    const claimsAcademic = await raw({
      sub: 'u-lead',
      name: '李院长',
      email: 'lead@example.edu.cn',
      roles: ['academic_affairs'],
      iat: now(),
      exp: now() + 600,
    });
    const asLead = directoryMode.anonymous.as(claimsAcademic);
    expect((await asLead.inbox()).items.map((t) => [t.instanceId, t.role])).toEqual([
      [a.id, 'college_lead'],
    ]);
    await asLead.sendEvent(a.id, { type: 'APPROVE' });
    expect(await failure(asLead.sendEvent(a.id, { type: 'APPROVE' }))).toMatchObject({
      status: 403,
    });
    // In token mode the same token is taken at its word (and the step is now academic affairs').
    expect((await w.anonymous.as(claimsAcademic).inbox()).items.map((t) => t.role)).toEqual([
      'academic_affairs',
    ]);
    // A bare token (sub only) works; an unknown person does not.
    expect(
      (await status(directoryMode, await raw({ sub: 'u-aa', iat: now(), exp: now() + 600 })))
        .status,
    ).toBe(200);
    expect(
      await status(directoryMode, await raw({ sub: 'u-nobody', iat: now(), exp: now() + 600 })),
    ).toMatchObject({ status: 401, details: { reason: 'not-in-directory' } });
  });

  it('refuses a deactivated person in both modes', async () => {
    await pg.directory.upsertUser({ ...people.collegeLead2, roles: ['deactivated'] });
    const token = await raw({ ...claimsOf('collegeLead2'), iat: now(), exp: now() + 600 });
    expect(await status(w, token)).toMatchObject({
      status: 401,
      details: { reason: 'deactivated' },
    });
    expect(await status(directoryMode, token)).toMatchObject({
      status: 401,
      details: { reason: 'deactivated' },
    });
  });
});
