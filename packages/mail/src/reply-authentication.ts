import { Resolver } from 'node:dns/promises';
import { createRequire } from 'node:module';
import { isIP } from 'node:net';
import type { ReplyAuthSettings } from '@certflow/config';
import { InfrastructureError } from '@certflow/engine';
import type { AuthenticateOptions, AuthenticateResult, DNSResolver } from 'mailauth';

// mailauth is CommonJS; its types describe the module object.
const mailauth = createRequire(import.meta.url)('mailauth') as {
  authenticate(input: Buffer, options: AuthenticateOptions): Promise<AuthenticateResult>;
};

/** Where an inbound mail came from, as the SMTP session saw it. */
export interface SmtpEnvelope {
  /** The connecting client's IP address. */
  readonly ip: string;
  /** Its EHLO/HELO name. */
  readonly helo: string;
  /** MAIL FROM (the bounce address); may be empty. */
  readonly sender: string;
}

/** Whether a reply's From is proven to be its author's domain. */
export interface ReplyAuthentication {
  /** From is aligned: DMARC passed, or an aligned DKIM signature verified, or it came from a trusted relay. */
  readonly aligned: boolean;
  readonly method: 'dmarc' | 'dkim' | 'relay' | 'off' | null;
  /** One line for logs and `mail_inbound.reason`: `dmarc=fail dkim=none spf=fail`. */
  readonly summary: string;
}

export type ReplyAuthenticator = (
  raw: Buffer,
  envelope: SmtpEnvelope,
) => Promise<ReplyAuthentication>;

export interface ReplyAuthenticatorOptions extends ReplyAuthSettings {
  /** This host's name, for the Authentication-Results it computes. */
  readonly mta?: string;
  /** DNS for the DKIM/SPF/DMARC look-ups; default: `dnsServers`, else the system resolver. */
  readonly resolver?: DNSResolver;
}

/** `::ffff:127.0.0.1` → `127.0.0.1`. */
export function plainIp(ip: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/iu.exec(ip);
  return m?.[1] ?? ip;
}

/** A resolver on the given servers (`ip` or `ip:port`), in the shape mailauth asks for. */
export function dnsResolver(servers: readonly string[]): DNSResolver {
  const resolver = new Resolver({ timeout: 2_000, tries: 2 });
  resolver.setServers(servers.map((s) => (isIP(s) === 6 ? `[${s}]` : s)));
  return async (name, rrtype) => {
    switch (rrtype) {
      case 'TXT':
        return resolver.resolveTxt(name);
      case 'MX':
        return (await resolver.resolveMx(name)) as unknown as string[];
      case 'A':
        return resolver.resolve4(name);
      case 'AAAA':
        return resolver.resolve6(name);
      case 'PTR':
        return resolver.reverse(name);
      default:
        return resolver.resolve(name, rrtype) as Promise<string[]>;
    }
  };
}

const TEMPORARY = new Set(['temperror', 'temperr']);

/**
 * DKIM/SPF/DMARC for inbound replies (`mailauth`). `aligned` is true when the From domain is
 * proven: DMARC passes (an aligned DKIM signature or an aligned SPF pass), or — for a domain
 * without a DMARC record — an aligned DKIM signature verifies. A mail from a trusted relay (a
 * campus relay that does not sign) counts as aligned; mode `off` trusts everything (tests only).
 * A DNS failure is a retryable `InfrastructureError` (the sender is told 451 and tries again).
 */
export function createReplyAuthenticator(options: ReplyAuthenticatorOptions): ReplyAuthenticator {
  const relays = new Set(options.trustedRelays.map(plainIp));
  const resolver =
    options.resolver ??
    (options.dnsServers.length > 0 ? dnsResolver(options.dnsServers) : undefined);
  return async (raw, envelope) => {
    if (options.mode === 'off') return { aligned: true, method: 'off', summary: 'auth=off' };
    const ip = plainIp(envelope.ip);
    if (relays.has(ip)) return { aligned: true, method: 'relay', summary: `relay=${ip}` };
    const result = await mailauth.authenticate(raw, {
      ip,
      helo: envelope.helo,
      sender: envelope.sender,
      mta: options.mta ?? 'certflow',
      disableArc: true,
      disableBimi: true,
      ...(resolver ? { resolver } : {}),
    });
    const dmarc = result.dmarc ? result.dmarc.status.result : 'none';
    const dkims = result.dkim.results;
    const dkim =
      dkims.find((r) => r.status.result === 'pass')?.status.result ??
      dkims[0]?.status.result ??
      'none';
    const spf = result.spf ? result.spf.status.result : 'none';
    const summary = `dmarc=${dmarc} dkim=${dkim} spf=${spf}`;
    if (dmarc === 'pass') return { aligned: true, method: 'dmarc', summary };
    if (
      dmarc === 'none' &&
      dkims.some((r) => r.status.result === 'pass' && Boolean(r.status.aligned))
    ) {
      return { aligned: true, method: 'dkim', summary };
    }
    if (TEMPORARY.has(dmarc) || TEMPORARY.has(dkim)) {
      throw new InfrastructureError(
        'MAIL_AUTH_DNS',
        `reply authentication could not finish: ${summary}`,
        { retryable: true },
      );
    }
    return { aligned: false, method: null, summary };
  };
}
