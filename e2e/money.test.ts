// Money and reputation in the browser: the desk sells a new client a 3-session package, taking a
// deposit toward it; the client books the first session on the phone (covered by the package) and
// sees two remaining; the owner sees the sale in the revenue report; after the session and its
// day-7 check-in the client reviews it, the desk publishes it, and it appears on the provider's
// public page.
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.js';
import { clinicMorning, nextWeekday } from './support/clock.js';
import { DESKTOP, PHONE, seriousA11yViolations, shot } from './support/browser.js';
import { apiOf, makeReadyForPen, registerClient, signIn } from './support/flows.js';

// the server's today is a weekday morning, so the first time offered is today and the desk may check in
const day = nextWeekday();
const suite = browserSuite(clinicMorning(day));

describe('money and reputation in the browser', () => {
  it('package with a deposit, booking drawn from it, revenue report, published review on the provider page', async () => {
    // a new client, ready for pen treatment (the clinical steps have their own browser tests)
    const clientCtx = await suite.browser.newContext(PHONE);
    const cp = await clientCtx.newPage();
    await registerClient(cp, suite, 'Robin', 'Hale', 'robin.hale@example.com');
    const client = apiOf(clientCtx, suite.server.url);
    const me = (await client.get('/api/me')) as { clientId: string };
    await makeReadyForPen(client, me.clientId, { date: day, areas: ['cheeks'], concern: 'acne_scars', dateOfBirth: '1989-02-02' });

    // the desk sells the package, taking $300 toward it
    const deskCtx = await suite.browser.newContext(DESKTOP);
    const dp = await deskCtx.newPage();
    await signIn(dp, suite.server.url, 'frontdesk@glow.example.com');
    await dp.goto(`${suite.server.url}/console/clients/${me.clientId}`);
    await dp.getByRole('tab', { name: 'Billing', exact: true }).click();
    await dp.getByRole('button', { name: 'Sell a package' }).click();
    await dp.getByLabel('Package', { exact: true }).first().click();
    await dp.getByRole('option', { name: /Pen microneedling.*3 sessions/i }).first().click();
    await dp.getByLabel('Amount taken now').fill('300');
    await dp.getByLabel('Payment method', { exact: true }).first().click();
    await dp.getByRole('option', { name: 'Card (terminal)' }).click();
    await shot(dp, 'sell-package');
    await dp.getByRole('button', { name: 'Sell package' }).click();
    await dp.getByText('3 of 3 sessions remaining').first().waitFor();
    await shot(dp, 'client-billing');
    expect(await seriousA11yViolations(dp)).toEqual([]);

    // the client books the first session on the phone: the package covers it, no deposit
    await cp.goto(`${suite.server.url}/portal/book`);
    await cp.getByText('Pen microneedling, full face').click();
    await cp.getByText(/Covered by your package/).first().waitFor();
    await cp.getByRole('button', { name: 'Next' }).click();
    const firstTime = cp.getByRole('group', { name: /Free times on/ }).getByRole('button').first();
    await firstTime.waitFor();
    await firstTime.click();
    await cp.getByRole('button', { name: 'Confirm booking' }).click();
    await cp.getByText('Booked', { exact: true }).waitFor();
    await cp.goto(`${suite.server.url}/portal/care`);
    await cp.getByText('2 of 3 sessions remaining').first().waitFor();
    await shot(cp, 'portal-packages-phone');
    expect(await seriousA11yViolations(cp)).toEqual([]);

    // the owner sees the sale in the revenue report
    const ownerCtx = await suite.browser.newContext(DESKTOP);
    const op = await ownerCtx.newPage();
    await signIn(op, suite.server.url, 'owner@glow.example.com');
    await op.goto(`${suite.server.url}/console/reports`);
    await op.getByRole('tab', { name: 'Revenue' }).click();
    // the demo has months of sales: the owner narrows the report to the day of the sale
    await op.getByLabel('To', { exact: true }).fill(day);
    await op.getByLabel('From', { exact: true }).fill(day);
    await op.getByRole('cell', { name: 'Robin H.' }).first().waitFor();
    await op.mouse.move(700, 500);
    await shot(op, 'revenue-report');
    expect(await seriousA11yViolations(op)).toEqual([]);

    // the session happens (through the API: the chart has its own browser test) ...
    const bookings = (await client.get(`/api/clients/${me.clientId}/bookings`)) as { items: { id: string; status: string; provider: { id: string; name: string }; location: { id: string }; device: { id: string } | null }[] };
    const visit = bookings.items.find((b) => b.status === 'confirmed')!;
    const desk = apiOf(deskCtx, suite.server.url);
    await desk.post(`/api/bookings/${visit.id}/check-in`, { answersConfirmed: true });
    const owner = apiOf(ownerCtx, suite.server.url);
    const lot = (await owner.post(`/api/locations/${visit.location.id}/lots`, { manufacturer: 'Crown', product: 'SkinPen cartridge', lotNumber: 'SP-MONEY-1', expiresOn: '2030-01-31' })) as { id: string };
    const providerCtx = await suite.browser.newContext(DESKTOP);
    const provider = apiOf(providerCtx, suite.server.url);
    const providerEmail = { 'Nina Park': 'nurse@glow.example.com', 'Dr. Maya Reyes': 'director@glow.example.com', 'Sam Lee': 'np@glow.example.com', 'Jess Cole': 'esthetician@glow.example.com' }[visit.provider.name]!;
    await provider.signIn(providerEmail);
    await provider.put(`/api/bookings/${visit.id}/chart`, {
      sign: true, signedName: visit.provider.name,
      chart: {
        checklist: { skinCleansed: true, beforePhotosBeforeNumbing: true, numbingApplied: true }, deviceId: visit.device!.id, lotIds: [lot.id],
        numbing: { product: 'Lidocaine 4% cream', amount: '2 g', area: 'cheeks', onAt: '09:40', offAt: '10:00' },
        areas: [{ area: 'cheeks', depthMm: 1, passes: 3 }], products: [{ name: 'Hyaluronic acid serum', approvedForDevice: true }], endPoint: 'Uniform erythema',
      },
    });
    // ... and the client answers the day-7 check-in
    const care = (await client.get(`/api/clients/${me.clientId}/aftercare`)) as { journeys: { id: string; checkIns: { id: string; day: number }[] }[] };
    const journey = care.journeys[0]!;
    await client.post(`/api/aftercare/${journey.id}/reports`, { symptoms: [], checkInId: journey.checkIns.find((c) => c.day === 7)!.id });

    // the client reviews the visit
    await cp.goto(`${suite.server.url}/portal/care`);
    // a tap on the fifth star (the radio inputs themselves have no size; their labels are the stars)
    const five = await cp.getByRole('radio', { name: /^5 stars/ }).first().getAttribute('id');
    await cp.locator(`label[for="${five}"]`).click();
    await expect.poll(() => cp.getByRole('radio', { name: /5 stars/ }).first().isChecked()).toBe(true);
    await cp.getByLabel('Your review (optional)').fill('Calm, careful and clear about aftercare. My scars look softer already.');
    await cp.getByRole('button', { name: 'Send review' }).click();
    await cp.getByText(/Thank you/).first().waitFor();

    // the desk publishes it
    await dp.goto(`${suite.server.url}/console/client-reviews`);
    await dp.getByText(/My scars look softer already/).waitFor();
    // the demo's own reviews of last week wait here too: publish this one
    await dp.getByRole('article').filter({ hasText: /My scars look softer already/ }).getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => dp.getByText(/My scars look softer already/).count()).toBe(0);

    // and anyone can read it on the provider's public page
    const publicCtx = await suite.browser.newContext(PHONE);
    const pub = await publicCtx.newPage();
    await pub.goto(`${suite.server.url}/clinics/glow/providers/${visit.provider.id}`);
    await pub.getByText(/My scars look softer already/).waitFor();
    await pub.getByText('Robin H.').first().waitFor();
    await shot(pub, 'provider-public-page-phone');
    expect(await seriousA11yViolations(pub)).toEqual([]);
    for (const c of [clientCtx, deskCtx, ownerCtx, providerCtx, publicCtx]) await c.close();
  });
});
