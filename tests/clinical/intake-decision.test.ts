// The questionnaire's last step as the portal runs it over HTTP: the intake is recorded, the answer
// names the clinic's today, and the plan chosen in the questionnaire is screened for that day at
// once. Medicines: a stopped one names its last dose, and a last dose is never in the future.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { baseIntake } from '../../src/domain/screening/engine/fixtures.js';
import type { Intake } from '../../src/domain/screening/engine/contract.js';

// 03:00 UTC on 2 December is still 1 December in the clinic (America/Chicago)
const NOW = new Date('2026-12-02T03:00:00Z');
const CLINIC_TODAY = '2026-12-01';

let t: TestApp;
let org: Org;
let client: Actor;
let provider: Actor;
let director: Actor;

interface Problem {
  detail?: string;
  errors?: { path: string; message: string }[];
}

async function call<T>(who: Actor, path: string, body?: unknown) {
  const res = await t.request(path, { cookie: who.cookie, ...(body !== undefined ? { body } : {}) });
  return { status: res.status, data: (await res.json()) as T };
}

/** what the portal does on "Send my answers": record the intake, then screen the chosen plan for the clinic's today */
async function answerAndScreen(who: Actor, intake: Partial<Intake>, plan: { modality: 'roller' | 'pen' | 'rf'; areas: string[] }) {
  const recorded = await call<{ version: number; today: string }>(who, `/api/clients/${who.clientId}/intake`, baseIntake({ answeredOn: CLINIC_TODAY, concerns: ['acne_scars'], ...intake }));
  expect(recorded.status).toBe(201);
  const s = await call<{ id: string; decision: string; earliestDate: string | null; planDate: string; explanation: { summary: string; earliest: string | null; reasons: string[] } }>(
    who,
    `/api/clients/${who.clientId}/screenings`,
    { plan: { ...plan, date: recorded.data.today } },
  );
  expect(s.status).toBe(201);
  return { recorded: recorded.data, screening: s.data };
}

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  org = await t.factory.org();
  client = await t.factory.actor(org, 'client');
  provider = await t.factory.actor(org, 'provider');
  director = await t.factory.actor(org, 'medical_director');
});
afterAll(() => t.close());

describe('the decision at the end of the questionnaire', () => {
  it("screens the chosen plan for the clinic's today (not the server's UTC date) and answers eligible", async () => {
    const { recorded, screening } = await answerAndScreen(client, {}, { modality: 'pen', areas: ['cheeks', 'forehead'] });
    expect(recorded.today).toBe(CLINIC_TODAY);
    expect(screening.planDate).toBe(CLINIC_TODAY);
    expect(screening.decision).toBe('eligible');
    expect(screening.explanation.summary).toMatch(/nothing in your answers stands in the way/i);
  });

  it('isotretinoin stopped two months ago: deferred, with the earliest date six months after the last dose', async () => {
    const { screening } = await answerAndScreen(client, { medications: [{ code: 'isotretinoin', current: false, lastDose: '2026-10-01' }] }, { modality: 'roller', areas: ['cheeks'] });
    expect(screening.decision).toBe('deferred');
    expect(screening.earliestDate).toBe('2027-04-01');
    expect(screening.explanation.earliest).toBe('The earliest date you can be treated is April 1, 2027.');
  });

  it('a blood thinner taken now: needs a clinician review, and the client is emailed once it is reviewed', async () => {
    const { screening } = await answerAndScreen(client, { medications: [{ code: 'anticoagulant', current: true }] }, { modality: 'pen', areas: ['neck'] });
    expect(screening.decision).toBe('needs_review');
    expect(screening.earliestDate).toBeNull();
    expect((await call(director, `/api/screenings/${screening.id}/review`, { outcome: 'approved', note: 'Gentle pressure on the neck.', signedName: director.name })).status).toBe(201);
    const mail = await t.db.selectFrom('outbox_messages').select(['to_address', 'subject', 'body_text']).where('kind', '=', 'screening.reviewed').where('client_id', '=', client.clientId!).execute();
    expect(mail.map((m) => [m.to_address, m.subject])).toEqual([[client.email, 'A clinician has reviewed your answers']]);
    expect(mail[0]!.body_text).toContain('open My care to see the outcome');
    // the email says where to look, not what the clinician decided or why
    expect(mail[0]!.body_text).not.toMatch(/blood thinner|approved|neck/i);
  });
});

describe('medicines: still taken, or the last dose', () => {
  const submit = (who: Actor, medications: Intake['medications'], over: Partial<Intake> = {}, query = '') =>
    call<Problem & { version?: number }>(who, `/api/clients/${client.clientId}/intake${query}`, baseIntake({ answeredOn: CLINIC_TODAY, medications, ...over }));

  it('refuses a last dose in the future with a plain message naming the medicine and the field', async () => {
    const r = await submit(client, [{ code: 'topical_retinoid', current: true }, { code: 'isotretinoin', current: false, lastDose: '2026-12-05' }]);
    expect(r.status).toBe(400);
    expect(r.data.errors).toEqual([
      { path: 'medications[1].lastDose', message: 'Last dose of isotretinoin: December 5, 2026 is in the future. Give the day you last took or used it, on or before December 1, 2026.' },
    ]);
  });

  it("judges the future by the clinic's today, allowing a client whose calendar is a day ahead their own today", async () => {
    // the client's phone already says 2 December
    expect((await submit(client, [{ code: 'topical_acid', current: false, lastDose: '2026-12-02' }], { answeredOn: '2026-12-02' })).status).toBe(201);
    const tooLate = await submit(client, [{ code: 'topical_acid', current: false, lastDose: '2026-12-02' }]);
    expect(tooLate.status).toBe(400);
    expect(tooLate.data.errors?.[0]?.message).toMatch(/^Last dose of the acid products: December 2, 2026 is in the future/);
  });

  it('a medicine the client has stopped needs its last dose from the questionnaire, not from an imported file', async () => {
    const r = await submit(client, [{ code: 'antiplatelet', current: false }]);
    expect(r.status).toBe(400);
    expect(r.data.errors).toEqual([{ path: 'medications[0].lastDose', message: 'Last dose of aspirin or the antiplatelet medicine: you said you have stopped, so give the day you last took or used it.' }]);
    expect((await submit(provider, [{ code: 'antiplatelet', current: false }], {}, '?source=staff')).status).toBe(400);
    // an Intake v1 file follows the contract, where the last dose is optional
    expect((await submit(provider, [{ code: 'antiplatelet', current: false }], {}, '?source=import')).status).toBe(201);
  });

  it('takes a medicine still taken, and one stopped with a past last dose', async () => {
    const r = await submit(client, [{ code: 'anticoagulant', current: true }, { code: 'topical_retinoid', current: false, lastDose: '2026-11-28' }]);
    expect(r.status).toBe(201);
  });
});
