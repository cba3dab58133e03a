// What the port answers while the server is still opening its database: /healthz (the process is
// alive) at once, /readyz 503 until the app is ready, and every other request once the app is ready
// (it waits rather than being refused, so a browser opened at start-up just loads a little later).
import type { serve } from '@hono/node-server';

type Fetch = Parameters<typeof serve>[0]['fetch'];

export function startingGate() {
  let app: Fetch | null = null;
  let release!: () => void;
  const ready = new Promise<void>((resolve) => (release = resolve));
  const fetch: Fetch = async (req, env) => {
    if (app) return app(req, env);
    const { pathname } = new URL(req.url);
    if (pathname === '/healthz') return Response.json({ status: 'ok' });
    if (pathname === '/readyz') return Response.json({ status: 'starting' }, { status: 503, headers: { 'retry-after': '1' } });
    await ready;
    return app!(req, env);
  };
  return {
    fetch,
    open(f: Fetch) {
      app = f;
      release();
    },
  };
}
