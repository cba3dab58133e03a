// A phone booking at the desk, at desktop and phone width: the front desk adds a new client inline,
// taps a time, reads back the confirmation (client, service, date, time, provider, price, deposit),
// confirms, undoes, and books again; a reschedule asks first (old → new), then closes the picker.
// The client of an undone booking gets no email: only the second booking's confirmation arrives.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/suite.js';
import { DESKTOP, PHONE, seriousA11yViolations, shot } from './support/browser.js';
import { signIn } from './support/flows.js';
import { waitForMail } from '../tests/support/smtp.js';

const suite = browserSuite();

const freeTimes = (page: Page) => page.getByRole('group', { name: /Free times on/ }).getByRole('button');

async function openNewBooking(page: Page) {
  await page.getByRole('button', { name: 'New booking' }).click();
  await page.getByRole('dialog', { name: 'New booking' }).waitFor();
}

async function checkConfirmation(page: Page, name: string, label: string) {
  const confirm = page.getByRole('region', { name: 'Confirm the booking' });
  await confirm.waitFor();
  for (const row of ['Client', 'Service', 'Date', 'Time', 'Provider', 'Price', 'Deposit']) await confirm.getByRole('rowheader', { name: row, exact: true }).waitFor();
  await confirm.getByText(name).waitFor();
  await confirm.getByText('Microneedling consultation').waitFor();
  await confirm.getByText(/\d\d:\d\d \(America\/Chicago|\d\d:\d\d \(America\/Los Angeles|\d\d:\d\d \(/).waitFor();
  // the price and deposit come from the clinic's price list and deposit policy, in dollars
  await confirm.getByRole('cell', { name: /^(Free \(\$0\.00\)|\$\d[\d,]*\.\d\d)$/ }).waitFor();
  await confirm.getByRole('cell', { name: /^(None|\$\d[\d,]*\.\d\d, due now|None: paid from the package .*)$/ }).waitFor();
  const text = (await confirm.textContent()) ?? '';
  expect(text).not.toMatch(/cents|undefined|null|NaN/);
  await shot(page, `quick-booking-confirm-${label}`);
  expect(await seriousA11yViolations(page)).toEqual([]);
}

describe('quick phone booking at the desk', () => {
  for (const [label, device] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`adds a new client inline, confirms, undoes, books again and reschedules (${label})`, async () => {
      const ctx = await suite.browser.newContext(device);
      const page = await ctx.newPage();
      await signIn(page, suite.server.url, 'frontdesk@glow.example.com');
      // while the day's bookings are on their way the schedule says so, never "0 bookings"
      const slow = /\/api\/bookings\?/;
      await page.route(slow, async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      });
      await page.goto(`${suite.server.url}/console`);
      await page.getByRole('heading', { name: 'Schedule' }).waitFor();
      await page.getByText('Loading the day…').waitFor();
      expect(await page.getByRole('heading', { name: /\d+ bookings?/ }).count()).toBe(0);
      await page.getByRole('heading', { level: 2, name: / · \d+ bookings?$/ }).waitFor();
      await page.unroute(slow);
      const first = label === 'desktop' ? 'Ana' : 'Pia';
      const last = label === 'desktop' ? 'Quickbook' : 'Phonebook';
      const name = `${first} ${last}`;
      const email = `${first.toLowerCase()}.${last.toLowerCase()}@example.com`;

      // the phone call: type the name, add as a new client, phone (and email), a time, confirm
      await openNewBooking(page);
      await page.getByLabel('Client', { exact: true }).fill(name);
      await page.getByRole('button', { name: `Add “${name}” as a new client` }).click();
      await expect.poll(() => page.getByLabel('First name').inputValue()).toBe(first);
      expect(await page.getByLabel('Last name').inputValue()).toBe(last);
      await page.getByLabel('Phone').fill('+1 512 555 0188');
      await page.getByLabel('Email').fill(email);
      // a new client starts with the consultation
      await expect.poll(() => page.getByRole('combobox', { name: 'Service' }).inputValue()).toMatch(/Microneedling consultation/);
      await freeTimes(page).first().waitFor();
      await shot(page, `quick-booking-form-${label}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
      const time = (await freeTimes(page).first().textContent())!.trim();
      await freeTimes(page).first().click();
      // a tap on a time books nothing yet
      await checkConfirmation(page, name, label);
      await page.getByRole('region', { name: 'Confirm the booking' }).getByText(`${time} (`).waitFor();
      await page.getByRole('button', { name: 'Confirm booking' }).click();
      await page.getByRole('dialog', { name: 'New booking' }).waitFor({ state: 'detached' });

      // the notice offers undo; undo takes the booking off the schedule
      const block = page.getByRole('button', { name: new RegExp(`${time} ${name}`) });
      await block.waitFor();
      await page.getByText('Booked', { exact: true }).waitFor();
      await shot(page, `quick-booking-undo-notice-${label}`);
      await page.getByRole('button', { name: 'Undo' }).click();
      await page.getByText('Undone', { exact: true }).waitFor();
      await block.waitFor({ state: 'detached' });

      // book again: the client added on the first try is found by name this time
      await openNewBooking(page);
      await page.getByLabel('Client', { exact: true }).fill(last);
      await page.getByRole('listitem').filter({ hasText: name }).click();
      await page.getByText(`Client: ${name}`).waitFor();
      await page.getByRole('combobox', { name: 'Service' }).click();
      await page.getByRole('option', { name: /Microneedling consultation/ }).click();
      await freeTimes(page).first().waitFor();
      const again = (await freeTimes(page).first().textContent())!.trim();
      await freeTimes(page).first().click();
      await checkConfirmation(page, name, `${label}-again`);
      await page.getByRole('button', { name: 'Confirm booking' }).click();
      const booked = page.getByRole('button', { name: new RegExp(`${again} ${name}`) });
      await booked.waitFor();

      // reschedule: a time, then old → new, then the move closes the picker and offers undo
      await booked.click();
      const drawer = page.getByRole('dialog', { name: 'Microneedling consultation' });
      await drawer.getByRole('button', { name: 'Reschedule' }).click();
      const later = freeTimes(page).last();
      await later.waitFor();
      const newTime = (await later.textContent())!.trim();
      await later.click();
      const move = page.getByRole('region', { name: 'Move this visit?' });
      await move.getByText(new RegExp(`at ${again},`)).waitFor();
      await move.getByText(new RegExp(`at ${newTime},`)).waitFor();
      await shot(page, `quick-booking-reschedule-confirm-${label}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await move.getByRole('button', { name: 'Move the visit' }).click();
      await page.getByText('Visit moved', { exact: true }).waitFor();
      await drawer.getByText(new RegExp(`at ${newTime} \\(`)).waitFor();
      expect(await page.getByRole('group', { name: /Free times on/ }).count()).toBe(0);
      await expect.poll(() => drawer.getByRole('button', { name: 'Reschedule' }).count()).toBe(1);
      await shot(page, `quick-booking-moved-${label}`);

      if (label === 'desktop') {
        // once the held-back confirmation of the second booking goes out, the undone one never did
        await waitForMail(suite.mail, email, /moved|New time|confirmed/i, 90_000);
        const toClient = suite.mail.filter((m) => m.to.includes(email));
        expect(toClient.filter((m) => /Subject: Confirmed/.test(m.raw)).length).toBeLessThanOrEqual(1);
        expect(toClient.some((m) => /Subject: Cancelled/.test(m.raw))).toBe(false);
      }
      await ctx.close();
    }, 240_000);
  }
});
