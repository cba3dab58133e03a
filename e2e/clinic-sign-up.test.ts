// A new owner starts a clinic on the public page, confirms the email from the message in their
// mailbox, sets up two-step sign-in at the first sign-in, lands on the set-up checklist and completes
// steps, watching the progress move. On a desktop and on a phone; axe on every screen.
// A server without the demo: the clinic made here is the only one.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/suite.js';
import { signIn } from './support/flows.js';
import { DESKTOP, passwordField, PHONE, seriousA11yViolations, shot } from './support/browser.js';
import { waitForMail } from '../tests/support/smtp.js';

const suite = browserSuite({ DERMIS_SEED_DEMO: 'never' });
/** heading order and landmarks too, as axe-all-pages.test.ts checks every page */
const STRUCTURE = ['heading-order', 'landmark-no-duplicate-banner', 'landmark-unique', 'page-has-heading-one'];
const axe = (page: Page) => seriousA11yViolations(page, STRUCTURE);
const PASSWORD = 'lumen-owner-password-2026';

/** Picks an option of a searchable Mantine select by typing part of it. */
async function choose(page: Page, label: string, typed: string, option: string) {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function fillSignUp(page: Page, v: { clinic: string; owner: string; email: string; location: string; address: string; zone: [string, string]; state: [string, string] }) {
  await page.goto(`${suite.server.url}/start`);
  await page.getByRole('heading', { name: 'Start your clinic on Dermis' }).waitFor();
  await page.getByLabel('Clinic name').fill(v.clinic);
  await page.getByLabel('Location name').fill(v.location);
  await choose(page, 'State', v.state[0], v.state[1]);
  await page.getByLabel('Address').fill(v.address);
  await choose(page, 'Time zone', v.zone[0], v.zone[1]);
  await page.getByLabel('Your name').fill(v.owner);
  await page.getByLabel('Email').fill(v.email);
  await passwordField(page).fill(PASSWORD);
}

async function confirmLink(email: string) {
  const text = await waitForMail(suite.mail, email, /start\/confirm\?token=/);
  return /(http\S+\/start\/confirm\?token=[A-Za-z0-9_-]+)/.exec(text)![1]!;
}

const progress = (page: Page, done: number) => page.getByText(`${done} of 8 steps done`).waitFor();

describe('clinic sign-up in the browser', () => {
  it('on a desktop: signs up, confirms the email, sets up two-step sign-in, lands on the checklist and completes steps', async () => {
    const ctx = await suite.browser.newContext(DESKTOP);
    const page = await ctx.newPage();
    const email = 'rosa@lumen.example.com';
    await fillSignUp(page, { clinic: 'Lumen Skin Clinic', owner: 'Rosa Alvarez', email, location: 'Downtown', address: '400 Congress Ave, Austin, TX 78701', zone: ['Chicago', 'America/Chicago'], state: ['Texas', 'Texas (TX)'] });
    expect(await axe(page)).toEqual([]);
    await shot(page, 'clinic-sign-up-form');
    await page.getByRole('button', { name: 'Create my clinic' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await expect.poll(() => page.getByText(email).count()).toBeGreaterThan(0);
    await shot(page, 'clinic-sign-up-check-email');

    // a link that is not (or no longer) valid says so
    await page.goto(`${suite.server.url}/start/confirm?token=not-a-real-token-0123456789`);
    await page.getByText('This confirmation link is not valid or has expired', { exact: false }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.goto(await confirmLink(email));
    await page.getByText('Your email is confirmed').waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'clinic-sign-up-confirmed');

    // the first sign-in asks for two-step sign-in; then the owner lands on the checklist
    await signIn(page, suite.server.url, email, PASSWORD);
    await page.waitForURL(/\/console\/setup$/);
    await page.getByRole('heading', { name: 'Set up Lumen Skin Clinic' }).waitFor();
    await progress(page, 0);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'clinic-setup-checklist');

    // the consent documents: read, then confirmed
    await page.getByRole('link', { name: 'Set up consent documents' }).click();
    await page.getByRole('heading', { name: 'Consent documents' }).waitFor();
    await page.getByRole('button', { name: 'Consent to automated pen microneedling' }).click();
    await page.getByText('This treatment uses an automated pen').waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'clinic-setup-consents');
    await page.getByRole('button', { name: 'I have read them: use these documents' }).click();
    await page.waitForURL(/\/console\/setup$/);
    await progress(page, 1);
    await expect.poll(() => page.getByRole('listitem', { name: /Consent documents, done/ }).count()).toBe(1);

    // a treatment room, through the scheduling settings the step links to
    await page.getByRole('link', { name: 'Set up treatment rooms' }).click();
    await page.waitForURL(/tab=scheduling/);
    await page.getByLabel('New room').fill('Room 1');
    await page.getByRole('button', { name: 'Add room' }).click();
    await page.getByText('Room 1', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Clinic set-up' }).click();
    await progress(page, 2);
    await page.mouse.move(0, 0);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'clinic-setup-progress');
    await ctx.close();
  }, 180_000);

  it('on a phone: the console waits for the confirmed email, then the checklist; online booking switched on shows as done', async () => {
    const ctx = await suite.browser.newContext(PHONE);
    const page = await ctx.newPage();
    const email = 'sam@aspen.example.com';
    await fillSignUp(page, { clinic: 'Aspen Aesthetics', owner: 'Sam Brooks', email, location: 'Cherry Creek', address: '3000 E 1st Ave, Denver, CO 80206', zone: ['Denver', 'America/Denver'], state: ['Colorado', 'Colorado (CO)'] });
    await shot(page, 'clinic-sign-up-form-phone');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create my clinic' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();

    // signed in before confirming: the console shows only how to confirm
    await page.goto(`${suite.server.url}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await passwordField(page).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/console/);
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await page.getByText('your clinic opens as soon as you do', { exact: false }).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'clinic-confirm-email-gate-phone');

    await page.goto(await confirmLink(email));
    await page.getByText('Your email is confirmed').waitFor();
    await signIn(page, suite.server.url, email, PASSWORD);
    await page.waitForURL(/\/console\/setup$/);
    await page.getByRole('heading', { name: 'Set up Aspen Aesthetics' }).waitFor();
    await progress(page, 0);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'clinic-setup-checklist-phone');

    await page.getByRole('link', { name: 'Set up online booking' }).click();
    await page.waitForURL(/tab=locations/);
    await page.getByText('Time zone America/Denver · State CO', { exact: false }).waitFor();
    // the switch turns once the server has it (a controlled input): click, then wait
    await page.getByRole('switch', { name: 'Take online bookings' }).click({ force: true });
    await expect.poll(() => page.getByRole('switch', { name: 'Take online bookings' }).isChecked()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'clinic-online-booking-phone');
    await page.goto(`${suite.server.url}/console/setup`);
    await progress(page, 1);
    await expect.poll(() => page.getByRole('listitem', { name: /Online booking, done/ }).count()).toBe(1);
    await shot(page, 'clinic-setup-progress-phone');
    // now clients find it
    const listed = (await (await page.request.get(`${suite.server.url}/api/public/organizations`)).json()) as { items: { name: string }[] };
    expect(listed.items.map((o) => o.name)).toEqual(['Aspen Aesthetics']);
    await ctx.close();
  }, 180_000);
});
