import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { registerEntry } from '../route.js';

registerEntry({ method: 'GET', path: '/healthz', access: 'public' });
registerEntry({ method: 'GET', path: '/readyz', access: 'public' });

export function healthRoutes(app: OpenAPIHono<AppEnv>) {
  // liveness: the process answers
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  // readiness: the database answers
  app.get('/readyz', async (c) => {
    const ok = await c.get('deps').ready().catch(() => false);
    return c.json({ status: ok ? 'ready' : 'unavailable' }, ok ? 200 : 503);
  });
}
