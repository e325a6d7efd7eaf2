import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { checkedLookup, isPrivateAddress } from './address-policy.js';

export interface PostResult {
  /** The HTTP status, or null when no answer came (refused, reset, timed out). */
  readonly status: number | null;
  readonly error: string | null;
  readonly ms: number;
}

/**
 * One POST of a webhook body: never follows a redirect (a 3xx is a failed attempt), gives up
 * after `timeoutMs` (connect + answer), reads at most 4 KiB of the answer.
 */
export function postWebhook(args: {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  allowPrivate: boolean;
}): Promise<PostResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let u: URL;
    try {
      u = new URL(args.url);
    } catch {
      resolve({ status: null, error: 'malformed url', ms: 0 });
      return;
    }
    const host = u.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !args.allowPrivate && isPrivateAddress(host)) {
      resolve({ status: null, error: `webhook address refused: ${host}`, ms: 0 });
      return;
    }
    const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const done = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = request(
      u,
      {
        method: 'POST',
        headers: {
          ...args.headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(args.body).toString(),
          'user-agent': 'certflow-webhooks/1',
        },
        lookup: checkedLookup(args.allowPrivate),
      },
      (res) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > 4096) res.destroy();
        });
        const status = res.statusCode ?? 0;
        const end = () =>
          done({
            status,
            error: status >= 200 && status < 300 ? null : `HTTP ${status}`,
            ms: ms(),
          });
        res.on('end', end);
        res.on('close', end);
        res.on('error', end);
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      done({ status: null, error: `timeout after ${args.timeoutMs} ms`, ms: ms() });
    }, args.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) =>
      done({ status: null, error: error.code ?? error.message, ms: ms() }),
    );
    req.end(args.body);
  });
}
