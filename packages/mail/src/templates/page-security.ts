import { createHash } from 'node:crypto';

/**
 * The one stylesheet of the action pages. Pages carry no `style=` attribute and no script, so a
 * strict Content-Security-Policy can allow exactly this `<style>` block by its hash.
 */
export const PAGE_CSS = [
  "body{font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;font-size:14px;line-height:1.6;color:#222;max-width:640px;margin:24px auto;padding:0 16px}",
  'h1{font-size:20px}h2{font-size:16px;margin:0 0 8px}p{margin:0 0 12px}',
  'table{border-collapse:collapse;margin:0 0 12px}th{text-align:left;padding:4px 12px 4px 0;color:#555;font-weight:normal;white-space:nowrap;vertical-align:top}td{padding:4px 0}',
  'textarea{width:100%;box-sizing:border-box}button{padding:6px 20px}',
  '.error{color:#cf222e}.muted{color:#666}.small{font-size:12px}',
].join('');

const cssHash = createHash('sha256').update(PAGE_CSS).digest('base64');

/**
 * CSP of the action pages: nothing loads, nothing runs, only the stylesheet above applies, the
 * form posts back to the same origin, and no one may frame the page (clickjacking a 同意 button).
 */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${cssHash}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * The headers every action page is sent with, whatever framework serves it: the CSP, no framing,
 * no referrer (the token is in the URL), never cached (a used link must not replay from a cache),
 * no MIME sniffing.
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': PAGE_CSP,
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};
