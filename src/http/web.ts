// Serves the built web app; any non-API path falls back to index.html (client-side routes).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.js';
import { registerEntry } from './route.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

registerEntry({ method: 'GET', path: '/{webPath}', access: 'public' });

export function webRoutes(app: OpenAPIHono<AppEnv>, webDir: string | undefined) {
  if (!webDir) return;
  const root = path.resolve(webDir);
  app.get('*', async (c, next) => {
    const reqPath = decodeURIComponent(new URL(c.req.url).pathname);
    if (reqPath.startsWith('/api/')) return next();
    const file = path.resolve(root, `.${reqPath}`);
    // never serve outside the web folder
    if (file.startsWith(root + path.sep)) {
      const info = await stat(file).catch(() => null);
      if (info?.isFile()) {
        const immutable = reqPath.startsWith('/assets/');
        return c.body(await readFile(file), 200, {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
      }
    }
    if (path.extname(reqPath)) return next();
    return c.body(await readFile(path.join(root, 'index.html')), 200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' });
  });
}
