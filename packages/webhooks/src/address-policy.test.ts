import { describe, expect, it } from 'vitest';
import { isPrivateAddress, urlProblem, urlShapeProblem } from './address-policy.js';
import { DEFAULT_RETRY, retryDelay } from './dispatcher.js';
import { signWebhook } from './signature.js';

describe('webhook address policy (SSRF)', () => {
  it('knows loopback, private, link-local, CGNAT and mapped addresses', () => {
    for (const ip of [
      '127.0.0.1',
      '10.0.0.8',
      '172.20.1.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '224.0.0.1',
    ])
      expect([ip, isPrivateAddress(ip)]).toEqual([ip, true]);
    for (const ip of ['8.8.8.8', '202.112.0.36', '2001:da8::1'])
      expect([ip, isPrivateAddress(ip)]).toEqual([ip, false]);
  });

  it('takes only http(s) URLs without credentials', async () => {
    expect(urlShapeProblem('ftp://example.edu.cn/')).toBe('scheme');
    expect(urlShapeProblem('https://u:p@example.edu.cn/')).toBe('credentials');
    expect(urlShapeProblem('not a url')).toBe('malformed');
    expect(urlShapeProblem('https://example.edu.cn/hook')).toBeUndefined();
    expect(await urlProblem('http://127.0.0.1:9/x', false)).toBe('private-address');
    expect(await urlProblem('http://localhost:9/x', false)).toBe('private-address');
    expect(await urlProblem('http://127.0.0.1:9/x', true)).toBeUndefined();
  });
});

describe('retries and signatures', () => {
  it('backs off exponentially with bounded jitter, up to the cap', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((n) => retryDelay(n, DEFAULT_RETRY, mid))).toEqual([
      10_000, 20_000, 40_000, 80_000,
    ]);
    expect(retryDelay(30, DEFAULT_RETRY, mid)).toBe(3_600_000);
    expect(retryDelay(1, DEFAULT_RETRY, () => 0)).toBe(8_000);
    expect(retryDelay(1, DEFAULT_RETRY, () => 1)).toBe(12_000);
  });

  it('signs t.body with HMAC-SHA256', () => {
    // echo -n '1700000000.{}' | openssl dgst -sha256 -hmac secret
    expect(signWebhook('secret', '{}', 1_700_000_000)).toBe(
      't=1700000000,v1=b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163',
    );
    expect(signWebhook('secret', '{}', 1)).not.toBe(signWebhook('secret', '{ }', 1));
  });
});
