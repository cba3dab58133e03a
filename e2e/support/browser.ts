// Debian's Chromium driven by playwright-core; never a downloaded browser. Flags keep it off the
// network (this machine has none) and make it run as root in a container.
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const SCREENSHOTS = path.resolve('test-results/screenshots');

export async function launch(): Promise<Browser> {
  await mkdir(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

// People use the demo clinic from Austin: their browsers keep Central time, so "today" on a screen
// is the clinic's today whatever the hour in UTC (a run after 18:00 in Austin is the next day in UTC).
const CLINIC_ZONE = { timezoneId: 'America/Chicago', locale: 'en-US' };
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, ...CLINIC_ZONE };
export const DESKTOP = { viewport: { width: 1280, height: 800 }, ...CLINIC_ZONE };

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html?: string; failureSummary?: string }[];
}

/** Runs axe-core in the page and returns the serious and critical violations. */
/** `alsoRules`: rule ids reported whatever their impact (one axe run covers both). */
export async function seriousA11yViolations(page: Page, alsoRules: readonly string[] = []): Promise<AxeViolation[]> {
  // evaluated through DevTools, so the page's strict CSP (no inline scripts) does not block it
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const g = globalThis as unknown as { axe: { run: (ctx: unknown, opts: object) => Promise<{ violations: AxeViolation[] }> }; document: unknown };
    return g.axe.run(g.document, { resultTypes: ['violations'] });
  });
  // compact, so a failure reads as a list of rule ids and elements
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || alsoRules.includes(v.id))
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) }));
}

/** The password input: Mantine adds " *" to required labels and a show/hide toggle beside it. */
export function passwordField(page: Page) {
  return page.locator('input[type="password"]').and(page.getByLabel(/^Password/));
}
