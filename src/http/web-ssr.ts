// The public pages rendered on the server for visitors (src/web/ssr.tsx, bundled by `npm run build`
// into dist/web-ssr with the client build's manifest). The render asks for the API answers its
// components need; they are fetched here through the app itself (the same routes, rules and
// validation a browser's request meets) and the page is rendered again with them. The HTML is the
// built index.html with the page in #root, its own title, description and canonical link, and the
// styles of the page's chunks. Pages of links and text go without scripts; an interactive one keeps
// the app's script and carries the answers in a JSON block (never an inline script: the CSP forbids
// them) for the app to take over with. Anything unexpected (no bundle, an API error such as an
// unknown clinic) answers null, and the caller sends the app's index.html as before.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { acceptedEncodings } from './web-encoding.js';

interface SeedRequest {
  key: string;
  url: string;
}
interface RenderedPage {
  html: string;
  heading: string;
  description: string;
  module: string;
  interactive: boolean;
  wanted: SeedRequest[];
}
interface Renderer {
  renderPage(url: string, answers: Record<string, unknown>): RenderedPage | null;
  appModulesFor(pathname: string): string[];
  SEED_ELEMENT_ID: string;
}
interface ManifestEntry {
  file: string;
  css?: string[];
  imports?: string[];
}
type Manifest = Record<string, ManifestEntry>;
interface Loaded {
  renderer: Renderer;
  manifest: Manifest;
  template: string;
}
/** what the app answers an in-process request with (Hono's app.request) */
type InProcess = { request: (url: string, init?: RequestInit) => Response | Promise<Response> };

export interface RenderedResponse {
  body: Uint8Array<ArrayBuffer>;
  status: 200;
  headers: Record<string, string>;
}

const MAX_PASSES = 3;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const bytes = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.length);

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// JSON inside <script type="application/json">: nothing in it may close the element
const escapeJson = (v: unknown) =>
  JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const encode = async (
  html: Buffer,
  acceptEncoding: string | undefined,
): Promise<{ body: Uint8Array<ArrayBuffer>; encoding: string | null }> => {
  const accepted = acceptedEncodings(acceptEncoding);
  if (accepted.has('br'))
    return {
      body: bytes(await brotli(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })),
      encoding: 'br',
    };
  if (accepted.has('gzip')) return { body: bytes(await gz(html)), encoding: 'gzip' };
  return { body: bytes(html), encoding: null };
};

const respond = async (html: string, acceptEncoding: string | undefined): Promise<RenderedResponse> => {
  const { body, encoding } = await encode(Buffer.from(html), acceptEncoding);
  const headers: Record<string, string> = {
    'content-type': 'text/html; charset=utf-8',
    vary: 'accept-encoding',
  };
  if (encoding) headers['content-encoding'] = encoding;
  return { body, status: 200, headers };
};

/** The files a module's chunk loads: its own, its imports' (scripts) and every style among them. */
function chunkFiles(
  manifest: Manifest,
  key: string,
  seen = new Set<string>(),
  out = { js: [] as string[], css: [] as string[] },
) {
  const entry = manifest[key];
  if (!entry || seen.has(key)) return out;
  seen.add(key);
  out.js.push(entry.file);
  for (const c of entry.css ?? []) if (!out.css.includes(c)) out.css.push(c);
  for (const i of entry.imports ?? []) chunkFiles(manifest, i, seen, out);
  return out;
}

function documentFor(
  loaded: Loaded,
  page: RenderedPage,
  answers: Record<string, unknown>,
  canonical: string,
): string {
  const { template, manifest, renderer } = loaded;
  const files = chunkFiles(manifest, page.module);
  const title = page.heading ? `${page.heading} · Dermis` : 'Dermis';
  const styles = files.css
    .filter((f) => !template.includes(`/${f}"`))
    .map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`);
  const head = [`<link rel="canonical" href="${escapeHtml(canonical)}">`, ...styles];
  let html = template
    .replace('<html lang="en">', '<html lang="en" data-mantine-color-scheme="light">')
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
    .replace(
      /<meta name="description" content="[^"]*"\s*\/?>/,
      `<meta name="description" content="${escapeHtml(page.description)}" />`,
    )
    .replace(/<!--app[^>]*-->[\s\S]*<!--\/app-->/, () => page.html);
  if (page.interactive) {
    // the page's own chunks load beside the entry, and the answers ride along for the takeover
    head.push(
      ...files.js
        .filter((f) => !template.includes(`/${f}"`))
        .map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
    );
    html = html.replace(
      '</body>',
      () =>
        `<script type="application/json" id="${renderer.SEED_ELEMENT_ID}">${escapeJson(answers)}</script>\n</body>`,
    );
  } else {
    html = html
      .replace(/\s*<script type="module"[^>]*><\/script>/g, '')
      .replace(/\s*<link rel="modulepreload"[^>]*>/g, '');
  }
  return html.replace('</head>', () => `${head.join('\n    ')}\n  </head>`);
}

