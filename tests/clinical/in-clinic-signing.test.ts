// In-clinic signing (issue 13, item 4) and real oversight (item 5) through the API: staff hand the
// clinic tablet to the client for one consent document with a single-use, short-lived link that opens
// nothing else; the consent records that it was signed in the clinic and who witnessed it. A chart is
// co-signed only with a typed signature, and the review shows the answers behind each finding.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';

let clock = new Date('2027-03-01T15:00:00Z');
let t: TestApp;
let org: Org;
let clinic: Clinic;
let client: Actor;
let director: Actor;
let signature: string;

async function call<T = Record<string, unknown>>(who: Actor | null, path: string, body?: unknown, method?: string) {
  const res = await t.request(path, { ...(who ? { cookie: who.cookie } : {}), ...(body !== undefined ? { body } : {}), ...(method ? { method } : {}) });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, data: (type.includes('json') ? await res.json() : await res.arrayBuffer()) as T };
}
type Doc = { title: string; clientName: string; text: string; documentHash: string; expiresAt: string };
type Handoff = { id: string; token: string; path: string; expiresAt: string; title: string };

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  org = await t.factory.org();
  clinic = await setUpClinic(t, org);
  client = await t.factory.actor(org, 'client');
  director = await t.factory.actor(org, 'medical_director');
  signature = `data:image/png;base64,${(await sharp({ create: { width: 120, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } }).png().toBuffer()).toString('base64')}`;
});
afterAll(() => t.close());

describe('in-clinic signing', () => {
  it('lists the missing consents, hands one document to the tablet, and records the witness', async () => {
    const before = await call<{ items: { kind: string; signed: boolean }[] }>(clinic.frontDesk, `/api/clients/${client.clientId}/consent-summary?modality=pen`);
    expect(before.status).toBe(200);
    expect(before.data.items.map((i) => [i.kind, i.signed])).toEqual([['treatment', false], ['photo_clinical', false]]);

    const h = await call<Handoff>(clinic.frontDesk, `/api/clients/${client.clientId}/consent-handoffs`, { kind: 'photo_clinical' });
    expect(h.status).toBe(201);
    expect(h.data.path).toBe(`/sign/${h.data.token}`);
    expect(Date.parse(h.data.expiresAt) - clock.getTime()).toBe(15 * 60_000);
    // only the token's hash is kept
    const row = await t.db.selectFrom('consent_handoffs').selectAll().where('id', '=', h.data.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(h.data.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(h.data.token);

    // the tablet needs no session: the token opens the one document
    const doc = await call<Doc>(null, `/api/consent-handoffs/${h.data.token}`);
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.data).sort()).toEqual(['clientName', 'documentHash', 'expiresAt', 'kind', 'organizationName', 'templateVersion', 'text', 'title']);
    expect(doc.data.title).toBe('Consent to clinical photographs');

    const wrong = await call<{ errors: { path: string; message: string }[] }>(null, `/api/consent-handoffs/${h.data.token}/sign`, { signedName: 'Someone Else', signaturePng: signature, documentHash: doc.data.documentHash, agree: true });
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors[0]).toMatchObject({ path: 'signedName', message: `Type your full name as on your record: ${doc.data.clientName}` });

    // a staff cookie on the tablet changes nothing: the witness is who started the hand-off
    const signed = await call<{ title: string; signedAt: string }>(clinic.provider, `/api/consent-handoffs/${h.data.token}/sign`, { signedName: doc.data.clientName.toUpperCase(), signaturePng: signature, documentHash: doc.data.documentHash, agree: true });
    expect(signed.status).toBe(201);
    expect(Object.keys(signed.data).sort()).toEqual(['signedAt', 'title']);

    const list = await call<{ items: { kind: string; method: string; witnessedBy: string | null; signedBy: string; id: string }[] }>(clinic.provider, `/api/clients/${client.clientId}/consents`);
    const consent = list.data.items.find((c) => c.kind === 'photo_clinical')!;
    expect(consent).toMatchObject({ method: 'in_clinic', witnessedBy: clinic.frontDesk.name, signedBy: doc.data.clientName.toUpperCase() });
    const after = await call<{ items: { kind: string; signed: boolean; method: string | null }[] }>(clinic.frontDesk, `/api/clients/${client.clientId}/consent-summary`);
    expect(after.data.items).toEqual([expect.objectContaining({ kind: 'photo_clinical', signed: true, method: 'in_clinic' })]);
    const pdf = await call<ArrayBuffer>(clinic.provider, `/api/consents/${consent.id}/pdf`);
    expect(pdf.status).toBe(200);

    const actions = (await t.db.selectFrom('audit_events').select(['action', 'actor_user_id', 'details']).where('organization_id', '=', org.id).where('action', 'like', 'consent.%').orderBy('position').execute());
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['consent.handoff.start', 'consent.handoff.open', 'consent.sign']));
    const signAudit = actions.find((a) => a.action === 'consent.sign')!;
    expect(signAudit.actor_user_id).toBeNull();
    expect(signAudit.details).toMatchObject({ method: 'in_clinic', witness: clinic.frontDesk.userId });
  });

  it('is single-use', async () => {
    const h = await call<Handoff>(clinic.provider, `/api/clients/${client.clientId}/consent-handoffs`, { kind: 'photo_marketing' });
    const doc = await call<Doc>(null, `/api/consent-handoffs/${h.data.token}`);
    const body = { signedName: doc.data.clientName, signaturePng: signature, documentHash: doc.data.documentHash, agree: true };
    expect((await call(null, `/api/consent-handoffs/${h.data.token}/sign`, body)).status).toBe(201);
    const again = await call<{ detail: string; rule: string }>(null, `/api/consent-handoffs/${h.data.token}/sign`, body);
    expect(again.status).toBe(409);
    expect(again.data.detail).toBe('This signing link has expired or was already used. Please hand the tablet back to the staff.');
    expect((await call(null, `/api/consent-handoffs/${h.data.token}`)).status).toBe(409);
  });

  it('expires after 15 minutes', async () => {
    const h = await call<Handoff>(clinic.frontDesk, `/api/clients/${client.clientId}/consent-handoffs`, { kind: 'treatment', modality: 'pen' });
    expect(h.status).toBe(201);
    const doc = await call<Doc>(null, `/api/consent-handoffs/${h.data.token}`);
    expect(doc.status).toBe(200);
    clock = new Date(clock.getTime() + 15 * 60_000 + 1000);
    expect((await call(null, `/api/consent-handoffs/${h.data.token}`)).status).toBe(409);
    const late = await call(null, `/api/consent-handoffs/${h.data.token}/sign`, { signedName: doc.data.clientName, signaturePng: signature, documentHash: doc.data.documentHash, agree: true });
    expect(late.status).toBe(409);
    expect((await call<{ items: { kind: string; signed: boolean }[] }>(clinic.frontDesk, `/api/clients/${client.clientId}/consent-summary?modality=pen`)).data.items[0]).toMatchObject({ kind: 'treatment', signed: false });
  });

  it('opens nothing else: the token is no session and no other id', async () => {
    const h = await call<Handoff>(clinic.frontDesk, `/api/clients/${client.clientId}/consent-handoffs`, { kind: 'photo_clinical' });
    const asBearer = { headers: { authorization: `Bearer ${h.data.token}`, cookie: `better-auth.session_token=${h.data.token}` } };
    for (const path of [`/api/clients/${client.clientId}/consents`, `/api/clients/${client.clientId}`, `/api/clients/${client.clientId}/consent-summary`, '/api/reviews']) {
      expect((await t.request(path, asBearer)).status, path).toBe(401);
    }
    expect((await call(null, `/api/consent-handoffs/${'B'.repeat(43)}`)).status).toBe(404);
    // the desk cannot hand over a client of another clinic
    const other = await t.factory.org();
    const stranger = await t.factory.client(other);
    expect((await call(clinic.frontDesk, `/api/clients/${stranger.id}/consent-handoffs`, { kind: 'photo_clinical' })).status).toBe(404);
  });
});

