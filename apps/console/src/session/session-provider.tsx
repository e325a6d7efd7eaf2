import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { SessionContext, type SessionState } from './session-context';
import {
  clearSession,
  loadSession,
  saveSession,
  SESSION_STORAGE_KEY,
  type Session,
  type SignedOutReason,
} from './session-store';

function initial(): { session: Session | null; reason: SignedOutReason } {
  const loaded = loadSession();
  if (loaded && 'expired' in loaded) return { session: null, reason: 'expired' };
  return { session: loaded, reason: null };
}

/** Holds the session: signs out at the token's `exp`, on a 401, and when another tab signs out. */
export function SessionProvider({ children }: { children: React.ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState(initial);

  const signOut = useCallback(
    (reason: Exclude<SignedOutReason, null>) => {
      clearSession();
      queryClient.clear();
      setState({ session: null, reason });
    },
    [queryClient],
  );

  const signIn = useCallback(
    (token: string) => {
      const session = saveSession(token);
      queryClient.clear();
      setState({ session, reason: null });
      return session;
    },
    [queryClient],
  );

  const expiresAt = state.session?.user.expiresAt;
  useEffect(() => {
    if (expiresAt === undefined) return undefined;
    // setTimeout holds at most ~24.8 days; longer sessions are re-checked when it fires.
    const timer = setTimeout(
      () => signOut('expired'),
      Math.min(Math.max(expiresAt - Date.now(), 0), 2 ** 31 - 1),
    );
    return () => clearTimeout(timer);
  }, [expiresAt, signOut]);

  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key !== SESSION_STORAGE_KEY) return;
      const loaded = loadSession();
      setState(
        loaded && !('expired' in loaded)
          ? { session: loaded, reason: null }
          : { session: null, reason: 'signed-out' },
      );
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const value = useMemo<SessionState>(
    () => ({ ...state, signIn, signOut }),
    [state, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
