import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may be sent (SSRF): http(s) only, no credentials in the URL, and no address of
 * this machine or a private network — loopback, RFC 1918, link-local (cloud metadata), CGNAT,
 * unique-local, multicast, unspecified — unless the administrator allows private addresses
 * (`CERTFLOW_WEBHOOK_ALLOW_PRIVATE=1`). The address is checked again at every connection
 * (`checkedLookup`), so a DNS answer that changes after the check does not get through.
 */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  // IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged by its IPv4 address. (No ::ffff:0:0/96 rule in
  // the list: BlockList matches IPv4 addresses against it, which would refuse every address.)
  if (family === 6 && address.toLowerCase().startsWith('::ffff:')) {
    const v4 = address.slice(7);
    if (isIP(v4) === 4) return PRIVATE.check(v4, 'ipv4');
    return true;
  }
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export type UrlProblem =
  'scheme' | 'credentials' | 'malformed' | 'private-address' | 'unresolvable';

/** Why `url` may not be a webhook target (by its text alone), or undefined. */
export function urlShapeProblem(url: string): UrlProblem | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'malformed';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'scheme';
  if (u.username || u.password) return 'credentials';
  if (!u.hostname) return 'malformed';
  return undefined;
}

/** `urlShapeProblem`, then every address the host resolves to. */
export async function urlProblem(
  url: string,
  allowPrivate: boolean,
): Promise<UrlProblem | undefined> {
  const shape = urlShapeProblem(url);
  if (shape) return shape;
  if (allowPrivate) return undefined;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  try {
    const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true });
    if (addresses.length === 0) return 'unresolvable';
    return addresses.some((a) => isPrivateAddress(a.address)) ? 'private-address' : undefined;
  } catch {
    return 'unresolvable';
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | { address: string; family: number }[],
  family?: number,
) => void;

/** A `lookup` for `http.request` that refuses private addresses at connect time. */
export function checkedLookup(allowPrivate: boolean) {
  return (
    hostname: string,
    options: { all?: boolean; family?: number | string },
    callback: LookupCallback,
  ): void => {
    lookup(hostname, { all: true })
      .then((all) => {
        const bad = all.find((a) => !allowPrivate && isPrivateAddress(a.address));
        if (bad || all.length === 0) {
          const error: NodeJS.ErrnoException = new Error(
            `webhook address refused: ${hostname} → ${bad?.address ?? 'nothing'}`,
          );
          error.code = 'WEBHOOK_ADDRESS_REFUSED';
          callback(error, '');
          return;
        }
        if (options.all) callback(null, all);
        else callback(null, all[0]!.address, all[0]!.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, ''));
  };
}
