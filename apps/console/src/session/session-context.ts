import { createContext, useContext } from 'react';
import type { Session, SignedOutReason } from './session-store';

export interface SessionState {
  readonly session: Session | null;
  readonly reason: SignedOutReason;
  readonly signIn: (token: string) => Session | null;
  readonly signOut: (reason: Exclude<SignedOutReason, null>) => void;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in person's session (inside the guarded routes). */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn outside RequireSession');
  return session;
}
