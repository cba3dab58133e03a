// Recall flows in the browser (docs/recall.md): the owner switches the series flow on in Settings >
// Recall with the server's live preview; the demo client due her series' next session gets the
// recall email; its booking link, followed while signed out on a phone, leads through sign-in to the
// portal's picker on the recalled service, where she books; she opts in to marketing messages in
// the portal; an unsubscribe link that is not valid says so plainly; and Reports > Recall counts the
// message and the booking it led to. tests/recall/recall-flows.test.ts covers the flows over HTTP.
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.js';
import { nextWeekday } from './support/clock.js';
import { DESKTOP, passwordField, PHONE, seriousA11yViolations, shot } from './support/browser.js';
import { apiOf, makeReadyForPen, signIn } from './support/flows.js';
import { waitForMail } from '../tests/support/smtp.js';

const day = nextWeekday();
// the server's own clock: recall messages are due at the job's "now", which the outbox compares with
// the real time (a moved clock, DERMIS_CLOCK_START, would hold them); the recall job looks for due
// recalls every 2 s, so the demo client's message comes within the test
const suite = browserSuite({ DERMIS_RECALL_EVERY_MS: '2000' });
const RITA = 'recall@glow.example.com';

describe('recall flows', () => {
  it('the owner turns the series flow on; the recalled client follows the email to the picker and books; the report shows it', async () => {
    const url = suite.server.url;
    // the demo's Rita Recall (services/seed/demo-recall.ts) finished the first session of her pen series
    // four weeks ago and is cleared to book here
    const clientCtx = await suite.browser.newContext(PHONE);
    const api = apiOf(clientCtx, url);
    await api.signIn(RITA);
    const me = (await api.get('/api/me')) as { clientId: string };
    await makeReadyForPen(api, me.clientId, { date: day, areas: ['cheeks'], concern: 'fine_lines', dateOfBirth: '1987-05-21' });
    // quiet hours (21:00 to 08:00 unless set) far from now, so the message goes out whatever the hour
    const hour = (n: number) => `${String((new Date().getUTCHours() - 6 + n + 48) % 24).padStart(2, '0')}:00`;
    await api.put(`/api/clients/${me.clientId}/message-preferences`, { email: true, sms: false, quietStart: hour(12), quietEnd: hour(13) });
    await clientCtx.clearCookies();

    // the owner: Settings > Recall, the series flow on, with the preview following the text
    const owner = await (await suite.browser.newContext(DESKTOP)).newPage();
    await signIn(owner, url, 'owner@glow.example.com');
    await owner.goto(`${url}/console/settings?tab=recall`);
    const card = owner.locator('.mantine-Card-root').filter({ has: owner.getByRole('heading', { name: 'Next session of a series' }) }).first();
    await card.getByText('Care: every client').waitFor();
    await card.getByLabel('Subject').fill('Your next {serviceName} session at {clinicName}');
    const preview = card.getByLabel('Preview of Next session of a series');
    await preview.getByText(/^Your next Pen microneedling.* session at Glow Skin Studio$/).waitFor();
    await card.getByRole('switch', { name: 'On' }).check();
    await card.getByRole('button', { name: 'Save next session of a series' }).click();
    await card.getByText('Saved. This flow is on.').waitFor();
    await owner.getByRole('heading', { name: 'Membership credits about to expire' }).waitFor();
    await shot(owner, 'recall-settings');
    expect(await seriousA11yViolations(owner)).toEqual([]);

    // with the flow on, she is recalled within a run of the job (every 2 s here)
    const mail = await waitForMail(suite.mail, RITA, /Your\s+next\s+Pen\s+microneedling/, 30_000);
    const link = /https?:\/\/\S+\/portal\/book\?\S+/.exec(mail)![0];
    expect(link).toContain(`${url}/portal/book?service=`);

    // the link, on a phone, signed out: sign in first, then the picker on the recalled service
    const page = await clientCtx.newPage();
    await page.goto(link);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel('Email').fill(RITA);
    await passwordField(page).fill('demo-password-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/portal\/book\?service=/);
    await expect.poll(() => page.getByRole('radio', { name: /Pen microneedling, full face/ }).isChecked(), { timeout: 15_000 }).toBe(true);
    await shot(page, 'recall-booking-link');
    await page.getByRole('button', { name: 'Next' }).click();
    const times = page.getByRole('group', { name: /Free times on/ });
    await times.getByRole('button').first().waitFor();
    await shot(page, 'recall-picker-times');
    await times.getByRole('button').first().click();
    await page.getByText(/We hold this time for you/).waitFor();
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByText('Booked', { exact: true }).waitFor();
    await shot(page, 'recall-booked');

    // marketing messages: off until the client says yes, in the portal
    await page.goto(`${url}/portal/account`);
    const optIn = page.getByRole('switch', { name: 'Offers and invitations to come back' });
    await optIn.waitFor();
    expect(await optIn.isChecked()).toBe(false);
    // saved at once: the switch follows the server's answer
    await optIn.click();
    await page.getByText(/Agreed on .+ in the portal/).waitFor();
    await shot(page, 'recall-marketing-opt-in');

    // a broken unsubscribe link answers plainly
    await page.goto(`${url}/unsubscribe?token=not-a-real-unsubscribe-token-0123456789`);
    await page.getByText('This unsubscribe link is not valid.', { exact: false }).waitFor();

    // the owner's report for the period
    await owner.goto(`${url}/console/reports`);
    await owner.getByRole('tab', { name: 'Recall' }).click();
    // one message of the series flow, and the booking it led to
    await owner.getByRole('row', { name: /^Next session of a series\s+1\s+1\b/ }).waitFor();
    await shot(owner, 'recall-report');
  }, 90_000);
});
