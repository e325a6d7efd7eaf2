import { expect, it } from 'vitest';
import { HTTP_ERRORS } from '../../src/index.js';
import type { ApiWorld } from '../support/api-world.js';
import { applyProject, failure, projectApplication, setQuota } from '../support/fixtures.js';

/** Latin letters outside the quoted identifiers (「json.type」) of a Chinese message. */
const english = (zh: string): string[] => zh.replace(/「[^」]*」/gu, '').match(/[A-Za-z]+/gu) ?? [];

/** zh-CN messages carry no English; the English is in `messageEn`. */
export function messagesSuite(world: () => ApiWorld): void {
  it('answers every validation error with a Chinese message free of English, and an English one', async () => {
    const w = world();
    await setQuota(w.as('academic'));
    const a = await applyProject(w.as('owner'));
    const lead = w.as('collegeLead');
    const owner = w.as('owner');
    const event = `/api/instances/${a.id}/events`;
    const probes: Array<[string, () => ReturnType<typeof lead.raw>]> = [
      ['type of wrong type', () => lead.raw(event, { body: { type: 42 } })],
      ['lower-case event', () => lead.raw(event, { body: { type: 'approve' } })],
      ['missing type', () => lead.raw(event, { body: { comment: '同意' } })],
      ['unexpected field', () => lead.raw(event, { body: { type: 'APPROVE', admin: true } })],
      [
        'comment too long',
        () => lead.raw(event, { body: { type: 'APPROVE', comment: '长'.repeat(2001) } }),
      ],
      ['data not an object', () => lead.raw(event, { body: { type: 'APPROVE', data: [1] } })],
      [
        'event data the step does not take',
        () => lead.raw(event, { body: { type: 'APPROVE', data: { amount: 1 } } }),
      ],
      [
        'task operation without its data',
        () => lead.raw(event, { body: { type: 'TRANSFER', data: {} } }),
      ],
      ['bad task id', () => lead.raw(event, { body: { type: 'APPROVE', taskId: "x' or 1=1" } })],
      [
        'If-Match garbage',
        () => lead.raw(event, { body: { type: 'APPROVE' }, headers: { 'if-match': 'v1' } }),
      ],
      [
        'flow input missing fields',
        () =>
          owner.raw('/api/instances', { body: { flow: 'pilot-project', input: { year: 2027 } } }),
      ],
      [
        'flow input of wrong types',
        () =>
          owner.raw('/api/instances', {
            body: { flow: 'pilot-project', input: { ...projectApplication(), scale: '40' } },
          }),
      ],
      [
        'flow input out of range',
        () =>
          owner.raw('/api/instances', {
            body: { flow: 'pilot-project', input: projectApplication({ scale: -3 }) },
          }),
      ],
      ['flow id', () => owner.raw('/api/instances', { body: { flow: '../etc', input: {} } })],
      ['paging', () => lead.raw('/api/tasks?limit=lots')],
      ['paging out of range', () => lead.raw('/api/tasks?limit=100000')],
      ['status filter', () => lead.raw('/api/instances?status=deleted')],
      [
        'quota body',
        () =>
          w
            .as('academic')
            .raw('/api/quotas/2027/ee', { method: 'PUT', body: { scale: '60', budget: 1.5 } }),
      ],
      [
        'quota year',
        () =>
          w
            .as('academic')
            .raw('/api/quotas/1999/ee', { method: 'PUT', body: { scale: 1, budget: 1 } }),
      ],
    ];
    for (const [what, probe] of probes) {
      const r = await probe();
      const body = r.body as {
        code: string;
        message: string;
        messageEn: string;
        details?: { issues?: Array<{ message?: string }> };
      };
      expect({ what, status: r.status, code: body.code }).toEqual({
        what,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect({ what, english: english(body.message) }).toEqual({ what, english: [] });
      expect(body.message).toMatch(/^输入不合法/u);
      expect(body.messageEn).toMatch(/[A-Za-z]{3}/u);
      for (const issue of body.details?.issues ?? []) {
        if (
          typeof issue === 'object' &&
          typeof issue.message === 'string' &&
          'messageEn' in issue
        ) {
          expect({ what, english: english(issue.message) }).toEqual({ what, english: [] });
        }
      }
    }
  });

  it('keeps the HTTP layer’s own messages free of English', () => {
    for (const [code, m] of Object.entries(HTTP_ERRORS)) {
      expect({ code, english: english(m.zh) }).toEqual({ code, english: [] });
    }
  });

  it('refuses a quota for a college that does not exist with 404', async () => {
    const w = world();
    const before = await w.fingerprint();
    expect(
      await failure(w.as('academic').putQuota(2027, 'xx', { scale: 1, budget: 1 })),
    ).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(await w.fingerprint()).toBe(before);
    expect(await w.as('academic').putQuota(2027, 'cs', { scale: 1, budget: 1 })).toMatchObject({
      collegeId: 'cs',
    });
  });
}
