// Memberships in the browser: the desk sells a new client the Glow Monthly plan on the client's
// Membership tab; the client books a pen session on the phone, which the membership's quarterly
// credit covers (no deposit), sees the credit used on My care and pauses the membership there; the
// owner's Memberships report shows the paused member and the revenue of the sale.
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.js';
import { clinicMorning, nextWeekday } from './support/clock.js';
import { DESKTOP, PHONE, seriousA11yViolations, shot } from './support/browser.js';
import { apiOf, makeReadyForPen, registerClient, signIn } from './support/flows.js';

const day = nextWeekday();
const suite = browserSuite(clinicMorning(day));

describe('memberships in the browser', () => {
  it('sold at the desk, a credit drawn by a booking in the portal, paused by the client, in the report', async () => {
    const clientCtx = await suite.browser.newContext(PHONE);
    const cp = await clientCtx.newPage();
    await registerClient(cp, suite, 'Mara', 'Member', 'mara.member@example.com');
    const client = apiOf(clientCtx, suite.server.url);
    const me = (await client.get('/api/me')) as { clientId: string };
    await makeReadyForPen(client, me.clientId, { date: day, areas: ['cheeks'], concern: 'acne_scars', dateOfBirth: '1988-05-05' });

    // the desk sells the plan on the client's Membership tab
    const deskCtx = await suite.browser.newContext(DESKTOP);
    const dp = await deskCtx.newPage();
    await signIn(dp, suite.server.url, 'frontdesk@glow.example.com');
    await dp.goto(`${suite.server.url}/console/clients/${me.clientId}`);
    await dp.getByRole('tab', { name: 'Membership', exact: true }).click();
    await dp.getByRole('button', { name: 'Sell a membership' }).click();
    await dp.getByLabel('Plan', { exact: true }).first().click();
    await dp.getByRole('option', { name: /^Glow Monthly \(Austin/ }).click();
    await dp.getByText(/Taken now: \$99\.00/).waitFor();
    await shot(dp, 'membership-sell');
    await dp.getByRole('button', { name: 'Sell membership' }).click();
    await dp.getByText(/Quarterly pen session, included with Glow Monthly, expires/).waitFor();
    await shot(dp, 'membership-client-panel');
    expect(await seriousA11yViolations(dp)).toEqual([]);

    // the client books a pen session: the credit covers it, no deposit
    await cp.goto(`${suite.server.url}/portal/book`);
    await cp.getByText('Pen microneedling, full face').click();
    await cp.getByText('Included in your membership: Quarterly pen session').first().waitFor();
    await cp.getByRole('button', { name: 'Next' }).click();
    const firstTime = cp.getByRole('group', { name: /Free times on/ }).getByRole('button').first();
    await firstTime.waitFor();
    await firstTime.click();
    await cp.getByRole('button', { name: 'Confirm booking' }).click();
    await cp.getByText('Booked', { exact: true }).waitFor();

    // My care: the membership with its credit used; the client pauses it
    await cp.goto(`${suite.server.url}/portal/care`);
    await cp.getByRole('heading', { name: 'Glow Monthly' }).waitFor();
    await cp.getByText(/Quarterly pen session, included with Glow Monthly, used/).waitFor();
    await cp.getByRole('button', { name: 'Pause', exact: true }).click();
    await cp.getByLabel('Resume on').waitFor();
    await shot(cp, 'membership-pause-phone');
    expect(await seriousA11yViolations(cp)).toEqual([]);
    await cp.getByRole('button', { name: 'Pause membership' }).click();
    await cp.getByText(/^Paused until .*No payments and no member prices while paused\.$/).waitFor();
    await shot(cp, 'membership-paused-phone');

    // the owner's Memberships report on the day of the sale
    const ownerCtx = await suite.browser.newContext(DESKTOP);
    const op = await ownerCtx.newPage();
    await signIn(op, suite.server.url, 'owner@glow.example.com');
    await op.goto(`${suite.server.url}/console/reports`);
    await op.getByRole('tab', { name: 'Memberships' }).click();
    await op.getByLabel('To', { exact: true }).fill(day);
    await op.getByLabel('From', { exact: true }).fill(day);
    await op.getByText('Paused members').waitFor();
    const report = (await apiOf(ownerCtx, suite.server.url).get(`/api/reports/memberships?from=${day}&to=${day}`)) as { summary: Record<string, number> };
    expect(report.summary).toMatchObject({ revenueCents: 9_900, pausedMembers: 1, newMembers: 1 });
    await op.mouse.move(700, 500);
    await shot(op, 'memberships-report');
    expect(await seriousA11yViolations(op)).toEqual([]);
  });
});
