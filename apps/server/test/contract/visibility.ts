import { expect, it } from 'vitest';
import type { ApiWorld } from '../support/api-world.js';
import { applyProject, setQuota } from '../support/fixtures.js';

/**
 * Refusals leak nothing to whoever may not read an instance: every instance route answers them
 * exactly as for an id that does not exist — 404 `NOT_FOUND`, no details — before any version,
 * state or payload check, and nothing is written.
 */
export function visibilitySuite(world: () => ApiWorld): void {
  it('answers every instance route for an unreadable instance exactly as for a missing id', async () => {
    const w = world();
    await setQuota(w.as('academic'));
    const ee = await applyProject(w.as('owner'));
    const cs = w.as('otherLead'); // 陈院长, college lead of cs: may not read ee's work
    const before = await w.fingerprint();
    const probes: Array<
      [string, string, { method?: string; body?: unknown; headers?: Record<string, string> }]
    > = [
      ['GET instance', '', {}],
      ['GET history', '/history', {}],
      ['GET verify', '/verify', {}],
      [
        'POST a stale version',
        '/events',
        { body: { type: 'APPROVE' }, headers: { 'if-match': '99' } },
      ],
      ['POST an event the state does not take', '/events', { body: { type: 'RESUBMIT' } }],
      ['POST an event it would take', '/events', { body: { type: 'APPROVE', comment: '同意' } }],
      [
        'POST a task operation',
        '/events',
        { body: { type: 'CC', data: { userIds: ['u-lead-cs'] } } },
      ],
      [
        'POST with an idempotency key',
        '/events',
        { body: { type: 'APPROVE' }, headers: { 'idempotency-key': `approve-${ee.id}` } },
      ],
    ];
    for (const [what, suffix, request] of probes) {
      const hidden = await cs.raw(`/api/instances/${ee.id}${suffix}`, request);
      const missing = await cs.raw(`/api/instances/no-such-instance${suffix}`, request);
      expect({ what, status: hidden.status, body: hidden.body }).toEqual({
        what,
        status: 404,
        body: missing.body,
      });
      expect(hidden.body).toEqual({
        code: 'NOT_FOUND',
        message: '未找到对象',
        messageEn: 'Not found',
      });
      expect(hidden.headers.get('etag')).toBeNull();
    }
    // The same holds for a reader of the wrong kind (an applicant of another project).
    const other = await w.as('owner2').raw(`/api/instances/${ee.id}/events`, {
      body: { type: 'WITHDRAW' },
      headers: { 'if-match': '7' },
    });
    expect(other.status).toBe(404);
    expect(await w.fingerprint()).toBe(before);
    // …while a reader still gets the real refusal.
    const lead = await w.as('collegeLead').raw(`/api/instances/${ee.id}/events`, {
      body: { type: 'APPROVE' },
      headers: { 'if-match': '99' },
    });
    expect(lead).toMatchObject({ status: 409, body: { code: 'VERSION_CONFLICT' } });
  });
}
