// The API reference page and document are never cached (like every API answer); only Swagger UI's
// own static files may be.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('API reference caching', () => {
  it('serves /api/docs, its start script and /api/openapi.json with cache-control: no-store', async () => {
    for (const path of ['/api/docs', '/api/docs/init.js', '/api/openapi.json']) {
      const res = await t.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it("lets Swagger UI's static files be cached, and an unknown docs file is not cached", async () => {
    const css = await t.request('/api/docs/swagger-ui.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('cache-control')).toBe('public, max-age=86400');
    const missing = await t.request('/api/docs/nothing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });
});
