// Treatment day in the browser: a nurse checks a client in from the calendar, charts a pen session
// with two areas and signs; the client sees today's aftercare on a phone, reports a red-flag symptom,
// and the nurse sees the alert.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { browserSuite } from './support/suite.js';
import { slotsOf, type CompactAvailability } from '../tests/support/free-slots.js';
import { clinicMorning, nextWeekday } from './support/clock.js';
import { DESKTOP, PHONE, seriousA11yViolations, shot } from './support/browser.js';
import { apiOf, makeReadyForPen, registerClient, signaturePng, signIn } from './support/flows.js';

// the server's today is the visit's day, so the nurse may check the client in
const day = nextWeekday();
const suite = browserSuite(clinicMorning(day));

describe('treatment day in the browser', () => {
  it('a nurse checks in, charts two areas and signs; the client sees aftercare and reports a red flag; the nurse sees the alert', async () => {
    // set-up through the API: a registered client who is eligible, acknowledged the risks, consented
    const clientCtx = await suite.browser.newContext(PHONE);
    const cp = await clientCtx.newPage();
    await registerClient(cp, suite, 'Casey', 'Park', 'casey.park@example.com');
    const client = apiOf(clientCtx, suite.server.url);
    const me = (await client.get('/api/me')) as { clientId: string };
    await makeReadyForPen(client, me.clientId, { date: day, areas: ['cheeks', 'forehead'], concern: 'fine_lines', dateOfBirth: '1991-03-03' });
    const png = await signaturePng();
    const photoConsent = (await client.get(`/api/clients/${me.clientId}/consents/preview?kind=photo_clinical`)) as { documentHash: string; clientName: string };
    await client.post(`/api/clients/${me.clientId}/consents`, { kind: 'photo_clinical', signedName: photoConsent.clientName, signaturePng: png, documentHash: photoConsent.documentHash, agree: true });

    const desk = await suite.browser.newContext(DESKTOP);
    const deskApi = apiOf(desk, suite.server.url);
    await deskApi.signIn('frontdesk@glow.example.com');
    const org = (await deskApi.get('/api/organization')) as { locations: { id: string; name: string }[] };
    const austin = org.locations.find((l) => l.name.startsWith('Austin'))!;
    const services = (await deskApi.get('/api/services')) as { items: { id: string; code: string }[] };
    const pen = services.items.find((s) => s.code === 'pen_face')!;
    const setup = (await deskApi.get(`/api/locations/${austin.id}/scheduling-setup`)) as { providers: { id: string; name: string }[] };
    const nurse = setup.providers.find((p) => p.name === 'Nina Park')!;
    const avail = slotsOf((await deskApi.get(`/api/locations/${austin.id}/availability?serviceId=${pen.id}&from=${day}&to=${day}&providerId=${encodeURIComponent(nurse.id)}`)) as unknown as CompactAvailability);
    const slot = avail.find((s) => s.localTime >= '10:00') ?? avail[0]!;
    await deskApi.post('/api/bookings', { locationId: austin.id, serviceId: pen.id, clientId: me.clientId, start: slot.start, providerId: nurse.id, idempotencyKey: `e2e-${Date.now()}` });
    const owner = await suite.browser.newContext(DESKTOP);
    // the owner receives the cartridge lot in Settings (Austin is the first location)
    const op = await owner.newPage();
    await signIn(op, suite.server.url, 'owner@glow.example.com');
    await op.goto(`${suite.server.url}/console/settings`);
    await op.getByRole('tab', { name: 'Cartridge lots' }).click();
    await op.getByLabel('Manufacturer').fill('Crown Aesthetics');
    await op.getByLabel('Product').fill('SkinPen cartridge');
    await op.getByLabel('Lot number').fill('SP-E2E-01');
    await op.getByLabel('Expires on').fill('2030-01-31');
    await op.getByRole('button', { name: 'Add lot' }).click();
    await op.getByRole('cell', { name: 'SP-E2E-01' }).waitFor();
    expect(await seriousA11yViolations(op)).toEqual([]);

    // the nurse: calendar, check-in, chart
    const nurseCtx = await suite.browser.newContext(DESKTOP);
    const np = await nurseCtx.newPage();
    await signIn(np, suite.server.url, 'nurse@glow.example.com');
    await np.getByLabel('Date', { exact: true }).fill(day);
    await np.getByRole('button', { name: new RegExp(`${slot.localTime} Casey Park`) }).click();
    // the client confirms at the desk that their health answers have not changed
    await np.getByLabel(/health answers are unchanged/).check();
    await np.getByRole('button', { name: 'Check in' }).click();
    await np.getByRole('link', { name: 'Chart this session' }).click();
    await np.getByRole('heading', { name: 'Procedure chart' }).waitFor();
    // before and after photos of the front view, from the camera or a file
    const face = await sharp({ create: { width: 600, height: 800, channels: 3, background: { r: 210, g: 160, b: 150 } } }).withExif({ IFD0: { Make: 'PhoneCo' } }).jpeg().toBuffer();
    await np.locator('input[type="file"]').first().setInputFiles({ name: 'before.jpg', mimeType: 'image/jpeg', buffer: face });
    await np.getByRole('img', { name: /before/i }).first().waitFor();
    await np.getByText('After', { exact: true }).first().click();
    await np.locator('input[type="file"]').first().setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: face });
    await expect.poll(() => np.getByRole('img', { name: /after/i }).count()).toBeGreaterThan(0);
    await np.getByLabel('Skin cleansed').check();
    await np.getByLabel('Before photos taken before numbing').check();
    await np.getByLabel('Numbing applied').check();
    await np.getByLabel('Product', { exact: true }).first().fill('Lidocaine 4% cream');
    await np.getByLabel('Amount').fill('2 g');
    await np.getByLabel('Area numbed').fill('Full face');
    await np.getByLabel('Time on').fill('09:40');
    await np.getByLabel('Time off').fill('10:00');
    await np.getByLabel('Device', { exact: true }).first().click();
    await np.getByRole('option', { name: /SkinPen/ }).click();
    await np.getByLabel('Cartridge lot', { exact: true }).first().click();
    await np.getByRole('option', { name: /SP-E2E-01/ }).click();
    await np.keyboard.press('Escape');
    await np.getByLabel('Area 1', { exact: true }).first().click();
    await np.getByRole('option', { name: 'Cheeks', exact: true }).click();
    await np.getByLabel('Depth (mm) 1').fill('1');
    await np.getByLabel('Passes 1').fill('3');
    await np.getByRole('button', { name: 'Add area' }).click();
    await np.getByLabel('Area 2', { exact: true }).first().click();
    await np.getByRole('option', { name: 'Forehead', exact: true }).click();
    await np.getByLabel('Depth (mm) 2').fill('0.5');
    await np.getByLabel('Passes 2').fill('2');
    await np.getByLabel('Clinical end point').fill('Uniform erythema, pinpoint bleeding on cheeks');
    await np.getByLabel('Type your full name to sign').fill('Nina Park');
    await shot(np, 'chart-filled');
    expect(await seriousA11yViolations(np)).toEqual([]);
    await np.getByRole('button', { name: 'Sign chart' }).click();
    await np.getByText(/Signed by Nina Park/).waitFor();
    await np.getByText('Awaiting co-signature').waitFor();
    await shot(np, 'chart-signed');
    // a signed chart is never edited: an amendment is a new signed version with its reason
    await np.getByRole('button', { name: 'Amend', exact: true }).click();
    const amendDialog = np.getByRole('dialog', { name: 'Amend the signed chart' });
    await amendDialog.getByLabel('Reason for the amendment').fill('Numbing time off was 10:05, not 10:00');
    await amendDialog.getByLabel('Type your full name to sign').fill('Nina Park');
    await amendDialog.getByRole('button', { name: 'Sign amendment' }).click();
    await np.getByText('Amendment: Numbing time off was 10:05, not 10:00').waitFor();
    await np.getByText('Version 2', { exact: true }).first().waitFor();

    // the client: today's aftercare on the phone, then a red flag
    await cp.goto(`${suite.server.url}/portal/care`);
    await cp.getByRole('heading', { name: 'Your aftercare' }).waitFor();
    await cp.getByText(/no sunscreen/i).first().waitFor();
    await shot(cp, 'aftercare-phone');
    expect(await seriousA11yViolations(cp)).toEqual([]);
    await cp.getByLabel(/Pus/).check();
    // with a photo from the phone's camera
    await cp.locator('input[type="file"]').setInputFiles({ name: 'cheek.jpg', mimeType: 'image/jpeg', buffer: face });
    await cp.getByRole('button', { name: 'Send to my clinic' }).click();
    await cp.getByText('Your clinic has been alerted').waitFor();
    await expect.poll(async () => ((await client.get(`/api/clients/${me.clientId}/photos`)) as { items: { checkInId: string | null }[] }).items.filter((p) => p.checkInId).length).toBe(1);
    await shot(cp, 'red-flag-phone');
    // satisfaction is asked after the day-14 check-in, never on treatment day
    expect(await cp.getByText('How satisfied are you?').count()).toBe(0);
    // and chooses quiet hours for messages in Account
    await cp.goto(`${suite.server.url}/portal/account`);
    await cp.getByLabel('Quiet from').fill('22:00');
    await cp.getByLabel('Quiet until').fill('07:30');
    await cp.getByRole('button', { name: 'Save message settings' }).click();
    await cp.getByText('Saved.').waitFor();
    expect(await client.get(`/api/clients/${me.clientId}/message-preferences`)).toMatchObject({ quietStart: '22:00', quietEnd: '07:30', email: true, sms: false });

    // the nurse sees the alert
    await np.goto(`${suite.server.url}/console/reviews`);
    await np.getByRole('heading', { name: 'Red-flag alerts' }).waitFor();
    await np.getByText('Casey Park').first().waitFor();
    await np.getByRole('img', { name: 'Photo 1 sent by Casey Park with this report' }).waitFor();
    await shot(np, 'alerts');
    expect(await seriousA11yViolations(np)).toEqual([]);
    // the demo has alerts of its own: Casey's is the one acknowledged
    const open = await np.getByRole('button', { name: 'Acknowledge' }).count();
    await np.getByRole('listitem').filter({ hasText: 'Casey Park' }).getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => np.getByRole('button', { name: 'Acknowledge' }).count()).toBe(open - 1);
    // and records it as an adverse event
    await np.getByRole('button', { name: 'Record adverse event' }).click();
    await np.getByLabel('Client', { exact: true }).first().fill('Casey');
    await np.getByRole('option', { name: /Casey Park/ }).click();
    await np.getByLabel('Event', { exact: true }).first().click();
    await np.getByRole('option', { name: 'Bacterial infection' }).click();
    await np.getByLabel('CTCAE grade', { exact: true }).first().click();
    await np.getByRole('option', { name: /^2 Moderate/ }).click();
    await np.getByLabel('What happened').fill('Pustules on both cheeks on day 3; oral antibiotics started.');
    await np.getByRole('button', { name: 'Record', exact: true }).click();
    await np.getByText('Bacterial infection · Casey Park').waitFor();
    await shot(np, 'adverse-events');
    // a follow-up a week later closes it
    await np.getByRole('button', { name: 'Follow up' }).first().click();
    await np.getByLabel('Follow-up note').fill('Cleared after a 7-day course; no scarring.');
    await np.getByLabel('Resolved on').fill(day);
    await np.getByRole('button', { name: 'Save follow-up' }).click();
    await np.getByText(new RegExp(`resolved ${day}`)).waitFor();
    expect(await seriousA11yViolations(np)).toEqual([]);

    // marketing: the director may choose a photo only once the client consents to marketing use
    const mdCtx = await suite.browser.newContext(DESKTOP);
    const md = await mdCtx.newPage();
    await signIn(md, suite.server.url, 'director@glow.example.com');
    // the nurse's chart waits for the director's co-signature
    // (issue 13, item 5: only from the chart, with the co-signer's name typed)
    await md.goto(`${suite.server.url}/console/reviews`);
    await md.locator('li', { hasText: 'Casey Park' }).getByRole('link', { name: 'Open chart to co-sign' }).click();
    const cosign = md.getByRole('region', { name: 'Co-sign this chart' });
    await cosign.getByLabel('Type your full name to sign').fill('Dr. Maya Reyes');
    await cosign.getByRole('button', { name: 'Co-sign chart' }).click();
    await md.getByText(/Co-signed by Dr\. Maya Reyes/).waitFor();
    await md.goto(`${suite.server.url}/console/clients/${me.clientId}`);
    await md.getByRole('tab', { name: 'Clinical', exact: true }).click();
    const choose = md.getByRole('button', { name: /^Use in marketing: Front before/ });
    await choose.click();
    await md.getByText('Ask the client to sign the consent to marketing use of photos.').waitFor();
    const marketingConsent = (await client.get(`/api/clients/${me.clientId}/consents/preview?kind=photo_marketing`)) as { documentHash: string; clientName: string };
    await client.post(`/api/clients/${me.clientId}/consents`, { kind: 'photo_marketing', signedName: marketingConsent.clientName, signaturePng: png, documentHash: marketingConsent.documentHash, agree: true });
    await choose.click();
    await md.getByRole('button', { name: /^Remove from marketing: Front before/ }).waitFor();
    await md.getByRole('link', { name: 'Gallery' }).click();
    await md.getByRole('heading', { name: 'Marketing gallery' }).waitFor();
    await md.mouse.move(700, 500);
    await md.getByRole('img', { name: /Front, Before/ }).waitFor();
    expect(await md.getByText('Casey Park').count()).toBe(0);
    await shot(md, 'marketing-gallery');
    expect(await seriousA11yViolations(md)).toEqual([]);
    // the nurse subscribes her calendar app to her bookings
    await np.goto(`${suite.server.url}/console/settings`);
    await np.getByRole('button', { name: 'Create my calendar link' }).click();
    const feedUrl = await np.getByLabel('Feed address (shown once)').inputValue();
    // as a calendar app fetches it: no cookies, only the secret in the address
    const feed = await fetch(feedUrl);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    expect(await feed.text()).toContain('BEGIN:VEVENT');
    for (const c of [clientCtx, desk, owner, nurseCtx, mdCtx]) await c.close();
  });
});
