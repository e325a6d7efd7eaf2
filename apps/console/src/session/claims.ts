/** What the console reads from a session token (the server verifies it; this only displays). */
export interface SessionUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly college: string | null;
  /** Expiry, ms since the epoch (the token's `exp`). */
  readonly expiresAt: number;
}

function base64UrlDecode(part: string): string {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The person a JWT names, or null when it is not a readable token with `sub` and `exp`. */
export function readToken(token: string): SessionUser | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(base64UrlDecode(payload));
  } catch {
    return null;
  }
  if (typeof claims !== 'object' || claims === null) return null;
  const c = claims as Record<string, unknown>;
  if (typeof c['sub'] !== 'string' || typeof c['exp'] !== 'number') return null;
  const roles = Array.isArray(c['roles'])
    ? c['roles'].filter((r): r is string => typeof r === 'string')
    : [];
  return {
    id: c['sub'],
    name: typeof c['name'] === 'string' ? c['name'] : c['sub'],
    email: typeof c['email'] === 'string' ? c['email'] : '',
    roles,
    college: typeof c['college'] === 'string' ? c['college'] : null,
    expiresAt: c['exp'] * 1000,
  };
}
