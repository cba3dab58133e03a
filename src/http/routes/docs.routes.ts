// OpenAPI 3.1 document and a self-hosted reference page (Swagger UI from node_modules: nothing is
// fetched from the internet, and no inline script so the CSP stays strict).
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { registerEntry } from '../route.js';

const require = createRequire(import.meta.url);
const uiDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));

registerEntry({ method: 'GET', path: '/api/openapi.json', access: 'public' });
registerEntry({ method: 'GET', path: '/api/docs', access: 'public' });
registerEntry({ method: 'GET', path: '/api/docs/{asset}', access: 'public' });

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dermis API reference</title><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><main id="swagger-ui"></main>
<script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`;

/** The document's header: one place, used by the served document and `npm run api:generate`. */
export const OPENAPI_CONFIG: Parameters<OpenAPIHono['getOpenAPI31Document']>[0] = {
  openapi: '3.1.0',
  info: {
    title: 'Dermis API',
    version: '0.1.0',
    description:
      'Dermis: screening, plans, consent, booking, charting, aftercare and payments for microneedling MedSpas. ' +
      'Errors are problem+json (RFC 9457) with `errors[].path` naming each offending field. ' +
      'Sign-in, sign-out, password reset and TOTP are served under /api/auth (better-auth). ' +
      'How to start, authentication, idempotency, errors and versioning: docs/api.md.',
    license: { name: 'AGPL-3.0-only', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
  },
  // every installation serves its own API: the document is relative to the server that serves it
  servers: [{ url: '/', description: 'This Dermis installation' }],
  security: [{ cookieAuth: [] }],
};

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

export function docsRoutes(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: 'dermis.session_token',
    description: 'Session cookie set by POST /api/auth/sign-in/email',
  });
  app.doc31('/api/openapi.json', OPENAPI_CONFIG);
  app.get('/api/docs', (c) => c.html(PAGE));
  app.get('/api/docs/init.js', (c) => c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/api/docs/:asset', async (c) => {
    const asset = c.req.param('asset');
    const type = ASSETS[asset];
    if (!type) return c.notFound();
    const body = await readFile(path.join(uiDir, asset));
    return c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
}
