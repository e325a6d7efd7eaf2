import { CertflowClient } from '@certflow/client';
import { useMemo } from 'react';
import { useSession } from '../session/session-context';

/**
 * The typed client as the signed-in person. Every answer passes one check: a 401 (expired or
 * revoked token) ends the session, and the guard sends the person to sign in and back.
 */
export function useApi(): CertflowClient {
  const { session, signOut } = useSession();
  const token = session?.token;
  return useMemo(() => {
    const guarded: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 401 && token !== undefined) signOut('unauthorized');
      return response;
    };
    return new CertflowClient({
      baseUrl: window.location.origin,
      fetch: guarded,
      ...(token === undefined ? {} : { token }),
    });
  }, [token, signOut]);
}
