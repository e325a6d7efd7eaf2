/* eslint-disable @typescript-eslint/no-unsafe-assignment -- vitest asymmetric matchers (expect.any…) are typed any */
import { expect, it } from 'vitest';
import type { ApiWorld } from '../support/api-world.js';
import {
  applyProject,
  certificate,
  failure,
  projectApplication,
  setQuota,
} from '../support/fixtures.js';

/** Every error class of the API: status, code, zh-CN and English messages; nothing written. */
export function errorSuite(world: () => ApiWorld): void {
  it('maps every refusal to its status and code, with a zh-CN message, and changes nothing', async () => {
    const w = world();
    await setQuota(w.as('academic'));
    const a = await applyProject(w.as('owner'));
    const b = await w
      .as('collegeLead')
      .startInstance('pilot-project', projectApplication(certificate('B-1')));
    const before = await w.fingerprint();

    const cases: Array<[string, () => Promise<unknown>, number, string]> = [
      [
        'invalid flow input',
        () => w.as('owner').startInstance('pilot-project', { year: 2027 }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'business rule',
        () =>
          w.as('owner').startInstance(
            'pilot-project',
            projectApplication({
              certificate: { code: 'X', name: '初级证书', level: 'elementary' },
            }),
          ),
        422,
        'LEVEL_NOT_ALLOWED',
      ],
      ['no token', () => w.anonymous.getInstance(a.id), 401, 'UNAUTHENTICATED'],
      [
        'other college (may not read it: as if missing)',
        () => w.as('otherLead').sendEvent(a.id, { type: 'APPROVE' }),
        404,
        'NOT_FOUND',
      ],
      [
        'wrong role',
        () => w.as('finance').sendEvent(a.id, { type: 'APPROVE' }),
        403,
        'NOT_AUTHORIZED',
      ],
      [
        'owner cannot start for another college',
        () => w.as('owner').startInstance('pilot-project', projectApplication({ collegeId: 'cs' })),
        403,
        'NOT_AUTHORIZED',
      ],
      [
        'self approval',
        () => w.as('collegeLead').sendEvent(b.id, { type: 'APPROVE' }),
        403,
        'SELF_APPROVAL',
      ],
      [
        'auditor acts',
        () => w.as('auditor').sendEvent(a.id, { type: 'COMMENT', comment: '审计意见' }),
        403,
        'NOT_AUTHORIZED',
      ],
      [
        'quota by non academic affairs',
        () => w.as('finance').putQuota(2027, 'ee', { scale: 1, budget: 1 }),
        403,
        'NOT_AUTHORIZED',
      ],
      ['unknown instance', () => w.as('auditor').getInstance('no-such-instance'), 404, 'NOT_FOUND'],
      [
        'unknown instance event',
        () => w.as('collegeLead').sendEvent('no-such-instance', { type: 'APPROVE' }),
        404,
        'NOT_FOUND',
      ],
      ['unknown flow', () => w.as('owner').startInstance('no-such-flow', {}), 404, 'UNKNOWN_FLOW'],
      [
        'event the state does not take',
        () => w.as('collegeLead').sendEvent(a.id, { type: 'RESUBMIT' }),
        409,
        'EVENT_NOT_ACCEPTED',
      ],
      [
        'version conflict',
        () => w.as('collegeLead').sendEvent(a.id, { type: 'APPROVE' }, { ifMatch: 99 }),
        409,
        'VERSION_CONFLICT',
      ],
    ];
    for (const [what, call, status, code] of cases) {
      const got = await failure(call());
      expect({ what, status: got.status, code: got.code }).toEqual({ what, status, code });
    }
    const raw = await w
      .as('owner')
      .raw('/api/instances', { body: { flow: 'pilot-project', input: { year: 'x' } } });
    expect(raw.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('输入不合法'),
      messageEn: expect.stringContaining('Invalid input'),
    });
    expect(await w.fingerprint()).toBe(before);
  });

  it('refuses one person filling two approval steps (separation of duties)', async () => {
    const w = world();
    await setQuota(w.as('academic'));
    const a = await applyProject(w.as('owner'));
    const both = await w.withClaims({
      sub: 'u-both',
      name: '双岗',
      email: 'both@example.edu.cn',
      roles: ['college_lead', 'academic_affairs'],
      college: 'ee',
    });
    await both.sendEvent(a.id, { type: 'APPROVE' });
    const before = await w.fingerprint();
    expect(await failure(both.sendEvent(a.id, { type: 'APPROVE' }))).toMatchObject({
      status: 403,
      code: 'SEPARATION_OF_DUTIES',
    });
    expect(await w.fingerprint()).toBe(before);
  });

  it('refuses events on an ended instance with 409', async () => {
    const w = world();
    await setQuota(w.as('academic'));
    const a = await applyProject(w.as('owner'));
    await w.as('owner').sendEvent(a.id, { type: 'WITHDRAW' });
    expect(await failure(w.as('collegeLead').sendEvent(a.id, { type: 'APPROVE' }))).toMatchObject({
      status: 409,
      code: 'EVENT_NOT_ACCEPTED',
    });
  });

  it('催办 twice within the interval answers 429 with Retry-After, and changes nothing', async () => {
    const w = world();
    await setQuota(w.as('academic'));
    const a = await applyProject(w.as('owner'));
    const urge = () =>
      w.as('owner').raw(`/api/instances/${a.id}/events`, {
        body: { type: 'URGE', comment: '请尽快审核' },
      });
    expect((await urge()).status).toBe(200);
    const before = await w.fingerprint();
    const again = await urge();
    expect(again.status).toBe(429);
    expect(again.body).toMatchObject({
      code: 'URGE_TOO_SOON',
      message: expect.stringContaining('催办'),
    });
    const retryAfter = Number(again.headers.get('retry-after'));
    // The default interval is 24 hours: the answer says when, in seconds.
    expect(retryAfter).toBeGreaterThan(23 * 3600);
    expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
    expect(await w.fingerprint()).toBe(before);
  });
}
