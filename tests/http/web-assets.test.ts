// How the web app is served: the build's brotli and gzip copies go to browsers that accept them,
// hashed assets are cached for a year, the HTML shell is revalidated, and /favicon.ico never 404s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { finishWeb } from '../../scripts/web-assets.mjs';
import { acceptedEncodings } from '../../src/http/web.js';

const SCRIPT = `export const greeting = ${JSON.stringify('Welcome to Dermis. '.repeat(200))};\n`;
const SHELL = `<!doctype html><html><head><title>Dermis</title></head><body><div id="root">${'<p>Dermis</p>'.repeat(50)}</div></body></html>`;

let t: TestApp;
beforeAll(async () => {
  const webDir = await mkdtemp(path.join(tmpdir(), 'dermis-built-web-'));
  await mkdir(path.join(webDir, 'assets'));
  await writeFile(path.join(webDir, 'index.html'), SHELL);
  await writeFile(path.join(webDir, 'assets/index-AbC123.js'), SCRIPT);
  await writeFile(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="32" fill="#087f5b"/></svg>');
  // the same step `npm run build` runs after vite: icons and compressed copies
  await finishWeb(webDir);
  t = await createTestApp({ webDir });
});
afterAll(() => t.close());

const get = (p: string, acceptEncoding?: string) => t.request(p, acceptEncoding === undefined ? {} : { headers: { 'accept-encoding': acceptEncoding } });

describe('web app delivery', () => {
  it('sends brotli to a browser that accepts it, gzip to one that accepts only gzip, plain otherwise', async () => {
    const br = await get('/assets/index-AbC123.js', 'gzip, deflate, br, zstd');
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.headers.get('content-type')).toMatch(/^text\/javascript/);
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(SCRIPT.length / 10);
    expect(brotliDecompressSync(brBytes).toString()).toBe(SCRIPT);

    const gz = await get('/assets/index-AbC123.js', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-AbC123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await plain.text()).toBe(SCRIPT);

    // br refused with q=0: gzip instead
    expect((await get('/assets/index-AbC123.js', 'br;q=0, gzip;q=0.8')).headers.get('content-encoding')).toBe('gzip');
  });

  it('caches hashed assets for a year and revalidates the HTML shell, on direct and client-side routes', async () => {
    const asset = await get('/assets/index-AbC123.js', 'br');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const route of ['/', '/index.html', '/portal', '/console/clients/123']) {
      const res = await get(route, 'gzip, br');
      expect(res.status, route).toBe(200);
      expect(res.headers.get('cache-control'), route).toBe('no-cache');
      expect(res.headers.get('content-encoding'), route).toBe('br');
      expect(res.headers.get('vary'), route).toMatch(/accept-encoding/i);
      expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString(), route).toBe(SHELL);
    }
  });

  it('serves the favicon, its ICO and the install icons; a missing asset is a 404, not the shell', async () => {
    const ico = await get('/favicon.ico');
    expect(ico.status).toBe(200);
    expect(ico.headers.get('content-type')).toBe('image/x-icon');
    expect(Buffer.from(await ico.arrayBuffer()).readUInt16LE(2)).toBe(1);
    const svg = await get('/favicon.svg', 'br');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('cache-control')).toBe('no-cache');
    for (const icon of ['/icon-192.png', '/icon-512.png', '/icon-maskable-512.png']) {
      const res = await get(icon);
      expect(res.status, icon).toBe(200);
      expect(res.headers.get('content-type'), icon).toBe('image/png');
    }
    expect((await get('/assets/index-Missing.js', 'br')).status).toBe(404);
  });

  it('reads Accept-Encoding as browsers and proxies write it', () => {
    expect([...acceptedEncodings('gzip, deflate, br')]).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('*')]).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('*;q=0, gzip')]).toEqual(['gzip']);
    expect([...acceptedEncodings('identity')]).toEqual([]);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });

  it('the HTML shell paints a frame without scripts and links the favicon and an installable manifest', async () => {
    const html = await readFile('src/web/index.html', 'utf8');
    // the strict CSP forbids inline scripts: the only script is the app's module file
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="/main.tsx">']);
    expect(html).toMatch(/<style>[^<]*\.dermis-shell-header/);
    expect(html).toMatch(/<div id="root">\s*<!--[^>]*-->\s*<div class="dermis-shell"/);
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest" />');
    expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml" />');
    const manifest = JSON.parse(await readFile('src/web/public/manifest.webmanifest', 'utf8')) as { name: string; start_url: string; display: string; theme_color: string; icons: { src: string; sizes: string }[] };
    expect(manifest).toMatchObject({ name: 'Dermis', start_url: '/portal', display: 'standalone', theme_color: '#087f5b' });
    // Chrome wants 192 and 512 pixel icons to offer installation; the build draws them (checked above)
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });
});
