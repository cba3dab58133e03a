// The clinical journey in the browser: a new client on a phone reads the guide, answers the
// questionnaire, gets a decision with reasons, a plan and a quote, acknowledges the risks, signs the
// consent and downloads the PDF; a medical director approves a needs-review case and the client's
// status changes.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { browserSuite } from './support/suite.js';
import { DESKTOP, PHONE, seriousA11yViolations, shot } from './support/browser.js';
import { apiOf, registerClient, signIn } from './support/flows.js';

const suite = browserSuite();

const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('clinical journey in the browser', () => {
  it('a new client on a phone: guide, questionnaire, decision, plan and quote, risks, consent and PDF', async () => {
    const ctx = await suite.browser.newContext({ ...PHONE, acceptDownloads: true });
    const page = await ctx.newPage();
    await registerClient(page, suite, 'Jordan', 'Lee', 'jordan.lee@example.com');

    // learn: microneedling is found under another of its names, and so is the vampire facial
    await page.goto(`${suite.server.url}/portal/learn`);
    await page.getByLabel(/search the guide/i).fill('dermal rolling');
    await page.getByText('Pen microneedling, full face').first().waitFor();
    await shot(page, 'learn-search-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel(/search the guide/i).fill('vampire');
    await page.getByRole('link', { name: /Vampire facial and PRP microneedling/ }).first().waitFor();

    // the questionnaire, one topic per step
    await page.goto(`${suite.server.url}/portal/care/questionnaire`);
    await page.getByLabel('Date of birth').fill('1990-04-12');
    await page.getByLabel('Fine lines and wrinkles').check();
    await shot(page, 'questionnaire-step1-phone');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('radiogroup', { name: /pregnant/i }).getByLabel('No').check();
    await page.getByRole('radiogroup', { name: /breastfeeding/i }).getByLabel('No').check();
    const next = async (step: number) => {
      await page.getByRole('button', { name: 'Next' }).click();
      await expect.poll(() => page.getByText(`step ${step} of 10`).count()).toBe(1);
    };
    for (const step of [3, 4, 5]) await next(step);
    // medicines: a ticked one asks whether it is still used, and when it was last used if not
    const retinoid = page.locator('.mantine-Paper-root', { hasText: 'Retinol, tretinoin' });
    await retinoid.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('alert').getByText(/say whether you still take or use it/).waitFor();
    await retinoid.getByRole('radiogroup', { name: /still take or use it/ }).getByLabel('No, I stopped').check();
    await retinoid.getByLabel(/Date of the last dose/).fill(soon(-7));
    await shot(page, 'questionnaire-medicines-phone');
    for (const step of [6, 7, 8, 9]) await next(step);
    // the last section: the treatment, so the questionnaire ends with a decision
    await page.getByRole('heading', { name: 'Your treatment' }).waitFor();
    await page.getByLabel('Not sure, help me choose').check();
    await page.getByText('Forehead', { exact: true }).click();
    await page.getByText('Cheeks', { exact: true }).click();
    await shot(page, 'questionnaire-treatment-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await next(10);
    await page.getByText(/stopped, last dose/).waitFor();
    await shot(page, 'questionnaire-review-phone');
    await page.getByRole('button', { name: 'Send my answers' }).click();

    // the decision at once, for today, with what to do next
    await page.getByRole('heading', { name: 'You can go ahead' }).waitFor();
    await page.getByText(/Automated pen · Forehead, Cheeks · checked for today/).waitFor();
    await page.getByRole('link', { name: 'Book a treatment' }).waitFor();
    await shot(page, 'decision-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // plan and quote
    await page.getByRole('button', { name: 'See my plan and price first' }).click();
    await page.waitForURL(/\/portal\/care\/plans\//);
    await page.getByRole('heading', { name: 'Your quote' }).waitFor();
    expect(await page.getByRole('table', { name: 'Areas and needle depth' }).textContent()).toContain('0.50 mm');
    await expect.poll(() => page.getByText(/Save \$/).count()).toBeGreaterThan(0);
    await shot(page, 'plan-quote-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // risks acknowledged before booking
    await page.getByLabel('I have read and understood these risks.').check();
    await page.getByRole('button', { name: 'Acknowledge the risks' }).click();
    await page.getByText(/You acknowledged these risks/).waitFor();

    // consent: typed name, drawn signature, agreement
    await page.getByRole('link', { name: 'Read and sign the consent' }).click();
    await page.getByLabel('Consent document').waitFor();
    expect(await page.getByLabel('Consent document').textContent()).toMatch(/darker skin/i);
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await page.getByText('Draw your signature in the box').waitFor();
    await page.getByLabel('Type your full name').fill('Jordan Lee');
    const canvas = page.getByRole('img', { name: 'Signature drawing area' });
    await canvas.scrollIntoViewIfNeeded();
    const pad = await canvas.boundingBox();
    // a finger drawing on the phone's touch screen (DevTools touch events; Playwright has no touch drag)
    const cdp = await ctx.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: pad!.x + x, y: pad!.y + y }] });
    await touch('touchStart', 20, 80);
    for (let i = 1; i <= 20; i++) await touch('touchMove', 20 + i * 10, 80 + Math.round(30 * Math.sin(i / 3)));
    await touch('touchEnd', 220, 80);
    await page.getByLabel(/I have read this document/).check();
    await shot(page, 'consent-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    const link = page.getByRole('link', { name: /Download the signed PDF/ });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const pdf = await readFile((await download.path()));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await shot(page, 'consent-signed-phone');
    await ctx.close();
  });

  it('a client who stopped isotretinoin two months ago is told at the end of the questionnaire when they can start', async () => {
    const ctx = await suite.browser.newContext(PHONE);
    const page = await ctx.newPage();
    await registerClient(page, suite, 'Riley', 'Park', 'riley.park@example.com');
    const client = apiOf(ctx, suite.server.url);
    const me = (await client.get('/api/me')) as { clientId: string };
    // the questionnaire saved at its last section, as if the client had answered up to there
    const lastDose = soon(-60);
    const pick = { checked: true, areas: [], date: lastDose, current: false, controlled: null };
    const answers = { dateOfBirth: '1992-06-01', fitzpatrick: null, concerns: ['acne_scars'], pregnant: false, breastfeeding: false, picks: { 'medications:isotretinoin:': pick }, treatment: { modality: 'roller', areas: ['cheeks'] } };
    await client.put(`/api/clients/${me.clientId}/intake/draft`, { data: { answers }, step: 8 });
    await page.goto(`${suite.server.url}/portal/care/questionnaire`);
    await page.getByRole('heading', { name: 'Your treatment' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText(`stopped, last dose ${lastDose}`).waitFor();
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { name: /^Not yet: you can be treated from / }).waitFor();
    await page.getByText(/The earliest date you can be treated is/).waitFor();
    await page.getByRole('link', { name: 'Book a treatment or a consultation' }).waitFor();
    await shot(page, 'decision-deferred-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await ctx.close();
  });

  it('a medical director approves a needs-review case and the client sees the change', async () => {
    // set-up through the API: a client who takes a blood thinner (CI-R1: needs review)
    const clientCtx = await suite.browser.newContext(PHONE);
    const clientPage = await clientCtx.newPage();
    await registerClient(clientPage, suite, 'Morgan', 'Reyes', 'morgan.reyes@example.com');
    const client = apiOf(clientCtx, suite.server.url);
    const me = (await client.get('/api/me')) as { clientId: string };
    await client.post(`/api/clients/${me.clientId}/intake`, {
      answeredOn: soon(0), dateOfBirth: '1985-02-03', pregnant: false, breastfeeding: false, conditions: [], medications: [{ code: 'anticoagulant', current: true }],
      procedures: [], implants: [], allergies: [], clearances: [], concerns: ['acne_scars'],
    });
    await client.post(`/api/clients/${me.clientId}/screenings`, { plan: { modality: 'pen', areas: ['cheeks'], date: soon(12) } });
    await clientPage.goto(`${suite.server.url}/portal/care`);
    await clientPage.getByText('Needs clinician review').first().waitFor();

    const mdCtx = await suite.browser.newContext(DESKTOP);
    const md = await mdCtx.newPage();
    await signIn(md, suite.server.url, 'director@glow.example.com');
    const mdName = ((await (await mdCtx.request.get(`${suite.server.url}/api/me`)).json()) as { user: { name: string } }).user.name;
    await md.goto(`${suite.server.url}/console/reviews`);
    const card = md.locator('.mantine-Card-root', { hasText: 'Morgan Reyes' });
    await card.getByText('CI-R1').waitFor();
    await shot(md, 'reviews-queue');
    expect(await seriousA11yViolations(md)).toEqual([]);
    await card.getByRole('button', { name: 'Review' }).click();
    await md.getByLabel('Clinical note').fill('On apixaban, INR not relevant; gentle pressure, 1.0 mm maximum.');
    await md.getByLabel('Sign with your full name').fill(mdName);
    await shot(md, 'review-decision');
    await md.getByRole('button', { name: 'Sign decision' }).click();
    await md.getByText('Decision signed for Morgan Reyes.').waitFor();

    await clientPage.reload();
    await clientPage.getByText('Approved by a clinician').first().waitFor();
    await clientPage.getByRole('button', { name: 'See my plan and price' }).waitFor();
    await shot(clientPage, 'approved-phone');
    await mdCtx.close();
    await clientCtx.close();
  });

  it('a provider imports an Intake v1 file, screens, recommends a plan and adjusts it outside the caps', async () => {
    const ctx = await suite.browser.newContext(DESKTOP);
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'nurse@glow.example.com');
    await page.goto(`${suite.server.url}/console/clients`);
    await page.getByRole('link', { name: 'Emma Schulz' }).click();
    const intake = { answeredOn: soon(0), dateOfBirth: '1988-07-09', pregnant: false, breastfeeding: false, conditions: [], medications: [], procedures: [], implants: [], allergies: [], clearances: [], concerns: ['fine_lines'], fitzpatrick: 3 };
    await page.locator('input[type="file"][accept*="json"]').setInputFiles({ name: 'intake.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(intake)) });
    await page.getByText(/Imported intake.json as intake version 1/).waitFor();
    await page.getByRole('button', { name: 'Screen a plan' }).click();
    await page.getByLabel('Preferred treatment date').fill(soon(9));
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    await page.getByRole('button', { name: 'Recommend plan and quote' }).first().click();
    await page.getByRole('table', { name: 'Areas and needle depth' }).waitFor();
    await page.getByRole('button', { name: 'Adjust' }).click();
    await page.getByLabel(/Forehead: depth/).fill('1');
    await page.getByLabel('Reason for the change').fill('Thick forehead skin');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await page.getByText(/waits for the medical director/).waitFor();
    await shot(page, 'console-plan-adjusted');
    // a baseline acne-scar grade on the client's course
    await page.getByLabel('Measure', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Goodman & Baron (grade)' }).click();
    await page.getByLabel('Time point', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Baseline' }).click();
    await page.getByLabel('Result', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Grade 3: moderate' }).click();
    await page.getByRole('button', { name: 'Record outcome' }).click();
    await page.getByRole('cell', { name: 'Grade 3: moderate' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await ctx.close();

    // the medical director approves the plan outside the caps from the reviews queue
    const mdCtx = await suite.browser.newContext(DESKTOP);
    const md = await mdCtx.newPage();
    await signIn(md, suite.server.url, 'director@glow.example.com');
    await md.goto(`${suite.server.url}/console/reviews`);
    const card = md.locator('.mantine-Card-root', { hasText: 'Emma Schulz' }).filter({ hasText: 'Thick forehead skin' });
    await card.getByLabel('Approval note').fill('Reviewed: 1 mm on the forehead is reasonable for thick skin.');
    await card.getByRole('button', { name: 'Approve plan' }).click();
    await expect.poll(() => md.locator('.mantine-Card-root', { hasText: 'Thick forehead skin' }).count()).toBe(0);
    expect(await seriousA11yViolations(md)).toEqual([]);
    await mdCtx.close();
  });
});