describe('oversight', () => {
  it("shows the reviewer each finding's answers, the requested treatment and the plan", async () => {
    const c = await t.factory.actor(org, 'client');
    const intake = { answeredOn: '2027-03-01', dateOfBirth: '1990-05-15', fitzpatrick: 3, pregnant: false, breastfeeding: false, conditions: [{ code: 'keloid_history', status: 'history' }], medications: [{ code: 'anticoagulant', current: true, lastDose: '2027-02-28' }], procedures: [], implants: [], allergies: [], clearances: [], concerns: ['fine_lines'] };
    expect((await call(clinic.provider, `/api/clients/${c.clientId}/intake?source=staff`, intake)).status).toBe(201);
    const s = await call<{ id: string; result: { decision: string } }>(clinic.provider, `/api/clients/${c.clientId}/screenings`, { plan: { modality: 'pen', areas: ['cheeks', 'forehead'], date: '2027-03-10' } });
    expect(s.data.result.decision).toBe('needs_review');
    const d = await call<{ requested: { modality: string; areas: string[] }; findings: { ruleId: string; title: string; answers: { code: string; text: string }[] }[]; plan: unknown; photos: unknown[] }>(director, `/api/screenings/${s.data.id}/review-detail`);
    expect(d.status).toBe(200);
    expect(d.data.requested).toMatchObject({ modality: 'pen', areas: ['cheeks', 'forehead'] });
    const keloid = d.data.findings.find((f) => f.ruleId === 'CI-R2')!;
    expect(keloid.title).toBe('Keloid history');
    expect(keloid.answers).toEqual([{ kind: 'conditions', code: 'keloid_history', text: 'Keloid history: in the past' }]);
    const blood = d.data.findings.find((f) => f.ruleId === 'CI-R1')!;
    expect(blood.answers).toEqual([expect.objectContaining({ code: 'anticoagulant', text: 'Anticoagulant: taking it now; last dose February 28, 2027' })]);
    expect(d.data.photos).toEqual([]);
    // the front desk reads no health content
    expect((await call(clinic.frontDesk, `/api/screenings/${s.data.id}/review-detail`)).status).toBe(403);
  });
});
