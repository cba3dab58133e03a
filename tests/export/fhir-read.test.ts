// The FHIR R4 read API (issue 15, item 4): the same resources as the export, read one patient at a
// time by the clinicians and by the client themself, valid FHIR R4, each answer audited, and nothing
// for the roles and clinics docs/security.md keeps out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, CapabilityStatement, DocumentReference, Patient, Resource } from '@medplum/fhirtypes';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import { treatClient, type TreatedClient } from '../support/treated-client.js';
import { fhirProblem, loadFhirDefinitions } from '../support/fhir-valid.js';

let now = new Date();
let t: TestApp;
let org: Org;
let clinic: Clinic;
let treated: TreatedClient;
let director: Actor;
let otherClient: Actor;
let strangerProvider: Actor;

beforeAll(async () => {
  loadFhirDefinitions();
  t = await createTestApp({ now: () => now });
  org = await t.factory.org('Fhir Read Spa');
  clinic = await setUpClinic(t, org);
  const priced = await t.request(`/api/locations/${org.locationId}/prices`, { cookie: clinic.owner.cookie, body: { serviceCode: 'pen_face', name: 'Pen microneedling, full face', modality: 'pen', priceCents: 35_000, effectiveFrom: now.toISOString().slice(0, 10) } });
  expect(priced.status, await priced.clone().text()).toBeLessThan(300);
  treated = await treatClient(t, org, clinic, (d) => (now = d));
  const invoiced = await t.request(`/api/bookings/${treated.bookingId}/invoice`, { cookie: clinic.frontDesk.cookie, body: {} });
  expect(invoiced.status, await invoiced.clone().text()).toBe(201);
  director = await t.factory.actor(org, 'medical_director');
  otherClient = await t.factory.actor(org, 'client');
  const elsewhere = await t.factory.org('Elsewhere Spa');
  strangerProvider = await t.factory.actor(elsewhere, 'provider');
}, 180_000);
afterAll(async () => t.close());

const get = (path: string, who?: Actor) => t.request(path, who ? { cookie: who.cookie } : {});
const patientId = () => treated.client.clientId!;

async function fhirJson<T extends Resource>(path: string, who?: Actor): Promise<T> {
  const res = await get(path, who);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return (await res.json()) as T;
}

const valid = (r: Resource) => expect(fhirProblem(r)).toBeNull();

const types = (b: Bundle) => new Set((b.entry ?? []).map((e) => e.resource!.resourceType));
const auditCount = async (action: string) =>
  Number((await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('organization_id', '=', org.id).where('action', '=', action).where('client_id', '=', patientId()).executeTakeFirstOrThrow()).n);

