/**
 * Checks a certflow webhook delivery (docs/http-api.md § Webhooks): the `Certflow-Signature`
 * header `t=<unix seconds>,v1=<hex>` must carry an HMAC-SHA256, under the subscription's secret,
 * of `"<t>.<body>"` — the raw body exactly as received — and `t` must lie within
 * `toleranceSeconds` (default 300) of now, so a captured delivery replayed later is refused.
 * Deduplicate on `Certflow-Event-Id` as well: delivery is at least once.
 *
 * Uses WebCrypto (Node 18+, browsers, workers); compares in constant time.
 */
export interface VerifyWebhookOptions {
  readonly toleranceSeconds?: number;
  /** Now, in Unix seconds (tests). */
  readonly now?: number;
}

export type WebhookVerdict =
  | { readonly ok: true; readonly timestamp: number }
  | {
      readonly ok: false;
      readonly reason: 'malformed-header' | 'timestamp-outside-tolerance' | 'signature-mismatch';
    };

const encoder = new TextEncoder();

export async function verifyWebhook(
  secret: string,
  header: string | null | undefined,
  body: string,
  options: VerifyWebhookOptions = {},
): Promise<WebhookVerdict> {
  const parts = new Map<string, string[]>();
  for (const piece of (header ?? '').split(',')) {
    const eq = piece.indexOf('=');
    if (eq <= 0) continue;
    const key = piece.slice(0, eq).trim();
    parts.set(key, [...(parts.get(key) ?? []), piece.slice(eq + 1).trim()]);
  }
  const t = parts.get('t')?.[0];
  const signatures = (parts.get('v1') ?? []).filter((s) => /^[0-9a-f]{64}$/.test(s));
  if (!t || !/^\d{1,12}$/.test(t) || signatures.length === 0) {
    return { ok: false, reason: 'malformed-header' };
  }
  const timestamp = Number(t);
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) {
    return { ok: false, reason: 'timestamp-outside-tolerance' };
  }
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(`${t}.${body}`)));
  const expected = Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
  return signatures.some((s) => constantTimeEqual(s, expected))
    ? { ok: true, timestamp }
    : { ok: false, reason: 'signature-mismatch' };
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
