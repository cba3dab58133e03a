// The clinical core through the HTTP API, as the portal and console use it: questionnaire,
// screening, plan and quote, risk acknowledgement, consent with PDF, and treatment readiness.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import { Temporal } from 'temporal-polyfill';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { baseIntake } from '../../src/domain/screening/engine/fixtures.js';

let t: TestApp;
let org: Org;
let client: Actor;
let provider: Actor;
let director: Actor;
let signature: string;
const today = Temporal.Now.plainDateISO('UTC');
const planDate = today.add({ days: 10 }).toString();
const intake = (over = {}) => baseIntake({ answeredOn: today.toString(), concerns: ['fine_lines'], fitzpatrick: 2, ...over });

async function call<T = Record<string, unknown>>(who: Actor, path: string, body?: unknown, method?: string) {
  const res = await t.request(path, { cookie: who.cookie, ...(body !== undefined ? { body } : {}), ...(method ? { method } : {}) });
  const type = res.headers.get('content-type') ?? '';
  const data = (type.includes('json') ? await res.json() : await res.arrayBuffer()) as T;
  return { status: res.status, data, type };
}

beforeAll(async () => {
  t = await createTestApp();
  org = await t.factory.org();
  client = await t.factory.actor(org, 'client');
  provider = await t.factory.actor(org, 'provider');
  director = await t.factory.actor(org, 'medical_director');
  await t.request(`/api/locations/${org.locationId}/prices`, {
    cookie: (await t.factory.actor(org, 'owner')).cookie,
    body: { serviceCode: 'pen_face', name: 'Pen microneedling, full face', modality: 'pen', priceCents: 35000, effectiveFrom: '2026-01-01' },
  });
  const png = await sharp({ create: { width: 120, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } }).png().toBuffer();
  signature = `data:image/png;base64,${png.toString('base64')}`;
});
afterAll(() => t.close());