describe('the FHIR R4 read API', () => {
  it('publishes a CapabilityStatement to anyone: read Patient, $everything, and search by patient', async () => {
    const cs = await fhirJson<CapabilityStatement>('/fhir/R4/metadata');
    valid(cs);
    expect(cs.fhirVersion).toBe('4.0.1');
    const byType = new Map(cs.rest![0]!.resource!.map((r) => [r.type as string, r]));
    expect(byType.get('Patient')!.operation!.map((o) => o.name)).toEqual(['everything']);
    for (const type of ['Appointment', 'Procedure', 'Consent', 'Observation', 'Invoice']) expect(byType.get(type)!.searchParam!.map((p) => p.name)).toEqual(['patient']);
  });

  it('gives the medical director the Patient, and records the read', async () => {
    const before = await auditCount('fhir.patient.read');
    const p = await fhirJson<Patient>(`/fhir/R4/Patient/${patientId()}`, director);
    valid(p);
    expect(p.id).toBe(patientId());
    expect(p.name?.[0]?.family).toBeTruthy();
    expect(await auditCount('fhir.patient.read')).toBe(before + 1);
  });

  it("gives the whole record with $everything: every resource valid, files at addresses the same roles may open", async () => {
    const before = await auditCount('fhir.patient.everything');
    const b = await fhirJson<Bundle>(`/fhir/R4/Patient/${patientId()}/$everything`, director);
    valid(b);
    expect(b.type).toBe('searchset');
    expect(b.total).toBe(b.entry!.length);
    for (const type of ['Patient', 'Appointment', 'QuestionnaireResponse', 'RiskAssessment', 'CarePlan', 'Consent', 'DocumentReference', 'Procedure', 'Media', 'Observation', 'Invoice']) expect([...types(b)]).toContain(type);
    for (const e of b.entry!) {
      valid(e.resource!);
      expect(e.fullUrl).toBe(`${new URL(e.fullUrl!).origin}/fhir/R4/${e.resource!.resourceType}/${e.resource!.id}`);
    }
    const doc = b.entry!.map((e) => e.resource!).find((r): r is DocumentReference => r.resourceType === 'DocumentReference')!;
    const pdf = await get(new URL(doc.content[0]!.attachment.url!).pathname, director);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(await auditCount('fhir.patient.everything')).toBe(before + 1);
  });

  it("searches one type by patient, as Patient/<id> or the id alone", async () => {
    const everything = await fhirJson<Bundle>(`/fhir/R4/Patient/${patientId()}/$everything`, director);
    for (const [type, patient] of [['Appointment', `Patient/${patientId()}`], ['Procedure', patientId()], ['Observation', patientId()]] as const) {
      const b = await fhirJson<Bundle>(`/fhir/R4/${type}?patient=${encodeURIComponent(patient)}`, clinic.provider);
      valid(b);
      expect(types(b)).toEqual(new Set([type]));
      expect(b.total).toBe(everything.entry!.filter((e) => e.resource!.resourceType === type).length);
      expect(b.link![0]!.url).toContain(`/fhir/R4/${type}?patient=`);
    }
    expect(await auditCount('fhir.search')).toBeGreaterThanOrEqual(3);
  });

  it('names the patient parameter when it is missing or not a patient', async () => {
    for (const q of ['', '?patient=', '?patient=Practitioner%2F123', '?patient=not-an-id']) {
      const res = await get(`/fhir/R4/Procedure${q}`, director);
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { errors: { path: string; message: string }[] };
      expect(body.errors.map((e) => e.path)).toContain('patient');
    }
    const unknownType = await get(`/fhir/R4/Practitioner?patient=${patientId()}`, director);
    expect(unknownType.status).toBe(400);
  });

  it("keeps invoices and payments from providers, as the console does", async () => {
    const b = await fhirJson<Bundle>(`/fhir/R4/Patient/${patientId()}/$everything`, clinic.provider);
    expect([...types(b)]).toContain('Procedure');
    expect([...types(b)]).not.toContain('Invoice');
    expect([...types(b)]).not.toContain('PaymentReconciliation');
    const refused = await get(`/fhir/R4/Invoice?patient=${patientId()}`, clinic.provider);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/invoices and payments/);
    const forDirector = await fhirJson<Bundle>(`/fhir/R4/Invoice?patient=${patientId()}`, director);
    expect(forDirector.total).toBe(1);
  });

  it('lets a client read their own record, and nobody else read it', async () => {
    const own = await fhirJson<Bundle>(`/fhir/R4/Patient/${patientId()}/$everything`, treated.client);
    expect([...types(own)]).toContain('Invoice');
    expect((await get(`/fhir/R4/Patient/${patientId()}`, otherClient)).status).toBe(404);
    expect((await get(`/fhir/R4/Procedure?patient=${patientId()}`, otherClient)).status).toBe(404);
    expect((await get(`/fhir/R4/Patient/${patientId()}/$everything`, strangerProvider)).status).toBe(404);
    for (const who of [clinic.owner, clinic.frontDesk]) expect((await get(`/fhir/R4/Patient/${patientId()}`, who)).status).toBe(403);
    expect((await get(`/fhir/R4/Patient/${patientId()}`)).status).toBe(401);
  });
});
