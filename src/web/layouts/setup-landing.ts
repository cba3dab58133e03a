import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { call, http } from '../api/client.js';
import { useSession } from '../auth/session.js';

// once per visit and person: later, the schedule is one click away and stays there
let lookedFor: string | null = null;

/**
 * The owner's landing page is the set-up checklist while the clinic is not fully set up: an owner
 * who arrives at the console's front page (the schedule) is taken there once per visit.
 */
export function useSetupLanding() {
  const { me } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const ready = me?.role === 'owner' && me.user.emailVerified && !me.twoFactorSetupRequired;
  useEffect(() => {
    if (!ready || lookedFor === me.user.id || location.pathname !== '/console') return;
    lookedFor = me.user.id;
    call(http.GET('/api/organization/setup'))
      .then((s) => {
        if (!s.complete) void navigate('/console/setup', { replace: true });
      })
      .catch(() => undefined);
  }, [ready, me, location.pathname, navigate]);
}
