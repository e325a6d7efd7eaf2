import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyWebhook } from './verify-webhook.js';

// The signer, written out independently of @certflow/webhooks' signWebhook (docs/http-api.md
// § Webhooks): HMAC-SHA256 of "<t>.<raw body>", hex, in `t=<t>,v1=<hex>`.
const SECRET = 'whsec-0123456789abcdefghijklmnopqrstuvwxyz';
const sign = (body: string, t: number, secret = SECRET) =>
  `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;

const T = 1_796_180_121;
const body = JSON.stringify({
  id: 'ev-1',
  type: 'instance.completed',
  occurredAt: '2026-12-02T05:35:21.000Z',
  instanceId: 'i-1',
  instance: { title: 'Web 前端开发 1+X 试点项目', state: 'approved' },
});
const header = sign(body, T);

describe('verifyWebhook', () => {
  it('accepts a delivery signed with the secret, within the window', async () => {
    expect(await verifyWebhook(SECRET, header, body, { now: T })).toEqual({
      ok: true,
      timestamp: T,
    });
    expect(await verifyWebhook(SECRET, header, body, { now: T + 300 })).toMatchObject({ ok: true });
    expect(await verifyWebhook(SECRET, header, body, { now: T - 300 })).toMatchObject({ ok: true });
  });

  it('refuses a replayed delivery: the same header and body outside the window, either side', async () => {
    for (const now of [T + 301, T + 86_400, T - 301]) {
      expect(await verifyWebhook(SECRET, header, body, { now })).toEqual({
        ok: false,
        reason: 'timestamp-outside-tolerance',
      });
    }
    // A tighter window, and the real clock (the delivery is from the past).
    expect(
      await verifyWebhook(SECRET, header, body, { now: T + 31, toleranceSeconds: 30 }),
    ).toMatchObject({ ok: false, reason: 'timestamp-outside-tolerance' });
    expect(await verifyWebhook(SECRET, sign(body, 1_000_000_000), body)).toMatchObject({
      ok: false,
      reason: 'timestamp-outside-tolerance',
    });
    // A replay with a fresh timestamp but the old signature does not verify.
    const v1 = header.split('v1=')[1]!;
    expect(await verifyWebhook(SECRET, `t=${T + 3600},v1=${v1}`, body, { now: T + 3600 })).toEqual({
      ok: false,
      reason: 'signature-mismatch',
    });
  });

  it('refuses a tampered delivery: body, signature, secret, or a re-serialized body', async () => {
    const mismatch = { ok: false, reason: 'signature-mismatch' };
    const tampered = [
      body.replace('instance.completed', 'instance.cancelled'),
      body.replace('"approved"', '"rejected"'),
      `${body} `,
      body.slice(0, -1),
      JSON.stringify(JSON.parse(body) as unknown, null, 2), // parsed and written again
    ];
    for (const changed of tampered) {
      expect(await verifyWebhook(SECRET, header, changed, { now: T })).toEqual(mismatch);
    }
    const flipped = header.replace(/.$/u, (c) => (c === '0' ? '1' : '0'));
    expect(await verifyWebhook(SECRET, flipped, body, { now: T })).toEqual(mismatch);
    expect(await verifyWebhook(`${SECRET}x`, header, body, { now: T })).toEqual(mismatch);
    expect(
      await verifyWebhook(SECRET, sign(body, T, 'another-secret-of-32-characters!!'), body, {
        now: T,
      }),
    ).toEqual(mismatch);
  });

  it('accepts any one valid v1 (secret rotation), and only a valid one', async () => {
    const other = sign(body, T, 'the-old-secret-0123456789abcdefghij').split('v1=')[1]!;
    const v1 = header.split('v1=')[1]!;
    expect(
      await verifyWebhook(SECRET, `t=${T},v1=${other},v1=${v1}`, body, { now: T }),
    ).toMatchObject({ ok: true });
    expect(await verifyWebhook(SECRET, `t=${T},v1=${other}`, body, { now: T })).toMatchObject({
      ok: false,
      reason: 'signature-mismatch',
    });
  });

  it('refuses a malformed header', async () => {
    const v1 = header.split('v1=')[1]!;
    for (const bad of [
      undefined,
      null,
      '',
      `v1=${v1}`,
      `t=${T}`,
      `t=${T},v1=${v1.toUpperCase()}`,
      `t=${T},v1=${v1.slice(1)}`,
      `t=abc,v1=${v1}`,
      `t=-${T},v1=${v1}`,
      `t=${T},v0=${v1}`,
    ]) {
      expect(await verifyWebhook(SECRET, bad, body, { now: T })).toEqual({
        ok: false,
        reason: 'malformed-header',
      });
    }
  });
});