describe('a client on their own, from questionnaire to a signed consent', () => {
  let screeningId: string;
  let planId: string;
  let consentId: string;

  it('answers the questionnaire and is screened eligible for the planned areas', async () => {
    // no answers yet is an answer (null), not an error; a version that does not exist is not found
    expect(await call(client, `/api/clients/${client.clientId}/intake`)).toMatchObject({ status: 200, data: null });
    expect((await call(client, `/api/clients/${client.clientId}/intake?version=1`)).status).toBe(404);
    expect((await call(client, `/api/clients/${client.clientId}/intake`, intake())).status).toBe(201);
    expect(await call<{ version: number }>(client, `/api/clients/${client.clientId}/intake`)).toMatchObject({ status: 200, data: { version: 1 } });
    const s = await call<{ id: string; decision: string; explanation: unknown; result?: unknown }>(client, `/api/clients/${client.clientId}/screenings`, { plan: { modality: 'pen', areas: ['forehead', 'cheeks'], date: planDate } });
    expect(s.status).toBe(201);
    expect(s.data.decision).toBe('eligible');
    screeningId = s.data.id;
  });

  it('gets a plan within the depth caps and a quote from the location price list', async () => {
    const p = await call<{ id: string; status: string; plan: { sessions: number; areas: { area: string; depthMm: number }[]; intervalDays: unknown }; quote: { perSession: { cents: number }; total: { cents: number } } }>(
      client,
      `/api/clients/${client.clientId}/plans`,
      { screeningId },
    );
    expect(p.status).toBe(201);
    expect(p.data.status).toBe('proposed');
    expect(p.data.plan.sessions).toBe(4);
    expect(p.data.plan.areas).toEqual([expect.objectContaining({ area: 'forehead', depthMm: 0.5 }), expect.objectContaining({ area: 'cheeks', depthMm: 1 })]);
    // the plan contract's engine (docs/plans.md) made it: its findings and protocol version are kept
    expect(p.data.plan).toMatchObject({ protocol: 'microneedling@2026.12.1', findings: expect.arrayContaining([expect.objectContaining({ ruleId: 'SES-fine_lines' })]) as unknown });
    expect(p.data.quote.perSession.cents).toBe(35000);
    expect(p.data.quote.total.cents).toBe(140000);
    planId = p.data.id;
  });

  it('is not ready for treatment until consent and risk acknowledgement are recorded', async () => {
    const r = await call<{ ready: boolean; checks: { id: string; ok: boolean }[] }>(client, `/api/clients/${client.clientId}/treatment-readiness?modality=pen&date=${planDate}`);
    expect(r.data.ready).toBe(false);
    expect(r.data.checks.map((c) => [c.id, c.ok])).toEqual([['screening', true], ['treatment_consent', false], ['risk_acknowledgement', false]]);
  });

  it('acknowledges the risk summary (recorded with version and IP)', async () => {
    const summary = await call<{ version: string; points: { modality: string }[] }>(client, '/api/learn/risk-summary?modality=pen');
    expect(summary.data.points.every((p) => p.modality === 'all')).toBe(true);
    const ack = await call(client, `/api/clients/${client.clientId}/risk-acknowledgements`, { modality: 'pen', summaryVersion: summary.data.version });
    expect(ack.status).toBe(201);
    const stale = await call<{ errors: { path: string }[] }>(client, `/api/clients/${client.clientId}/risk-acknowledgements`, { modality: 'pen', summaryVersion: '1999.1' });
    expect(stale.status).toBe(409);
    expect(stale.data.errors[0]!.path).toBe('summaryVersion');
  });

  it('signs the treatment consent for the plan with typed name and drawn signature, and downloads the PDF', async () => {
    const preview = await call<{ text: string; documentHash: string; clientName: string }>(client, `/api/clients/${client.clientId}/consents/preview?kind=treatment&planId=${planId}`);
    expect(preview.status).toBe(200);
    expect(preview.data.text).toContain('needle depth up to 1.00 mm');
    expect(preview.data.text).toMatch(/darker skin/i);
    const base = { kind: 'treatment', planId, signaturePng: signature, documentHash: preview.data.documentHash, agree: true };
    const wrongName = await call<{ errors: { path: string }[] }>(client, `/api/clients/${client.clientId}/consents`, { ...base, signedName: 'Somebody Else' });
    expect(wrongName.status).toBe(400);
    expect(wrongName.data.errors[0]!.path).toBe('signedName');
    const notAgreed = await call<{ errors: { path: string }[] }>(client, `/api/clients/${client.clientId}/consents`, { ...base, signedName: preview.data.clientName, agree: false });
    expect(notAgreed.status).toBe(400);
    expect(notAgreed.data.errors.map((f) => f.path)).toContain('agree');
    const changed = await call(client, `/api/clients/${client.clientId}/consents`, { ...base, signedName: preview.data.clientName, documentHash: 'a'.repeat(64) });
    expect(changed.status).toBe(409);
    const signed = await call<{ id: string; status: string; documentHash: string; ip: string }>(client, `/api/clients/${client.clientId}/consents`, { ...base, signedName: preview.data.clientName });
    expect(signed.status).toBe(201);
    expect(signed.data.status).toBe('current');
    expect(signed.data.ip).toMatch(/^10\./);
    consentId = signed.data.id;
    const pdf = await call<ArrayBuffer>(client, `/api/consents/${consentId}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const doc = await PDFDocument.load(pdf.data, { updateMetadata: false });
    expect(doc.getSubject()).toContain(signed.data.documentHash);
    expect(doc.getPageCount()).toBeGreaterThan(1);
  });

  it('is ready for treatment on the plan date; an intake change makes the screening stale and blocks it', async () => {
    const ready = await call<{ ready: boolean }>(client, `/api/clients/${client.clientId}/treatment-readiness?modality=pen&date=${planDate}`);
    expect(ready.data.ready).toBe(true);
    expect((await call(client, `/api/clients/${client.clientId}/intake`, intake({ concerns: ['acne_scars'] }))).status).toBe(201);
    const after = await call<{ ready: boolean; checks: { id: string; ok: boolean }[] }>(client, `/api/clients/${client.clientId}/treatment-readiness?modality=pen&date=${planDate}`);
    expect(after.data.ready).toBe(false);
    expect(after.data.checks[0]).toMatchObject({ id: 'screening', ok: false });
    const plan = await call(client, `/api/clients/${client.clientId}/plans`, { screeningId });
    expect(plan.status).toBe(409);
  });

  it('keeps marketing-photo consent separate and lets the client withdraw it', async () => {
    const preview = await call<{ text: string; documentHash: string; clientName: string }>(client, `/api/clients/${client.clientId}/consents/preview?kind=photo_marketing`);
    const signed = await call<{ id: string }>(client, `/api/clients/${client.clientId}/consents`, { kind: 'photo_marketing', signedName: preview.data.clientName, signaturePng: signature, documentHash: preview.data.documentHash, agree: true });
    expect(signed.status).toBe(201);
    const w = await call<{ status: string; withdrawnAt: string }>(client, `/api/consents/${signed.data.id}/withdraw`, {}, 'POST');
    expect(w.status).toBe(200);
    expect(w.data.status).toBe('withdrawn');
    expect((await call(client, `/api/consents/${signed.data.id}/withdraw`, {}, 'POST')).status).toBe(409);
    const list = await call<{ items: { kind: string; status: string }[] }>(client, `/api/clients/${client.clientId}/consents`);
    expect(list.data.items.map((c) => [c.kind, c.status])).toEqual([['photo_marketing', 'withdrawn'], ['treatment', 'current']]);
  });

  it('another client cannot read these records (404)', async () => {
    const other = await t.factory.actor(org, 'client');
    expect((await call(other, `/api/screenings/${screeningId}`)).status).toBe(404);
    expect((await call(other, `/api/plans/${planId}`)).status).toBe(404);
    expect((await call(other, `/api/consents/${consentId}/pdf`)).status).toBe(404);
    expect((await call(other, `/api/clients/${client.clientId}/consents`)).status).toBe(404);
  });

  it('audits every step', async () => {
    const rows = await t.db.selectFrom('audit_events').select('action').where('organization_id', '=', org.id).where('client_id', '=', client.clientId!).orderBy('position').execute();
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['intake.submit', 'screening.create', 'plan.propose', 'risk.acknowledge', 'consent.sign', 'consent.pdf', 'consent.withdraw']));
  });
});

describe('clinician review and plan adjustments', () => {
  async function screenedClient(over: object) {
    const c = await t.factory.client(org);
    await call(provider, `/api/clients/${c.id}/intake?source=staff`, intake(over));
    const s = await call<{ id: string; result: { decision: string } }>(provider, `/api/clients/${c.id}/screenings`, { plan: { modality: 'pen', areas: ['forehead', 'cheeks'], date: planDate } });
    // staff see the full contract result (rule ids, sources), the decision inside it
    return { clientId: c.id, screening: { id: s.data.id, decision: s.data.result.decision } };
  }

  it('a needs_review case is approved by the medical director with no numbing cream; the plan follows', async () => {
    const { clientId, screening } = await screenedClient({ allergies: ['topical_anesthetic'] });
    expect(screening.decision).toBe('needs_review');
    const queue = await call<{ items: { screeningId: string }[] }>(director, '/api/reviews');
    expect(queue.data.items.map((i) => i.screeningId)).toContain(screening.id);
    const review = await call(director, `/api/screenings/${screening.id}/review`, { outcome: 'approved', note: 'Treat without topical anaesthetic.', adjustments: [{ kind: 'no_numbing_cream' }], signedName: director.name });
    expect(review.status).toBe(201);
    const s = await call<{ clearsTreatment: boolean; review: { outcome: string } }>(provider, `/api/screenings/${screening.id}`);
    expect(s.data.clearsTreatment).toBe(true);
    const plan = await call<{ plan: { numbing: { use: boolean } } }>(provider, `/api/clients/${clientId}/plans`, { screeningId: screening.id });
    expect(plan.data.plan.numbing.use).toBe(false);
  });

  it('a contraindicated screening cannot be approved away and gets no plan', async () => {
    const { clientId, screening } = await screenedClient({ pregnant: true });
    expect(screening.decision).toBe('contraindicated');
    expect((await call(director, `/api/screenings/${screening.id}/review`, { outcome: 'approved', note: 'Trying to approve.', signedName: director.name })).status).toBe(409);
    expect((await call(provider, `/api/clients/${clientId}/plans`, { screeningId: screening.id })).status).toBe(409);
  });

  it('a provider adjusts within caps (active), outside caps (awaits the director), never past a hard limit', async () => {
    const { clientId, screening } = await screenedClient({});
    const proposed = await call<{ id: string }>(provider, `/api/clients/${clientId}/plans`, { screeningId: screening.id });
    const within = await call<{ id: string; status: string; supersedes: string }>(provider, `/api/plans/${proposed.data.id}/adjust`, { sessions: 3, reason: 'Client prefers three sessions' });
    expect(within.status).toBe(201);
    expect(within.data).toMatchObject({ status: 'active', supersedes: proposed.data.id });
    expect((await call(provider, `/api/plans/${proposed.data.id}/adjust`, { sessions: 2, reason: 'again' })).status).toBe(409);
    const hard = await call<{ errors: { path: string }[] }>(provider, `/api/plans/${within.data.id}/adjust`, { intervalDays: { min: 7, max: 14 }, reason: 'faster' });
    expect(hard.status).toBe(400);
    expect(hard.data.errors[0]!.path).toBe('intervalDays.min');
    const outside = await call<{ id: string; status: string; outsideCaps: boolean }>(provider, `/api/plans/${within.data.id}/adjust`, { depths: [{ area: 'forehead', depthMm: 1.0 }], reason: 'thick skin' });
    expect(outside.data).toMatchObject({ status: 'awaiting_director', outsideCaps: true });
    expect((await call(provider, `/api/plans/${outside.data.id}/approve`, { note: 'ok' })).status).toBe(403);
    const queue = await call<{ items: { id: string }[] }>(director, '/api/plans/awaiting-director');
    expect(queue.data.items.map((i) => i.id)).toContain(outside.data.id);
    const approved = await call<{ status: string; directorApprovedBy: string }>(director, `/api/plans/${outside.data.id}/approve`, { note: 'Thick forehead skin; 1.0 mm is safe.' });
    expect(approved.data).toMatchObject({ status: 'active', directorApprovedBy: director.name });
  });
});

describe('learn', () => {
  it('finds microneedling under every name, in the guide and in the services, without signing in', async () => {
    for (const name of ['collagen induction therapy', 'Dermal rolling', 'needle dermabrasion', 'percutaneous collagen induction']) {
      const res = await t.request(`/api/learn/search?q=${encodeURIComponent(name)}&organization=${org.slug}`);
      const { items } = (await res.json()) as { items: { kind: string; id: string }[] };
      expect(items.some((i) => i.kind === 'service' && i.id === 'pen_face'), name).toBe(true);
      expect(items.some((i) => i.kind === 'guide' && i.id === 'what-it-is'), name).toBe(true);
    }
    const guide = (await (await t.request('/api/learn/guide')).json()) as { names: string[]; sections: { id: string }[] };
    expect(guide.names).toContain('skin needling');
    expect(guide.sections.map((s) => s.id)).toContain('costs');
  });
});
