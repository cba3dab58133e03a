// A new visitor registers and lands in the client portal; a provider signs in to the console.
// Runs the built server (as `npm start` does) and Debian's Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startBuiltServer, type RunningServer } from './support/server.js';
import { DESKTOP, launch, passwordField, PHONE, seriousA11yViolations, shot } from './support/browser.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startBuiltServer();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('foundation in the browser', () => {
  it('a new visitor opens the home page, registers on a phone, signs in and sees the portal', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await ctx.newPage();
    await page.goto(server.url);
    await shot(page, 'home-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /create account/i }).first().click();
    await page.getByLabel('First name').fill('Riley');
    await page.getByLabel('Last name').fill('Newcomer');
    await page.getByLabel('Email').fill('riley@example.com');
    await passwordField(page).fill('riley-password-2026');
    await shot(page, 'register-phone');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/portal/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toContain('Welcome');
    await shot(page, 'portal-home-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await ctx.close();
  });

  it('a provider signs in and sees the console', async () => {
    const ctx = await browser.newContext(DESKTOP);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill('nurse@glow.example.com');
    await passwordField(page).fill('demo-password-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/console/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toContain('Schedule');
    await shot(page, 'console-schedule');
    await page.goto(`${server.url}/console/clients`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toContain('Clients');
    await page.getByText('Martinez').first().waitFor();
    await shot(page, 'console-clients');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await ctx.close();
  });

  it('the console works at phone width', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill('frontdesk@glow.example.com');
    await passwordField(page).fill('demo-password-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/console/);
    await page.goto(`${server.url}/console/clients`);
    await page.getByText('Martinez').first().waitFor();
    await shot(page, 'console-clients-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await ctx.close();
  });
});
