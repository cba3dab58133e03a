// Steps many browser tests share: signing in, registering a client, and calling the API as a
// signed-in browser context for set-up that is not what the test is about.
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { passwordField } from './browser.js';
import type { Suite } from './suite.js';
import { waitForMail } from '../../tests/support/smtp.js';
import { totpFromUri } from '../../tests/support/totp.js';

export const DEMO_PASSWORD = 'demo-password-2026';

/** authenticator secrets of the people who set up two-step sign-in, per server */
const totpSecrets = new Map<string, string>();
const codeFor = (secret: string) => totpFromUri(`otpauth://totp/Dermis?secret=${secret}`);

/**
 * Signs in on screen as a person would. Owners and medical directors use two-step sign-in: the
 * first time, the console asks them to set it up (the test reads the key off the screen as an
 * authenticator app would); later sign-ins ask for the code.
 */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await passwordField(page).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const codePrompt = page.getByText('Enter the 6-digit code from your authenticator app.');
  await Promise.race([page.waitForURL(/\/(console|portal)/), codePrompt.waitFor()]);
  const key = `${baseUrl}|${email}`;
  if (await codePrompt.isVisible()) {
    await page.locator('.mantine-PinInput-input').first().click();
    await page.keyboard.type(await codeFor(totpSecrets.get(key)!));
    await page.waitForURL(/\/(console|portal)/);
  }
  // the server says whether the set-up is due (the page may still be drawing)
  const me = (await (await page.request.get(`${baseUrl}/api/me`)).json()) as { twoFactorSetupRequired?: boolean };
  if (me.twoFactorSetupRequired) {
    const setUp = page.getByRole('heading', { name: 'Set up two-step sign-in' });
    await setUp.waitFor();
    await page.getByLabel('Your password').fill(password);
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    const secret = (await page.locator('pre').first().textContent())!.trim();
    totpSecrets.set(key, secret);
    await page.locator('.mantine-PinInput-input').first().click();
    await page.keyboard.type(await codeFor(secret));
    await setUp.waitFor({ state: 'detached' });
  }
}

/**
 * Registers on screen, opens the confirmation link from the email the server sent (as the person
 * would from their mailbox), then signs in and lands in the portal.
 */
export async function registerClient(page: Page, suite: Suite, first: string, last: string, email: string, password = 'a-long-password-2026') {
  const baseUrl = suite.server.url;
  await page.goto(`${baseUrl}/register`);
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Email').fill(email);
  await passwordField(page).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  await page.goto(await confirmationLink(suite, email));
  await page.getByText('Your email is confirmed').waitFor();
  await signIn(page, baseUrl, email, password);
}

/** The confirmation link in the newest email to `email` (the worker delivers within seconds). */
export async function confirmationLink(suite: Suite, email: string): Promise<string> {
  const text = await waitForMail(suite.mail, email, /verify-email\?token=/);
  return /(http\S+\/verify-email\?token=[A-Za-z0-9_-]+)/.exec(text)![1]!;
}

/** The API through a browser context's cookies (same origin, so the CSRF check passes). */
export function apiOf(ctx: BrowserContext, baseUrl: string) {
  const headers = { origin: baseUrl };
  const call = async (method: 'get' | 'post' | 'put', path: string, data?: unknown) => {
    const res = await ctx.request[method](`${baseUrl}${path}`, { headers, ...(data !== undefined ? { data } : {}) });
    expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as Record<string, unknown>;
  };
  return {
    get: (path: string) => call('get', path),
    post: (path: string, data: unknown) => call('post', path, data),
    put: (path: string, data: unknown) => call('put', path, data),
    /** signs in through the API; two-step sign-in is set up or answered as signIn does on screen */
    signIn: async (email: string, password = DEMO_PASSWORD) => {
      const res = await ctx.request.post(`${baseUrl}/api/auth/sign-in/email`, { headers, data: { email, password } });
      expect(res.status()).toBe(200);
      const key = `${baseUrl}|${email}`;
      if (((await res.json()) as { twoFactorRedirect?: boolean }).twoFactorRedirect) {
        const code = await codeFor(totpSecrets.get(key)!);
        expect((await ctx.request.post(`${baseUrl}/api/auth/two-factor/verify-totp`, { headers, data: { code } })).status()).toBe(200);
        return;
      }
      const me = (await (await ctx.request.get(`${baseUrl}/api/me`)).json()) as { twoFactorSetupRequired: boolean };
      if (!me.twoFactorSetupRequired) return;
      const enable = await ctx.request.post(`${baseUrl}/api/auth/two-factor/enable`, { headers, data: { password } });
      const { totpURI } = (await enable.json()) as { totpURI: string };
      totpSecrets.set(key, new URL(totpURI).searchParams.get('secret')!);
      expect((await ctx.request.post(`${baseUrl}/api/auth/two-factor/verify-totp`, { headers, data: { code: await totpFromUri(totpURI) } })).status()).toBe(200);
    },
  };
}

/** A drawn signature for API set-up: a small black PNG as a data URL. */
export async function signaturePng() {
  const sharp = (await import('sharp')).default;
  const png = await sharp({ create: { width: 80, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } }).png().toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

/**
 * Makes a registered client ready for pen microneedling on `date` through the API: answers that
 * clear, a screening, the risks acknowledged and the treatment consent signed. Tests whose subject
 * is not the clinical path use it; the clinical browser tests walk these steps on screen.
 */
export async function makeReadyForPen(client: ReturnType<typeof apiOf>, clientId: string, opts: { date: string; areas: string[]; concern: string; dateOfBirth: string }) {
  const today = new Date().toISOString().slice(0, 10);
  await client.post(`/api/clients/${clientId}/intake`, {
    answeredOn: today, dateOfBirth: opts.dateOfBirth, pregnant: false, breastfeeding: false, conditions: [], medications: [], procedures: [], implants: [], allergies: [], clearances: [], concerns: [opts.concern],
  });
  await client.post(`/api/clients/${clientId}/screenings`, { plan: { modality: 'pen', areas: opts.areas, date: opts.date } });
  await client.post(`/api/clients/${clientId}/risk-acknowledgements`, { modality: 'pen', summaryVersion: '2026.11.1' });
  const preview = (await client.get(`/api/clients/${clientId}/consents/preview?kind=treatment&modality=pen`)) as { documentHash: string; clientName: string };
  await client.post(`/api/clients/${clientId}/consents`, { kind: 'treatment', modality: 'pen', signedName: preview.clientName, signaturePng: await signaturePng(), documentHash: preview.documentHash, agree: true });
}
