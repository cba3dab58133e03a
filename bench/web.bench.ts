// The portal's first load as a client on a phone sees it: the built server, Debian's Chromium, an
// emulated fast 4G link (Chrome DevTools' preset: 9 Mbit/s down, 1.5 up, 165 ms round trip) and a CPU
// four times slower, through the DevTools protocol. Records the compressed bytes of scripts and styles
// the first load fetches and the time from navigation to the welcome heading (median of runs). Then
// Lighthouse on the public pages, when it is installed (lighthouse.bench.ts).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launch, PHONE } from '../e2e/support/browser.js';
import { startBuiltServer } from '../e2e/support/server.js';
import { lighthouseBenches, type PageScore } from './lighthouse.bench.js';

export interface WebFigures {
  portal_first_load_bytes: number;
  portal_first_load_requests: number;
  portal_fast4g_ms: number;
  portal_fast4g_runs_ms: number[];
  /** the lowest Lighthouse performance score of the public pages, and the slowest largest paint */
  public_lighthouse_performance?: number;
  public_lcp_ms?: number;
  public_lighthouse?: Record<string, PageScore> | { skipped: string };
}

const FAST_4G = { offline: false, latency: 165, downloadThroughput: (9_000_000 / 8) * 0.9, uploadThroughput: (1_500_000 / 8) * 0.9, connectionType: 'cellular4g' } as const;
const CPU_SLOWDOWN = 4;
const RUNS = 3;

/** One cold visit to /portal (nothing cached): bytes of scripts and styles, and ms to the welcome. */
async function coldVisit(ctx: BrowserContext, url: string) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', FAST_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  // bytes of the bodies as sent (compressed), without the response headers: the total received
  // when loading finished less what had arrived with the headers
  const received = new Map<string, { kind: string; headerBytes: number }>();
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.responseReceived', (e) => received.set(e.requestId, { kind: e.type, headerBytes: e.response.encodedDataLength }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = received.get(e.requestId);
    if (r?.kind === 'Script' || r?.kind === 'Stylesheet') {
      bytes += e.encodedDataLength - r.headerBytes;
      requests++;
    }
  });
  await page.goto(`${url}/portal`, { waitUntil: 'commit' });
  // the page's own clock, from navigation start to the first frame that shows the welcome
  const handle = await page.waitForFunction(
    () => {
      // typed by hand: this file compiles without the DOM library
      const doc = (globalThis as unknown as { document: { querySelectorAll: (s: string) => Iterable<{ textContent: string | null }> } }).document;
      return [...doc.querySelectorAll('h1')].some((h) => /welcome/i.test(h.textContent ?? '')) ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  const ms = Math.round((await handle.jsonValue()) as number);
  // whatever the first load still fetches after the welcome counts too
  await page.waitForLoadState('networkidle');
  await page.close();
  return { bytes, requests, ms };
}

export async function webBenches(): Promise<WebFigures> {
  const server = await startBuiltServer();
  const browser = await launch();
  try {
    const ctx = await browser.newContext(PHONE);
    // a returning client: signed in already, opening the portal from the home screen
    const signIn = await ctx.request.post(`${server.url}/api/auth/sign-in/email`, {
      data: { email: 'client@glow.example.com', password: 'demo-password-2026' },
      headers: { origin: server.url },
    });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()} ${await signIn.text()}`);
    await coldVisit(ctx, server.url); // warms the server's caches and JIT, not measured
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await coldVisit(ctx, server.url));
    const times = runs.map((r) => r.ms).sort((a, b) => a - b);
    const figures: WebFigures = {
      portal_first_load_bytes: Math.max(...runs.map((r) => r.bytes)),
      portal_first_load_requests: Math.max(...runs.map((r) => r.requests)),
      portal_fast4g_ms: times[Math.floor(times.length / 2)]!,
      portal_fast4g_runs_ms: runs.map((r) => r.ms),
    };
    await ctx.close();
    const lh = await lighthouseBenches(server);
    figures.public_lighthouse = lh;
    if (!('skipped' in lh)) {
      figures.public_lighthouse_performance = Math.min(...Object.values(lh).map((p) => p.performance));
      figures.public_lcp_ms = Math.max(...Object.values(lh).map((p) => p.lcp_ms));
    }
    process.stdout.write(`\nweb (portal, phone, fast 4G, CPU x${CPU_SLOWDOWN}; public pages, Lighthouse mobile)\n`);
    for (const [k, v] of Object.entries(figures)) process.stdout.write(`  ${k.padEnd(30)} ${JSON.stringify(v)}\n`);
    return figures;
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** Puts new web figures into the recorded results (bench/results.json, bench/results/latest.json). */
export async function recordWeb(figures: WebFigures) {
  for (const file of [path.resolve('bench/results.json'), path.resolve('bench/results/latest.json')]) {
    const report = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    report.web = { ...figures, at: new Date().toISOString() };
    report.aims = { ...(report.aims as object), 'web.public_lighthouse_performance': '>= 90', 'web.public_lcp_ms': '<= 2500' };
    await writeFile(file, JSON.stringify(report, null, 2) + '\n');
  }
}

// `npx tsx bench/web.bench.ts` runs this one alone; `-- --record` writes its figures into the results
if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await webBenches();
  if (process.argv.includes('--record')) await recordWeb(figures);
}
