// Lighthouse on the public pages a visitor lands on (home, the learn guide, the demo clinic's page),
// with its mobile defaults: an emulated phone on slow 4G with a CPU four times slower (simulated from
// an unthrottled load). Records the performance score and the paints per page. Lighthouse drives
// Debian's Chromium over its debugging port; nothing reaches the internet. It is a large package, so
// it is optional: `npm i --no-save lighthouse@12` (Node 20; 13 needs Node 22), or point
// DERMIS_LIGHTHOUSE at an installed copy's entry file; without it this part is skipped.
import { chromium } from 'playwright-core';
import { freePort, type RunningServer } from '../e2e/support/server.js';

export interface PageScore {
  performance: number;
  lcp_ms: number;
  fcp_ms: number;
  tbt_ms: number;
  cls: number;
  speed_index_ms: number;
}

export const PUBLIC_PAGES = { home: '/', learn: '/learn', clinic: '/clinics/glow' } as const;

interface LighthouseResult {
  lhr: {
    categories: { performance: { score: number | null } };
    audits: Record<string, { numericValue?: number }>;
    runtimeError?: { message: string };
  };
}
type Lighthouse = (url: string, flags: Record<string, unknown>) => Promise<LighthouseResult | undefined>;

/** Lighthouse's entry, or null when it is not installed. */
async function loadLighthouse(): Promise<Lighthouse | null> {
  try {
    const mod = (await import(process.env.DERMIS_LIGHTHOUSE ?? 'lighthouse')) as { default: Lighthouse };
    return mod.default;
  } catch {
    return null;
  }
}

/** Scores each public page (the median run of three by performance score) on a running server. */
export async function lighthouseBenches(
  server: RunningServer,
): Promise<Record<string, PageScore> | { skipped: string }> {
  const lighthouse = await loadLighthouse();
  if (!lighthouse) return { skipped: 'lighthouse is not installed (npm i --no-save lighthouse@12)' };
  const port = await freePort();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--remote-debugging-port=${port}`,
    ],
  });
  try {
    const scores: Record<string, PageScore> = {};
    for (const [name, path] of Object.entries(PUBLIC_PAGES)) {
      const runs: PageScore[] = [];
      for (let i = 0; i < 3; i++) {
        // Lighthouse now and then fails to record a trace (NO_NAVSTART): such a run is run again
        let result: LighthouseResult | undefined;
        for (let attempt = 0; attempt < 3 && (!result || result.lhr.runtimeError); attempt++) {
          result = await lighthouse(`${server.url}${path}`, {
            port,
            onlyCategories: ['performance'],
            output: 'json',
            logLevel: 'error',
          });
        }
        if (!result || result.lhr.runtimeError)
          throw new Error(
            `lighthouse failed on ${path}: ${result?.lhr.runtimeError?.message ?? 'no result'}`,
          );
        const lhr = result.lhr;
        const a = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN);
        runs.push({
          performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
          lcp_ms: a('largest-contentful-paint'),
          fcp_ms: a('first-contentful-paint'),
          tbt_ms: a('total-blocking-time'),
          cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN).toFixed(3)),
          speed_index_ms: a('speed-index'),
        });
      }
      runs.sort((x, y) => x.performance - y.performance);
      scores[name] = runs[1]!;
    }
    return scores;
  } finally {
    await browser.close();
  }
}