/** Loads the renderer, the client manifest and index.html once; null when the build made no renderer. */
function bundleLoader(webDir: string): () => Promise<Loaded | null> {
  const ssrDir = path.join(path.dirname(webDir), 'web-ssr');
  let loading: Promise<Loaded | null> | undefined;
  return () =>
    (loading ??= (async () => {
      const entry = path.join(ssrDir, 'ssr.js');
      if (!existsSync(entry) || !existsSync(path.join(ssrDir, 'manifest.json'))) return null;
      const template = await readFile(path.join(webDir, 'index.html'), 'utf8');
      if (!/<!--app[^>]*-->[\s\S]*<!--\/app-->/.test(template)) return null;
      const renderer = (await import(pathToFileURL(entry).href)) as Renderer;
      const manifest = JSON.parse(await readFile(path.join(ssrDir, 'manifest.json'), 'utf8')) as Manifest;
      return { renderer, manifest, template };
    })());
}

/**
 * `page` answers a public page's request with its server-rendered HTML; `appShell` answers with
 * index.html for an app screen whose chunks are known ahead (ssr.tsx APP_CHUNKS: the portal and
 * console homes), those chunks preloaded. Either answers null for any other path.
 */
export function serverRenderer(app: InProcess, webDir: string) {
  const load = bundleLoader(webDir);
  return { page: renderedPage(app, load), appShell: appShell(load) };
}

function renderedPage(app: InProcess, load: () => Promise<Loaded | null>) {
  return async (
    requestUrl: string,
    publicUrl: string,
    acceptEncoding: string | undefined,
  ): Promise<RenderedResponse | null> => {
    const loaded = await load();
    if (!loaded) return null;
    const { pathname, search } = new URL(requestUrl);
    const target = pathname + search;
    const answers: Record<string, unknown> = {};
    let page = loaded.renderer.renderPage(target, answers);
    for (let pass = 0; page && page.wanted.length > 0 && pass < MAX_PASSES; pass++) {
      for (const w of page.wanted) {
        const res = await app.request(w.url, { headers: { accept: 'application/json' } });
        if (!res.ok) return null;
        answers[w.key] = await res.json();
      }
      page = loaded.renderer.renderPage(target, answers);
    }
    if (!page || page.wanted.length > 0) return null;
    return respond(documentFor(loaded, page, answers, new URL(pathname, publicUrl).href), acceptEncoding);
  };
}

function appShell(load: () => Promise<Loaded | null>) {
  // one page per screen (a handful), never per requested path
  const made = new Map<string, string>();
  return async (pathname: string, acceptEncoding: string | undefined): Promise<RenderedResponse | null> => {
    const loaded = await load();
    const modules = loaded?.renderer.appModulesFor(pathname) ?? [];
    if (!loaded || !modules.length) return null;
    const key = modules.join(' ');
    if (!made.has(key)) {
      const { manifest, template } = loaded;
      const files = { js: [] as string[], css: [] as string[] };
      for (const m of modules) chunkFiles(manifest, m, new Set(), files);
      const links = [
        ...files.css
          .filter((f) => !template.includes(`/${f}"`))
          .map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
        ...files.js
          .filter((f) => !template.includes(`/${f}"`))
          .map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
        // the session check these screens wait for (auth/session.tsx) starts with the HTML
        '<link rel="preload" href="/api/me" as="fetch" crossorigin>',
      ];
      made.set(
        key,
        template.replace('</head>', () => `${[...new Set(links)].join('\n    ')}\n  </head>`),
      );
    }
    return respond(made.get(key)!, acceptEncoding);
  };
}
