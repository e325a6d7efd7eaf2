import { readToken, type SessionUser } from './claims';

const KEY = 'certflow.session';

export interface Session {
  readonly token: string;
  readonly user: SessionUser;
}

/** Why there is no session: shown on the sign-in page. */
export type SignedOutReason = 'signed-out' | 'expired' | 'unauthorized' | null;

/** The stored session if it has not expired (kept in localStorage: mail links open new tabs). */
export function loadSession(now: number = Date.now()): Session | { expired: true } | null {
  const token = localStorage.getItem(KEY);
  if (!token) return null;
  const user = readToken(token);
  if (!user) {
    localStorage.removeItem(KEY);
    return null;
  }
  if (user.expiresAt <= now) {
    localStorage.removeItem(KEY);
    return { expired: true };
  }
  return { token, user };
}

export function saveSession(token: string): Session | null {
  const user = readToken(token);
  if (!user) return null;
  localStorage.setItem(KEY, token);
  return { token, user };
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}

export const SESSION_STORAGE_KEY = KEY;

/**
 * Where to go after signing in: only a path of this console (`/instances/…`), never another
 * site (`//evil`, `https://…`), never the sign-in pages themselves.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login') || next.startsWith('/sso')) return '/';
  return next;
}
