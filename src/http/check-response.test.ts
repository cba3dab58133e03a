// The response check must catch a route that sends what it does not declare, naming the field.
import { describe, expect, it } from 'vitest';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from './app-env.js';
import { checkResponse } from './check-response.js';

const Thing = z.object({ id: z.string(), count: z.number().int() });
const responses = { 200: { description: 'a thing', content: { 'application/json': { schema: Thing } } } };

function appSending(body: unknown, status: 200 | 201 = 200) {
  const mismatches: string[] = [];
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', { checkResponses: mismatches } as unknown as AppDeps);
    await next();
  });
  const route = createRoute({ method: 'get', path: '/thing', middleware: [checkResponse('get', '/thing', responses)] as const, responses });
  app.openapi(route, (c) => c.json(body as never, status as 200));
  return { app, mismatches };
}

describe('checkResponse', () => {
  it('lets a matching answer through untouched', async () => {
    const { app, mismatches } = appSending({ id: 'a', count: 2 });
    const res = await app.request('/thing');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 'a', count: 2 });
    expect(mismatches).toEqual([]);
  });

  it('turns a mismatch into a 500 naming the route and the field, and records it', async () => {
    const { app, mismatches } = appSending({ id: 'a', count: 'two' });
    const res = await app.request('/thing');
    expect(res.status).toBe(500);
    const problem = (await res.json()) as { detail: string };
    expect(problem.detail).toContain('GET /thing (200)');
    expect(problem.detail).toContain('count');
    expect(mismatches).toHaveLength(1);
  });

  it('refuses a status the route does not declare', async () => {
    const { app, mismatches } = appSending({ id: 'a', count: 1 }, 201);
    expect((await app.request('/thing')).status).toBe(500);
    expect(mismatches[0]).toContain('status 201 is not declared');
  });
});
