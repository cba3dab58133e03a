// Serves the built web app; any non-API path falls back to index.html (client-side routes).
// The build writes brotli and gzip copies beside each text file (scripts/web-assets.mjs): the one the
// browser accepts is sent as is, so phones download a fraction of the bytes and no CPU is spent per request.
// The public pages go to visitors as HTML rendered here (web-ssr.ts), painted before any script runs.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.js';
import { registerEntry } from './route.js';
import { acceptedEncodings, ENCODINGS } from './web-encoding.js';
import { serverRenderer } from './web-ssr.js';

export { acceptedEncodings };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
// the kinds the build compresses: their answers vary with accept-encoding
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.webmanifest', '.txt', '.ico']);

registerEntry({ method: 'GET', path: '/{webPath}', access: 'public' });

const isFile = async (file: string) => (await stat(file).catch(() => null))?.isFile() ?? false;

export function webRoutes(app: OpenAPIHono<AppEnv>, webDir: string | undefined) {
  if (!webDir) return;
  const root = path.resolve(webDir);

  const send = async (file: string, acceptEncoding: string | undefined, cacheControl: string) => {
    const ext = path.extname(file);
    const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': cacheControl };
    if (COMPRESSIBLE.has(ext)) {
      headers.vary = 'accept-encoding';
      const accepted = acceptedEncodings(acceptEncoding);
      for (const enc of ENCODINGS) {
        if (accepted.has(enc.name) && (await isFile(file + enc.suffix))) {
          headers['content-encoding'] = enc.name;
          return { body: await readFile(file + enc.suffix), headers };
        }
      }
    }
    return { body: await readFile(file), headers };
  };

  const ssr = serverRenderer(app, root);

  app.get('*', async (c, next) => {
    const reqPath = decodeURIComponent(new URL(c.req.url).pathname);
    if (reqPath.startsWith('/api/')) return next();
    const accept = c.req.header('accept-encoding');
    let file = path.resolve(root, `.${reqPath}`);
    // agents ask for /favicon.ico whatever the page links: the SVG does when the build made no ICO
    if (reqPath === '/favicon.ico' && !(await isFile(file))) file = path.join(root, 'favicon.svg');
    // never serve outside the web folder
    if (file.startsWith(root + path.sep) && (await isFile(file))) {
      // file names under /assets/ carry a content hash: a changed file is a new URL, so keep them a year
      const cache = reqPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      const { body, headers } = await send(file, accept, cache);
      return c.body(body, 200, headers);
    }
    if (path.extname(reqPath)) return next();
    // a visitor (no session) opening a public page gets it rendered; signed-in people get the app
    if (!c.req.header('cookie')?.includes('session_token')) {
      const page = await ssr.page(c.req.url, c.get('deps').publicUrl, accept);
      if (page) return c.body(page.body, page.status, { ...page.headers, 'cache-control': 'no-cache' });
    }
    // the portal's and console's first screens: index.html naming their chunks, fetched beside the entry
    const shell = await ssr.appShell(reqPath, accept);
    if (shell) return c.body(shell.body, shell.status, { ...shell.headers, 'cache-control': 'no-cache' });
    const { body, headers } = await send(path.join(root, 'index.html'), accept, 'no-cache');
    return c.body(body, 200, headers);
  });
}
