import { Navigate, Outlet, useLocation } from 'react-router';
import { homeFor, useSession } from '../auth/session.js';
import { Loading } from '../components/states.js';
import type { Schemas } from '../api/client.js';

/** Only signed-in users with one of the roles; others go to sign-in or their own area. */
export function RequireRoles({ roles }: { roles: Schemas['Me']['role'][] }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading label="Checking your session" />;
  // the query comes back too: a recall's booking link opens the picker on its service after sign-in
  if (!me) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!roles.includes(me.role)) return <Navigate to={homeFor(me)} replace />;
  return <Outlet />;
}
