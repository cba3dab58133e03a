// At the desk and the chair (issue 13, items 3 to 5) in the browser: the front desk sees at check-in
// which consents are missing and hands the clinic tablet to the client for one document; the tablet
// shows only that document and locks after signing; the chart's photos open once the photo consent is
// signed; the medical director co-signs from the chart with a typed name; and a visit on another day
// cannot be checked in early (the medical director may, with a reason).
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { BrowserContext, Page } from 'playwright-core';
import { browserSuite } from './support/suite.js';
import { slotsOf, type CompactAvailability } from '../tests/support/free-slots.js';
import { clinicMorning, nextWeekday } from './support/clock.js';
import { DESKTOP, PHONE, seriousA11yViolations, shot } from './support/browser.js';
import { apiOf, registerClient, signIn } from './support/flows.js';

// the server's today is the visit's day; the second visit is on the following weekday
const day = nextWeekday();
const suite = browserSuite(clinicMorning(day));
const TABLET = { viewport: { width: 820, height: 1180 }, timezoneId: 'America/Chicago', locale: 'en-US' };
const nextDay = (() => {
  const d = new Date(`${day}T12:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
})();
const longDate = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** Draws a signature with the mouse (tablet) or a finger (phone, via DevTools touch events). */
async function drawSignature(ctx: BrowserContext, page: Page, touch: boolean) {
  const canvas = page.getByRole('img', { name: 'Signature drawing area' });
  await canvas.scrollIntoViewIfNeeded();
  const pad = (await canvas.boundingBox())!;
  if (!touch) {
    await page.mouse.move(pad.x + 20, pad.y + 60);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(pad.x + 20 + i * 10, pad.y + 60 + Math.round(25 * Math.sin(i / 3)));
    await page.mouse.up();
    return;
  }
  const cdp = await ctx.newCDPSession(page);
  const at = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: pad.x + x, y: pad.y + y }] });
  await at('touchStart', 20, 60);
  for (let i = 1; i <= 20; i++) await at('touchMove', 20 + i * 10, 60 + Math.round(25 * Math.sin(i / 3)));
  await at('touchEnd', 220, 60);
}

/** The client signs the one document on the tablet page and gets the locked screen. */
async function signOnTablet(ctx: BrowserContext, page: Page, title: string, touch: boolean) {
  await page.getByRole('heading', { name: title }).waitFor();
  // only the document: no console navigation, no other client
  expect(await page.getByRole('navigation').count()).toBe(0);
  expect(await page.getByText('Schedule').count()).toBe(0);
  await page.getByLabel('Type your full name').fill('Avery Quinn');
  await drawSignature(ctx, page, touch);
  await page.getByLabel(/I have read this document/).check();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await page.getByText('Please hand the tablet back to the staff.').waitFor();
}

async function openBooking(page: Page, date: string, time: string) {
  await page.goto(`${suite.server.url}/console`);
  await page.getByLabel('Date', { exact: true }).fill(date);
  await page.getByRole('button', { name: new RegExp(`${time} Avery Quinn`) }).click();
}

describe('at the desk and the chair', () => {
  it('hands the tablet over for missing consents, unlocks photos, co-signs from the chart, refuses early check-in', async () => {
    // set-up through the API: a client cleared for pen treatment who has signed no consent yet
    const clientCtx = await suite.browser.newContext(PHONE);
    await registerClient(await clientCtx.newPage(), suite, 'Avery', 'Quinn', 'avery.quinn@example.com');
    const client = apiOf(clientCtx, suite.server.url);
    const me = (await client.get('/api/me')) as { clientId: string };
    await client.post(`/api/clients/${me.clientId}/intake`, { answeredOn: new Date().toISOString().slice(0, 10), dateOfBirth: '1990-04-04', pregnant: false, breastfeeding: false, conditions: [], medications: [], procedures: [], implants: [], allergies: [], clearances: [], concerns: ['fine_lines'] });
    await client.post(`/api/clients/${me.clientId}/screenings`, { plan: { modality: 'pen', areas: ['cheeks'], date: day } });
    await client.post(`/api/clients/${me.clientId}/risk-acknowledgements`, { modality: 'pen', summaryVersion: '2026.11.1' });
    await clientCtx.close();

    const deskApiCtx = await suite.browser.newContext(DESKTOP);
    const deskApi = apiOf(deskApiCtx, suite.server.url);
    await deskApi.signIn('frontdesk@glow.example.com');
    const org = (await deskApi.get('/api/organization')) as { locations: { id: string; name: string }[] };
    const austin = org.locations.find((l) => l.name.startsWith('Austin'))!;
    const services = (await deskApi.get('/api/services')) as { items: { id: string; code: string }[] };
    const pen = services.items.find((s) => s.code === 'pen_face')!;
    const consultation = services.items.find((s) => s.code === 'consultation')!;
    const setup = (await deskApi.get(`/api/locations/${austin.id}/scheduling-setup`)) as { providers: { id: string; name: string }[]; devices: { id: string; modality: string }[] };
    const nurse = setup.providers.find((p) => p.name === 'Nina Park')!;
    const book = async (serviceId: string, date: string) => {
      const avail = slotsOf((await deskApi.get(`/api/locations/${austin.id}/availability?serviceId=${serviceId}&from=${date}&to=${date}&providerId=${encodeURIComponent(nurse.id)}`)) as unknown as CompactAvailability);
      const slot = avail.find((s) => s.localTime >= '10:00') ?? avail[0]!;
      const b = (await deskApi.post('/api/bookings', { locationId: austin.id, serviceId, clientId: me.clientId, start: slot.start, providerId: nurse.id, idempotencyKey: `in-clinic-${serviceId}-${date}` })) as { id: string };
      return { id: b.id, time: slot.localTime };
    };
    const visit = await book(pen.id, day);
    const later = await book(consultation.id, nextDay);

    // the nurse at the chair: photos are blocked, and the block offers the tablet hand-off
    const nurseCtx = await suite.browser.newContext(DESKTOP);
    const np = await nurseCtx.newPage();
    await signIn(np, suite.server.url, 'nurse@glow.example.com');
    await np.goto(`${suite.server.url}/console/bookings/${visit.id}/chart`);
    const noPhotoConsent = np.getByRole('status').filter({ hasText: 'No consent to clinical photographs' });
    await noPhotoConsent.waitFor();
    await noPhotoConsent.getByRole('button', { name: 'Sign on the clinic tablet' }).waitFor();
    await shot(np, 'in-clinic-chart-photos-blocked');

    // the front desk on the clinic tablet: check-in lists the missing consents
    const deskCtx = await suite.browser.newContext(TABLET);
    const dp = await deskCtx.newPage();
    await signIn(dp, suite.server.url, 'frontdesk@glow.example.com');
    await openBooking(dp, day, visit.time);
    const drawer = dp.getByRole('dialog', { name: 'Pen microneedling, full face' });
    await drawer.getByText('Consent to automated pen microneedling').waitFor();
    await drawer.getByText('Not signed').first().waitFor();
    expect(await drawer.getByText('Not signed').count()).toBe(2);
    await shot(dp, 'in-clinic-check-in-missing-consents');
    expect(await seriousA11yViolations(dp)).toEqual([]);
    // hand over this device for the treatment consent: the staff session ends first
    await drawer.getByRole('button', { name: 'Sign on the clinic tablet' }).first().click();
    await dp.getByRole('dialog', { name: 'Sign in the clinic' }).getByRole('button', { name: 'Hand over this device' }).click();
    await dp.waitForURL(/\/sign\/[A-Za-z0-9_-]{43}$/);
    expect(((await (await dp.request.get(`${suite.server.url}/api/me`)).json()) as { user?: unknown }).user ?? null).toBeNull();
    await signOnTablet(deskCtx, dp, 'Consent to automated pen microneedling', false);
    await shot(dp, 'in-clinic-locked');
    // going back shows nothing of the console: the session is gone (back leads to a blank page or sign-in)
    await dp.goBack({ waitUntil: 'commit' }).catch(() => null);
    await expect.poll(() => dp.url(), { timeout: 15_000 }).toMatch(/^about:blank$|\/sign-in|\/sign\//);
    await shot(dp, 'in-clinic-after-back');
    expect(await dp.getByText('Avery Quinn').count()).toBe(0);

    // staff unlock by signing in again; the treatment consent shows as signed in the clinic
    await signIn(dp, suite.server.url, 'frontdesk@glow.example.com');
    await openBooking(dp, day, visit.time);
    await drawer.getByText(/signed .* in the clinic/).waitFor();
    // the photo consent goes to another tablet through its link (no session there)
    await drawer.getByRole('button', { name: 'Sign on the clinic tablet' }).click();
    const handoff = dp.getByRole('dialog', { name: 'Sign in the clinic' });
    await handoff.getByRole('button', { name: 'Use another tablet' }).click();
    const link = await handoff.getByLabel('Open this link on the clinic tablet').inputValue();
    expect(link).toMatch(/\/sign\/[A-Za-z0-9_-]{43}$/);
    const tabletCtx = await suite.browser.newContext(PHONE);
    const tp = await tabletCtx.newPage();
    await tp.goto(link);
    await signOnTablet(tabletCtx, tp, 'Consent to clinical photographs', true);
    await shot(tp, 'in-clinic-locked-phone');
    // the link is spent
    await tp.goto(link);
    await tp.getByText('This signing link has expired or was already used').waitFor();
    await tabletCtx.close();

    // both consents signed: check in
    await openBooking(dp, day, visit.time);
    await expect.poll(() => drawer.getByText('Not signed').count()).toBe(0);
    await drawer.getByLabel(/health answers are unchanged/).check();
    await drawer.getByRole('button', { name: 'Check in', exact: true }).click();
    await drawer.getByText('Checked in').first().waitFor();

    // the nurse: photos are allowed now
    await np.reload();
    await np.getByRole('heading', { name: 'Photos' }).waitFor();
    expect(await np.getByText('No consent to clinical photographs').count()).toBe(0);
    const face = await sharp({ create: { width: 600, height: 800, channels: 3, background: { r: 210, g: 160, b: 150 } } }).jpeg().toBuffer();
    await np.locator('input[type="file"]').first().setInputFiles({ name: 'before.jpg', mimeType: 'image/jpeg', buffer: face });
    await np.getByRole('img', { name: /before/i }).first().waitFor();
    // the consent record says it was signed in the clinic, witnessed by the front desk
    const nurseApi = apiOf(nurseCtx, suite.server.url);
    const consents = (await nurseApi.get(`/api/clients/${me.clientId}/consents`)) as { items: { kind: string; method: string; witnessedBy: string | null }[] };
    expect(consents.items.map((c) => [c.kind, c.method])).toEqual(expect.arrayContaining([['treatment', 'in_clinic'], ['photo_clinical', 'in_clinic']]));
    expect(consents.items.every((c) => c.witnessedBy !== null)).toBe(true);

    // the nurse signs the chart (through the API; the treatment test walks the chart on screen)
    const ownerCtx = await suite.browser.newContext(DESKTOP);
    const ownerApi = apiOf(ownerCtx, suite.server.url);
    await ownerApi.signIn('owner@glow.example.com');
    const lot = (await ownerApi.post(`/api/locations/${austin.id}/lots`, { manufacturer: 'Crown Aesthetics', product: 'SkinPen cartridge', lotNumber: 'SP-INCLINIC-1', expiresOn: '2030-01-31' })) as { id: string };
    const device = setup.devices.find((d) => d.modality === 'pen')!;
    await nurseApi.put(`/api/bookings/${visit.id}/chart`, {
      chart: { checklist: { skinCleansed: true, beforePhotosBeforeNumbing: true, numbingApplied: false }, deviceId: device.id, lotIds: [lot.id], numbing: null, areas: [{ area: 'cheeks', depthMm: 1, passes: 2 }], products: [], endPoint: 'Uniform erythema' },
      sign: true,
      signedName: 'Nina Park',
    });

    // the medical director, on a phone: the list only opens the chart; co-signing is on the chart, typed
    const mdCtx = await suite.browser.newContext(PHONE);
    const md = await mdCtx.newPage();
    await signIn(md, suite.server.url, 'director@glow.example.com');
    await md.goto(`${suite.server.url}/console/reviews`);
    await md.getByRole('heading', { name: 'Charts to co-sign' }).waitFor();
    expect(await md.getByRole('button', { name: 'Co-sign', exact: true }).count()).toBe(0);
    await md.locator('li', { hasText: 'Avery Quinn' }).getByRole('link', { name: 'Open chart to co-sign' }).click();
    await md.getByRole('heading', { name: 'Procedure chart' }).waitFor();
    const cosign = md.getByRole('region', { name: 'Co-sign this chart' });
    await cosign.getByRole('button', { name: 'Co-sign chart' }).click();
    await cosign.getByText('Type your full name to co-sign').waitFor();
    await cosign.getByLabel('Type your full name to sign').fill('Someone Else');
    await cosign.getByRole('button', { name: 'Co-sign chart' }).click();
    await cosign.getByRole('alert').waitFor();
    await cosign.getByLabel('Type your full name to sign').fill('dr. maya reyes');
    await shot(md, 'in-clinic-cosign-phone');
    expect(await seriousA11yViolations(md)).toEqual([]);
    await cosign.getByRole('button', { name: 'Co-sign chart' }).click();
    await md.getByText(/Co-signed by Dr\. Maya Reyes/).waitFor();

    // a visit on the next weekday: the desk is told before the click, and has no check-in button
    const deskDesktop = await suite.browser.newContext(DESKTOP);
    const dd = await deskDesktop.newPage();
    await signIn(dd, suite.server.url, 'frontdesk@glow.example.com');
    await openBooking(dd, nextDay, later.time);
    await dd.getByText(`This visit is on ${longDate(nextDay)}; check in on that day.`).waitFor();
    expect(await dd.getByRole('button', { name: 'Check in', exact: true }).count()).toBe(0);
    expect(await dd.getByRole('button', { name: 'Check in anyway' }).count()).toBe(0);
    await shot(dd, 'in-clinic-early-check-in');
    // the medical director may, with a reason
    await openBooking(md, nextDay, later.time);
    await md.getByText(`This visit is on ${longDate(nextDay)}; check in on that day.`).waitFor();
    const anyway = md.getByRole('button', { name: 'Check in anyway' });
    expect(await anyway.isDisabled()).toBe(true);
    await md.getByLabel('Reason for checking in on another day').fill('Client came a day early; same plan, confirmed by phone');
    await shot(md, 'in-clinic-check-in-anyway-phone');
    await anyway.click();
    await md.getByRole('dialog', { name: 'Microneedling consultation' }).getByText('Checked in').first().waitFor();

    for (const c of [deskApiCtx, nurseCtx, deskCtx, ownerCtx, mdCtx, deskDesktop]) await c.close();
  }, 420_000);
});
