// The public pages rendered on the server (src/web/ssr.tsx through src/http/web-ssr.ts): a visitor
// gets the page's heading, title, description and canonical link in the HTML itself, without scripts
// (the strict CSP holds: no inline script); the learn guide searches with a plain form; an unknown
// clinic or a signed-in person gets the app, and the portal's home names its chunks to preload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Org } from '../support/factory.js';

// a built index.html as vite writes it: the entry script, a preloaded chunk, the entry's styles
const TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="Dermis: microneedling care." />
    <title>Dermis</title>
    <script type="module" crossorigin src="/assets/index-AbC.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vendor-AbC.js">
    <link rel="stylesheet" crossorigin href="/assets/index-AbC.css">
  </head>
  <body>
    <div id="root"><!--app--><p>Loading…</p><!--/app--></div>
  </body>
</html>`;
const MANIFEST = {
  'index.html': { file: 'assets/index-AbC.js', css: ['assets/index-AbC.css'], imports: ['_vendor.js'] },
  '_vendor.js': { file: 'assets/vendor-AbC.js' },
  'pages/public/home-page.tsx': {
    file: 'assets/home-page-AbC.js',
    css: ['assets/home-page-AbC.css'],
    imports: ['_vendor.js'],
  },
  'pages/portal/learn-page.tsx': {
    file: 'assets/learn-page-AbC.js',
    css: ['assets/learn-page-AbC.css'],
    imports: ['_vendor.js'],
  },
  'pages/public/clinic-pages.tsx': { file: 'assets/clinic-pages-AbC.js', imports: ['_vendor.js'] },
  'layouts/portal-layout.tsx': {
    file: 'assets/portal-layout-AbC.js',
    css: ['assets/portal-layout-AbC.css'],
    imports: ['_vendor.js', '_icons.js'],
  },
  '_icons.js': { file: 'assets/icons-AbC.js' },
  'pages/portal/portal-home-page.tsx': { file: 'assets/portal-home-page-AbC.js', imports: ['_vendor.js'] },
};

let t: TestApp;
let org: Org;
beforeAll(async () => {
  // dist/web and dist/web-ssr as `npm run build` lays them out, the renderer being the source itself
  const dist = await mkdtemp(path.join(tmpdir(), 'dermis-ssr-'));
  await mkdir(path.join(dist, 'web'));
  await mkdir(path.join(dist, 'web-ssr'));
  await writeFile(path.join(dist, 'web/index.html'), TEMPLATE);
  await writeFile(path.join(dist, 'web-ssr/manifest.json'), JSON.stringify(MANIFEST));
  await writeFile(
    path.join(dist, 'web-ssr/ssr.js'),
    `export * from ${JSON.stringify(path.resolve('src/web/ssr.tsx'))};\n`,
  );
  t = await createTestApp({ webDir: path.join(dist, 'web') });
  org = await t.factory.org('Glow Spa');
});
afterAll(() => t.close());

const page = async (p: string, headers: Record<string, string> = {}) => {
  const res = await t.request(p, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  const encoding = res.headers.get('content-encoding');
  const html = (
    encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body
  ).toString();
  return { res, html };
};

/** every script element */
const scripts = (html: string) =>
  [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: m[1]!, body: m[2]! }));

describe('server-rendered public pages', () => {
  it('sends the home page as HTML: heading, title, description, canonical link, its styles and no scripts', async () => {
    const { res, html } = await page('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    expect(html).toMatch(/<h1[^>]*>Microneedling, done safely and explained clearly<\/h1>/);
    expect(html).toContain('<title>Microneedling, done safely and explained clearly · Dermis</title>');
    expect(html).toMatch(/<meta name="description" content="Microneedling, done safely[^"]*"/);
    expect(html).toMatch(/<link rel="canonical" href="http:\/\/[^"]+\/">/);
    expect(html).toContain('href="/register"');
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/home-page-AbC.css">');
    expect(html).toContain('href="/assets/index-AbC.css"');
    expect(html).not.toContain('Loading…');
    expect(scripts(html)).toEqual([]);
  });

  it('sends the learn guide readable without scripts: every section open, search by a plain form', async () => {
    const { res, html } = await page('/learn', { 'accept-encoding': 'identity' });
    expect(res.status).toBe(200);
    expect(html).toMatch(/<h1[^>]*>Learn about microneedling<\/h1>/);
    expect(html).toContain('<title>Learn about microneedling · Dermis</title>');
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/learn-page-AbC.css">');
    expect(scripts(html)).toEqual([]);
    const guide = (await (await t.request('/api/learn/guide')).json()) as {
      sections: { id: string; title: string; paragraphs: string[] }[];
    };
    expect(guide.sections.length).toBeGreaterThan(1);
    const text = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&#x27;').replace(/"/g, '&quot;');
    // the last section's words are on the page, not only the first's
    expect(html).toContain(text(guide.sections.at(-1)!.paragraphs[0]!));
    expect(html).toContain('<form role="search" action="/learn" method="get">');
    expect(html).toMatch(/<input[^>]*name="q"/);

    // the form's answer: the same page with the matches, each guide match a link to its section
    const found = await page('/learn?q=vampire');
    expect(found.html).toMatch(/<h2[^>]*>Search results<\/h2>/);
    expect(found.html).toMatch(/<a[^>]*href="#guide-[^"]+"[^>]*>[\s\S]*?Vampire facial/);
    expect(found.html).toMatch(/value="vampire"/);
  });

  it('renders a clinic page from the public API, compressed for a browser that accepts brotli', async () => {
    const { res, html } = await page(`/clinics/${org.slug}`, { 'accept-encoding': 'gzip, br' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(html).toMatch(/<h1[^>]*>Glow Spa<\/h1>/);
    expect(html).toContain('<title>Glow Spa · Dermis</title>');
    expect(html).toContain(`href="/clinics/${org.slug}/locations/${org.locationId}"`);
    expect(scripts(html)).toEqual([]);
  });

  it('leaves an unknown clinic, another path and a signed-in person to the app', async () => {
    const unknown = await page('/clinics/no-such-spa');
    expect(unknown.res.status).toBe(200);
    expect(unknown.html).toContain('<!--app--><p>Loading…</p><!--/app-->');
    expect((await page('/sign-in')).html).toContain('<!--app--><p>Loading…</p><!--/app-->');
    const client = await t.factory.actor(org, 'client');
    const signedIn = await page('/', { cookie: client.cookie });
    expect(signedIn.html).toContain('<!--app--><p>Loading…</p><!--/app-->');
  });

  it("names the portal home's chunks in its index.html, so a phone fetches them beside the entry script", async () => {
    const client = await t.factory.actor(org, 'client');
    const { res, html } = await page('/portal', { cookie: client.cookie });
    expect(res.status).toBe(200);
    expect(html).toContain('<!--app--><p>Loading…</p><!--/app-->');
    for (const f of ['portal-layout-AbC.js', 'icons-AbC.js', 'portal-home-page-AbC.js'])
      expect(html).toContain(`<link rel="modulepreload" crossorigin href="/assets/${f}">`);
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/portal-layout-AbC.css">');
    // the session check the portal waits for starts with the HTML
    expect(html).toContain('<link rel="preload" href="/api/me" as="fetch" crossorigin>');
    // the entry's own chunk is named once, as vite wrote it
    expect(html.match(/vendor-AbC\.js/g)).toHaveLength(1);
    expect(scripts(html).map((s) => s.attrs)).toEqual([
      ' type="module" crossorigin src="/assets/index-AbC.js"',
    ]);
  });
});
