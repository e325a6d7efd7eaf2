import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './session-context';

/** Guards the console: without a session, to the sign-in page and back here afterwards. */
export function RequireSession() {
  const { session, reason } = useSession();
  const location = useLocation();
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    const params = new URLSearchParams({ next, ...(reason ? { reason } : {}) });
    return <Navigate to={`/login?${params.toString()}`} replace />;
  }
  return <Outlet />;
}
