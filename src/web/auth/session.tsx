import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, call, http, type Schemas } from '../api/client.js';

type Me = Schemas['Me'];

interface SessionValue {
  me: Me | null;
  loading: boolean;
  refresh: () => Promise<Me | null>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

async function fetchMe(): Promise<Me | null> {
  try {
    // a visitor without a session gets { signedIn: false }, not an error
    const answer = await call(http.GET('/api/me'));
    return 'signedIn' in answer ? null : answer;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return null;
  }
}

// The first check starts as soon as the app's script runs, not after its first render: on a slow
// phone that is hundreds of milliseconds earlier. (Not on the server, which renders visitors' pages.)
let firstCheck: Promise<Me | null> | null = typeof window === 'undefined' ? null : fetchMe();
firstCheck?.catch(() => undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    const check = firstCheck ?? fetchMe();
    firstCheck = null;
    try {
      const m = await check;
      setMe(m);
      return m;
    } finally {
      setLoading(false);
    }
  }, []);
  const signOut = useCallback(async () => {
    await call(http.POST('/api/auth/sign-out', { body: {} })).catch(() => undefined);
    setMe(null);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return <SessionContext.Provider value={{ me, loading, refresh, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

export const homeFor = (me: Me) => (me.role === 'client' ? '/portal' : '/console');
