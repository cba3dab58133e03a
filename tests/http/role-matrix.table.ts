// The table of the role matrix (role-matrix.test.ts): for every route, how to call it and the status
// each kind of caller must get.
import { randomBytes } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { Org } from '../support/factory.js';
import { baseIntake } from '../../src/domain/screening/engine/fixtures.js';
import type { Clinic } from '../support/clinic.js';
import { defaultClinicalSettings } from '../../src/services/clinical/settings/clinical-settings.js';
import { consentDocumentsVersion } from '../../src/services/organization/review-consents.js';
import { signUpBody } from '../support/sign-up.js';
import { importRows } from './role-matrix.import.js';
import { giftCardRows } from './role-matrix.gift-cards.js';
import { membershipRows } from './role-matrix.memberships.js';
import { locationRows } from './role-matrix.locations.js';
import { recallRows } from './role-matrix.recall.js';

export const WEEKDAYS = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '07:00', end: '21:00' }]]));

export type Who = 'anon' | 'owner' | 'medical_director' | 'provider' | 'front_desk' | 'client' | 'other';
export const WHO: Who[] = ['anon', 'owner', 'medical_director', 'provider', 'front_desk', 'client', 'other'];

export interface Fixture {
  org: Org;
  /** a client with an intake on record */
  clientId: string;
  /** a needs_review screening of another client, for the review route */
  reviewScreeningId: string;
  directorName: string;
  settingsVersion: number;
  reviewClientId: string;
  /** the signed-in client's own record */
  selfClientId: string;
  planId: string;
  consentId: string;
  consentBody: Record<string, unknown>;
  clinic: Clinic;
  /** free consultation starts, an hour apart, handed out one per request */
  slots: string[];
  bookingId: string;
  heldId: string;
  cancelId: string;
  checkInId: string;
  pastId: string;
  waitlistId: string;
  lotId: string;
  /** a package on sale, two sales of it to the fixture client (invoice and payment of the first, purchase of the second) */
  packageId: string;
  invoiceId: string;
  paymentId: string;
  purchaseId: string;
  /** a booking asking for a deposit */
  depositBookingId: string;
  adverseEventId: string;
  from: string;
  to: string;
}
export interface Probe {
  path: (f: Fixture) => string;
  method?: string;
  body?: (f: Fixture) => unknown;
  expect: Record<Who, number>;
}

export const all = (status: number): Record<Who, number> => ({ anon: status, owner: status, medical_director: status, provider: status, front_desk: status, client: status, other: status });
export const signedIn = (status: number): Record<Who, number> => ({ ...all(status), anon: 401 });
export const only = (ok: number, roles: Who[], otherStatus = 403): Record<Who, number> => ({
  anon: 401,
  owner: roles.includes('owner') ? ok : 403,
  medical_director: roles.includes('medical_director') ? ok : 403,
  provider: roles.includes('provider') ? ok : 403,
  front_desk: roles.includes('front_desk') ? ok : 403,
  client: roles.includes('client') ? ok : 403,
  other: otherStatus,
});
export const uniq = () => randomBytes(4).toString('hex');
let slotIndex = 0;
export const nextSlot = (f: Fixture) => f.slots[slotIndex++ % f.slots.length]!;
export const NO_ID = '00000000-0000-4000-8000-000000000000';
export const chartBody = (f: Fixture) => ({
  checklist: { skinCleansed: true, beforePhotosBeforeNumbing: true, numbingApplied: false },
  deviceId: f.clinic.deviceId, lotIds: [f.lotId], numbing: null, areas: [{ area: 'cheeks', depthMm: 1, passes: 2 }], products: [], endPoint: 'uniform erythema',
});
export const consult = (f: Fixture) => ({ locationId: f.org.locationId, serviceId: f.clinic.consultationId, clientId: f.clientId });
export const STAFF: Who[] = ['owner', 'medical_director', 'provider', 'front_desk'];
export const DESK: Who[] = ['owner', 'front_desk', 'medical_director'];
/** health records: clinicians and the client themself (the fixture client is not the signed-in client) */
export const health = (ok: number) => ({ ...only(ok, ['medical_director', 'provider'], 404), client: 404 });
export const planDate = Temporal.Now.plainDateISO('UTC').add({ days: 14 }).toString();
export const intake = baseIntake({ answeredOn: Temporal.Now.plainDateISO('UTC').toString() });

// "other" is a provider of a second organization: tenant isolation shows as 404 on ids of the first.
export const MATRIX: Record<string, Probe> = {
  'GET /healthz': { path: () => '/healthz', expect: all(200) },
  'GET /readyz': { path: () => '/readyz', expect: all(200) },
  'GET /api/openapi.json': { path: () => '/api/openapi.json', expect: all(200) },
  'GET /api/docs': { path: () => '/api/docs', expect: all(200) },
  'GET /api/docs/{asset}': { path: () => '/api/docs/swagger-ui.css', expect: all(200) },
  'GET /{webPath}': { path: () => '/portal/learn', expect: all(200) },
  'POST /api/auth/sign-in/email': { path: () => '/api/auth/sign-in/email', body: () => ({ email: `nobody-${uniq()}@example.com`, password: 'wrong-password-123' }), expect: all(401) },
  'POST /api/auth/two-factor/disable': {
    path: () => '/api/auth/two-factor/disable',
    body: () => ({ password: 'wrong-password-123' }),
    expect: { anon: 401, owner: 403, medical_director: 403, provider: 400, front_desk: 400, client: 400, other: 400 },
  },
  // a wrong current password: refused by better-auth for every signed-in caller
  'POST /api/auth/change-password': { path: () => '/api/auth/change-password', body: () => ({ currentPassword: 'wrong-password-123', newPassword: 'another-password-456' }), expect: signedIn(400) },
  'GET /api/auth/*': { path: () => '/api/auth/get-session', expect: all(200) },
  'POST /api/auth/*': { path: () => '/api/auth/request-password-reset', body: () => ({ email: `nobody-${uniq()}@example.com`, redirectTo: '/reset-password' }), expect: all(200) },
  // anyone: a visitor without a session is told so with a 200, not a 401
  'GET /api/me': { path: () => '/api/me', expect: all(200) },
  'GET /api/public/organizations': { path: () => '/api/public/organizations', expect: all(200) },
  // client reviews and the public directory; the public pages answer everyone alike
  'GET /api/public/organizations/{slug}': { path: (f) => `/api/public/organizations/${f.org.slug}`, expect: all(200) },
  'GET /api/public/organizations/{slug}/locations/{locationId}': { path: (f) => `/api/public/organizations/${f.org.slug}/locations/${f.org.locationId}`, expect: all(200) },
  'GET /api/public/organizations/{slug}/providers/{userId}': { path: (f) => `/api/public/organizations/${f.org.slug}/providers/${f.clinic.provider.userId}`, expect: all(200) },
  'GET /api/clients/{clientId}/reviewable': { path: (f) => `/api/clients/${f.clientId}/reviewable`, expect: { ...only(200, STAFF, 404), client: 404 } },
  'POST /api/client-reviews': { path: () => '/api/client-reviews', body: () => ({ bookingId: NO_ID, rating: 5, showName: 'anonymous' }), expect: only(404, ['client']) },
  'GET /api/client-reviews': { path: () => '/api/client-reviews?status=pending', expect: only(200, ['owner', 'medical_director', 'front_desk']) },
  'POST /api/client-reviews/{reviewId}/moderate': { path: () => `/api/client-reviews/${NO_ID}/moderate`, body: () => ({ action: 'publish' }), expect: only(404, ['owner', 'medical_director', 'front_desk']) },
  // the clinician themself, the owner or the medical director (the matrix provider is not the clinic's
  // provider: refused with a reason)
  'GET /api/providers/{userId}/profile': { path: (f) => `/api/providers/${f.clinic.provider.userId}/profile`, expect: { ...only(200, ['owner', 'medical_director']), provider: 403, other: 404 } },
  'PUT /api/providers/{userId}/profile': {
    path: (f) => `/api/providers/${f.clinic.provider.userId}/profile`,
    body: () => ({ bio: 'Ten years of skin care.', practisingSince: 2015, published: true }),
    expect: { ...only(200, ['owner', 'medical_director']), provider: 403, other: 404 },
  },
  'POST /api/register': {
    path: () => '/api/register',
    body: (f) => ({ organizationSlug: f.org.slug, firstName: 'New', lastName: 'Client', email: `new-${uniq()}@example.com`, password: 'a-long-password-1' }),
    expect: all(202),
  },
  'POST /api/register/verify': { path: () => '/api/register/verify', body: () => ({ token: 'x'.repeat(40) }), expect: all(400) },
  // the matrix's client has confirmed their email already
  'POST /api/register/verification-email': { path: () => '/api/register/verification-email', body: () => ({}), expect: { ...only(409, ['client']), other: 403 } },
  'POST /api/invitations/accept': { path: () => '/api/invitations/accept', body: () => ({ token: 'x'.repeat(40), name: 'Someone', password: 'a-long-password-1' }), expect: all(400) },
  'GET /api/organization': { path: () => '/api/organization', expect: signedIn(200) },
  // clinic sign-up: a new clinic per call; the matrix's owner has confirmed their email already
  'POST /api/clinic-sign-up': { path: () => '/api/clinic-sign-up', body: () => signUpBody(), expect: all(202) },
  'POST /api/clinic-sign-up/verify': { path: () => '/api/clinic-sign-up/verify', body: () => ({ token: 'x'.repeat(40) }), expect: all(400) },
  'POST /api/clinic-sign-up/verification-email': { path: () => '/api/clinic-sign-up/verification-email', body: () => ({}), expect: only(409, ['owner']) },
  'GET /api/organization/setup': { path: () => '/api/organization/setup', expect: only(200, ['owner', 'medical_director']) },
  'PUT /api/organization/online-booking': { method: 'PUT', path: () => '/api/organization/online-booking', body: () => ({ enabled: true }), expect: only(200, ['owner']) },
  'PUT /api/organization/consent-review': { method: 'PUT', path: () => '/api/organization/consent-review', body: () => ({ version: consentDocumentsVersion() }), expect: only(200, ['owner', 'medical_director']) },
  'GET /api/clients': { path: () => '/api/clients', expect: only(200, STAFF, 200) },
  'POST /api/clients': { path: () => '/api/clients', body: () => ({ firstName: 'Made', lastName: 'ByStaff', email: `m-${uniq()}@example.com` }), expect: only(201, STAFF, 201) },
  'GET /api/clients/{clientId}': { path: (f) => `/api/clients/${f.clientId}`, expect: { ...only(200, STAFF, 404), client: 404 } },
  'PATCH /api/clients/{clientId}': { method: 'PATCH', path: (f) => `/api/clients/${f.clientId}`, body: () => ({ phone: '+1 512 555 0199' }), expect: { ...only(200, STAFF, 404), client: 404 } },
  'GET /api/clients/{clientId}/notes': { path: (f) => `/api/clients/${f.clientId}/notes`, expect: only(200, ['medical_director', 'provider'], 404) },
  'POST /api/clients/{clientId}/notes': { path: (f) => `/api/clients/${f.clientId}/notes`, body: () => ({ body: 'Tolerated 0.5 mm well.' }), expect: only(201, ['medical_director', 'provider'], 404) },
  'GET /api/staff': { path: () => '/api/staff', expect: only(200, ['owner', 'medical_director']) },
  'GET /api/invitations': { path: () => '/api/invitations', expect: only(200, ['owner']) },
  'POST /api/invitations': { path: () => '/api/invitations', body: () => ({ email: `staff-${uniq()}@example.com`, role: 'provider' }), expect: only(201, ['owner']) },
  'GET /api/outbox': { path: () => '/api/outbox', expect: only(200, ['owner', 'front_desk']) },
  'GET /api/audit': { path: () => '/api/audit', expect: only(200, ['owner']) },
  'GET /api/audit/verify': { path: () => '/api/audit/verify', expect: only(200, ['owner']) },
  'GET /api/audit/refusals': { path: () => '/api/audit/refusals', expect: only(200, ['owner']) },
  // the owner only; the matrix app has no backups set up, so starting one is refused with 409
  'GET /api/backups': { path: () => '/api/backups', expect: only(200, ['owner']) },
  'POST /api/backups': { path: () => '/api/backups', method: 'POST', expect: only(409, ['owner']) },
  // the owner's full export; the matrix app has no export folder set up, so starting one is refused with 409,
  // and an export id that is not the clinic's is not found
  // the FHIR read API: the clinicians, and a client for their own record only (f.clientId is another client's)
  'GET /fhir/R4/metadata': { path: () => '/fhir/R4/metadata', expect: all(200) },
  'GET /fhir/R4/Patient/{patientId}': { path: (f) => `/fhir/R4/Patient/${f.clientId}`, expect: { ...only(200, ['medical_director', 'provider'], 404), client: 404 } },
  'GET /fhir/R4/Patient/{patientId}/$everything': { path: (f) => `/fhir/R4/Patient/${f.clientId}/$everything`, expect: { ...only(200, ['medical_director', 'provider'], 404), client: 404 } },
  'GET /fhir/R4/{resourceType}': { path: (f) => `/fhir/R4/Procedure?patient=${f.clientId}`, expect: { ...only(200, ['medical_director', 'provider'], 404), client: 404 } },
  'GET /api/webhooks': { path: () => '/api/webhooks', expect: only(200, ['owner']) },
  'POST /api/webhooks': { path: () => '/api/webhooks', body: () => ({ url: 'https://hooks.example.com/dermis', events: ['client.created'] }), expect: only(201, ['owner']) },
  'DELETE /api/webhooks/{endpointId}': { path: () => `/api/webhooks/${NO_ID}`, method: 'DELETE', expect: only(404, ['owner']) },
  'POST /api/webhooks/{endpointId}/test': { path: () => `/api/webhooks/${NO_ID}/test`, method: 'POST', expect: only(404, ['owner']) },
  'POST /api/webhooks/deliveries/{deliveryId}/replay': { path: () => `/api/webhooks/deliveries/${NO_ID}/replay`, method: 'POST', expect: only(404, ['owner']) },
  ...importRows({ only, uniq, NO_ID }),
  'GET /api/exports': { path: () => '/api/exports', expect: only(200, ['owner']) },
  'POST /api/exports': { path: () => '/api/exports', method: 'POST', expect: only(409, ['owner']) },
  'GET /api/exports/{exportId}/download': { path: () => '/api/exports/7c1e3a5b-9d2f-4e6a-8b0c-1d3e5f7a9b2c/download', expect: only(404, ['owner']) },
  'GET /api/clinical-settings': { path: () => '/api/clinical-settings', expect: only(200, ['owner', 'medical_director', 'provider'], 200) },
  'PUT /api/clinical-settings': {
    path: () => '/api/clinical-settings',
    body: (f) => ({ settings: defaultClinicalSettings(), reason: 'annual review', baseVersion: f.settingsVersion }),
    expect: only(200, ['medical_director']),
  },
  'GET /api/clients/{clientId}/intake/draft': { path: (f) => `/api/clients/${f.clientId}/intake/draft`, expect: health(200) },
  'PUT /api/clients/{clientId}/intake/draft': { path: (f) => `/api/clients/${f.clientId}/intake/draft`, body: () => ({ data: { pregnant: false }, step: 2 }), expect: health(200) },
  'DELETE /api/clients/{clientId}/intake/draft': { path: (f) => `/api/clients/${f.clientId}/intake/draft`, expect: health(204) },
  'POST /api/clients/{clientId}/intake': { path: (f) => `/api/clients/${f.clientId}/intake?source=staff`, body: () => intake, expect: health(201) },
  'GET /api/clients/{clientId}/intake': { path: (f) => `/api/clients/${f.clientId}/intake`, expect: health(200) },
  'GET /api/clients/{clientId}/intake/export': { path: (f) => `/api/clients/${f.clientId}/intake/export`, expect: health(200) },
  // stateless clinical evaluation (docs/triage.md, docs/plans.md): clinicians and the owner, never the desk or a client
  'POST /api/triage/evaluate': { path: () => '/api/triage/evaluate', body: () => ({ hoursSinceTreatment: 52, modality: 'pen', areas: ['cheeks'], symptoms: [{ code: 'pus', severity: 'moderate', onsetHours: 50 }] }), expect: only(200, ['owner', 'medical_director', 'provider'], 200) },
  'POST /api/plans/evaluate': { path: () => '/api/plans/evaluate', body: () => ({ screening: { decision: 'eligible', earliestDate: null, findings: [], areas: { cheeks: 'eligible' }, protocol: 'microneedling@2026.12.1' }, startDate: planDate, areas: ['cheeks'] }), expect: only(200, ['owner', 'medical_director', 'provider'], 200) },
  'POST /api/screening/evaluate': { path: () => '/api/screening/evaluate', body: () => ({ intake, plan: { modality: 'pen', areas: ['cheeks'], date: planDate } }), expect: only(200, ['owner', 'medical_director', 'provider'], 200) },
  'POST /api/clients/{clientId}/screenings': { path: (f) => `/api/clients/${f.clientId}/screenings`, body: () => ({ plan: { modality: 'pen', areas: ['cheeks'], date: planDate } }), expect: health(201) },
  'GET /api/clients/{clientId}/screenings': { path: (f) => `/api/clients/${f.clientId}/screenings`, expect: health(200) },
  'GET /api/screenings/{screeningId}': { path: (f) => `/api/screenings/${f.reviewScreeningId}`, expect: health(200) },
  // every clinician reads the queue; a provider signs only with a prescribing licence (settings)
  'GET /api/reviews': { path: () => '/api/reviews', expect: only(200, ['medical_director', 'provider'], 200) },
  'GET /api/screenings/{screeningId}/review-detail': { path: (f) => `/api/screenings/${f.reviewScreeningId}/review-detail`, expect: only(200, ['medical_director', 'provider'], 404) },
  'POST /api/screenings/{screeningId}/review': {
    path: (f) => `/api/screenings/${f.reviewScreeningId}/review`,
    body: (f) => ({ outcome: 'approved', note: 'Reviewed the anticoagulant; proceed with care.', signedName: f.directorName }),
    expect: only(201, ['medical_director']),
  },
  'GET /api/locations/{locationId}/prices': { path: (f) => `/api/locations/${f.org.locationId}/prices`, expect: { ...signedIn(200), other: 404 } },
  'GET /api/plans/awaiting-director': { path: () => '/api/plans/awaiting-director', expect: only(200, ['medical_director']) },
  'POST /api/clients/{clientId}/plans': { path: (f) => `/api/clients/${f.reviewClientId}/plans`, body: (f) => ({ screeningId: f.reviewScreeningId }), expect: health(201) },
  'GET /api/clients/{clientId}/plans': { path: (f) => `/api/clients/${f.reviewClientId}/plans`, expect: health(200) },
  'GET /api/plans/{planId}': { path: (f) => `/api/plans/${f.planId}`, expect: health(200) },
  // a refused change (interval under the 14-day floor): clinicians reach validation, others do not
  'POST /api/plans/{planId}/adjust': {
    path: (f) => `/api/plans/${f.planId}/adjust`,
    body: () => ({ intervalDays: { min: 7, max: 10 }, reason: 'faster series' }),
    expect: { ...only(400, ['medical_director', 'provider'], 404), client: 403 },
  },
  'POST /api/plans/{planId}/approve': { path: (f) => `/api/plans/${f.planId}/approve`, body: () => ({ note: 'fine by me' }), expect: only(409, ['medical_director']) },
  'GET /api/learn/guide': { path: () => '/api/learn/guide', expect: all(200) },
  'GET /api/learn/search': { path: () => '/api/learn/search?q=dermal%20rolling', expect: all(200) },
  'GET /api/learn/risk-summary': { path: () => '/api/learn/risk-summary?modality=rf', expect: all(200) },
  'POST /api/clients/{clientId}/risk-acknowledgements': {
    path: (f) => `/api/clients/${f.selfClientId}/risk-acknowledgements`,
    body: () => ({ modality: 'pen', summaryVersion: '2026.11.1' }),
    expect: only(201, ['client']),
  },
  'GET /api/clients/{clientId}/risk-acknowledgements': { path: (f) => `/api/clients/${f.clientId}/risk-acknowledgements`, expect: { ...only(200, ['medical_director', 'provider'], 404), client: 404 } },
  'GET /api/clients/{clientId}/consents/preview': { path: (f) => `/api/clients/${f.clientId}/consents/preview?kind=photo_clinical`, expect: health(200) },
  'POST /api/clients/{clientId}/consents': { path: (f) => `/api/clients/${f.clientId}/consents`, body: (f) => f.consentBody, expect: health(201) },
  'POST /api/clients/{clientId}/consent-handoffs': { path: (f) => `/api/clients/${f.clientId}/consent-handoffs`, body: () => ({ kind: 'photo_clinical' }), expect: only(201, STAFF, 404) },
  'GET /api/bookings/{bookingId}/check-in-status': { path: (f) => `/api/bookings/${f.bookingId}/check-in-status`, expect: only(200, STAFF, 404) },
  'GET /api/clients/{clientId}/consent-summary': { path: (f) => `/api/clients/${f.clientId}/consent-summary?modality=pen`, expect: only(200, STAFF, 404) },
  // the tablet's routes: the token is the only key, whoever calls (an unknown token is not found)
  'GET /api/consent-handoffs/{token}': { path: () => `/api/consent-handoffs/${'A'.repeat(43)}`, expect: all(404) },
  'POST /api/consent-handoffs/{token}/sign': { path: () => `/api/consent-handoffs/${'A'.repeat(43)}/sign`, body: () => ({ signedName: 'Ana Client', signaturePng: 'data:image/png;base64,iVBORw0KGgo=', documentHash: 'a'.repeat(64), agree: true }), expect: all(404) },
  'GET /api/clients/{clientId}/consents': { path: (f) => `/api/clients/${f.clientId}/consents`, expect: health(200) },
  'GET /api/consents/{consentId}/pdf': { path: (f) => `/api/consents/${f.consentId}/pdf`, expect: health(200) },
  // the director withdraws it; the provider then finds it already withdrawn
  'POST /api/consents/{consentId}/withdraw': { path: (f) => `/api/consents/${f.consentId}/withdraw`, expect: { ...health(200), provider: 409 } },
  'GET /api/clients/{clientId}/treatment-readiness': { path: (f) => `/api/clients/${f.clientId}/treatment-readiness?modality=pen`, expect: { ...only(200, STAFF, 404), client: 404 } },
  'GET /api/services': { path: () => '/api/services', expect: signedIn(200) },
  'POST /api/services': { path: () => '/api/services', body: () => ({ code: `consult_${uniq()}`, name: 'Follow-up consultation', kind: 'consultation', treatmentMin: 15 }), expect: only(201, ['owner']) },
  'GET /api/locations/{locationId}/scheduling-setup': { path: (f) => `/api/locations/${f.org.locationId}/scheduling-setup`, expect: only(200, STAFF, 404) },
  'PUT /api/locations/{locationId}/schedule': {
    path: (f) => `/api/locations/${f.org.locationId}/schedule`,
    body: () => ({ weekly: WEEKDAYS, gridMin: 15, minNoticeMin: 60, horizonDays: 90 }),
    expect: only(200, ['owner']),
  },
  'POST /api/locations/{locationId}/closures': { path: (f) => `/api/locations/${f.org.locationId}/closures`, body: () => ({ date: '2031-12-25', reason: 'Holiday' }), expect: only(201, ['owner']) },
  'PUT /api/providers/{userId}/schedule': { path: (f) => `/api/providers/${f.clinic.provider.userId}/schedule`, body: (f) => ({ locationId: f.org.locationId, weekly: WEEKDAYS }), expect: only(200, ['owner']) },
  'PUT /api/providers/{userId}/overrides': { path: (f) => `/api/providers/${f.clinic.provider.userId}/overrides`, body: (f) => ({ locationId: f.org.locationId, date: '2031-12-24', ranges: [] }), expect: only(200, ['owner', 'front_desk']) },
  'POST /api/providers/{userId}/time-off': {
    path: (f) => `/api/providers/${f.clinic.provider.userId}/time-off`,
    body: () => ({ from: '2031-07-01T00:00:00Z', to: '2031-07-08T00:00:00Z', reason: 'Vacation' }),
    expect: only(201, ['owner', 'medical_director', 'front_desk']),
  },
  'PUT /api/providers/{userId}/credentials': { path: (f) => `/api/providers/${f.clinic.provider.userId}/credentials`, body: () => ({ credentials: [{ credential: 'rf_training', expiresOn: null }] }), expect: only(200, ['owner', 'medical_director']) },
  'POST /api/devices/{deviceId}/maintenance': {
    path: (f) => `/api/devices/${f.clinic.deviceId}/maintenance`,
    body: () => ({ from: '2031-08-01T00:00:00Z', to: '2031-08-02T00:00:00Z', reason: 'Service' }),
    expect: only(201, ['owner', 'medical_director', 'provider'], 404),
  },
  'PUT /api/scope-rules': { path: () => '/api/scope-rules', body: () => ({ state: 'TX', licenceType: 'pa', modality: 'pen', outcome: 'allowed' }), expect: only(200, ['owner', 'medical_director']) },
  'GET /api/locations/{locationId}/availability': {
    path: (f) => `/api/locations/${f.org.locationId}/availability?serviceId=${f.clinic.consultationId}&from=${f.from}&to=${f.to}`,
    expect: { ...signedIn(200), other: 404 },
  },
  'POST /api/locations/{locationId}/series-plan': {
    path: (f) => `/api/locations/${f.org.locationId}/series-plan`,
    body: (f) => ({ serviceId: f.clinic.consultationId, sessions: 2, intervalDays: { min: 14, max: 21 }, firstFrom: f.from, firstTo: f.to }),
    expect: { ...signedIn(200), other: 404 },
  },
  'POST /api/bookings': { path: () => '/api/bookings', body: (f) => ({ ...consult(f), start: nextSlot(f), idempotencyKey: `matrix-${uniq()}` }), expect: { ...signedIn(201), client: 404, other: 404 } },
  'POST /api/bookings/series': {
    path: () => '/api/bookings/series',
    body: (f) => ({ ...consult(f), sessions: [{ start: nextSlot(f) }], idempotencyKey: `matrix-series-${uniq()}` }),
    expect: { ...signedIn(201), client: 404, other: 404 },
  },
  'GET /api/bookings': { path: (f) => `/api/bookings?locationId=${f.org.locationId}&from=${f.from}&to=${f.to}`, expect: only(200, STAFF, 404) },
  'GET /api/bookings/{bookingId}': { path: (f) => `/api/bookings/${f.bookingId}`, expect: { ...signedIn(200), client: 404, other: 404 } },
  'GET /api/clients/{clientId}/bookings': { path: (f) => `/api/clients/${f.clientId}/bookings`, expect: { ...only(200, STAFF, 404), client: 404 } },
  'GET /api/clients/{clientId}/booking-options': { path: (f) => `/api/clients/${f.clientId}/booking-options?locationId=${f.org.locationId}`, expect: { ...only(200, STAFF, 404), client: 404 } },
  // the first allowed caller changes the state; the next ones find it already changed (409)
  'POST /api/bookings/{bookingId}/confirm': { path: (f) => `/api/bookings/${f.heldId}/confirm`, expect: { ...signedIn(409), owner: 200, client: 404, other: 404 } },
  'POST /api/bookings/{bookingId}/cancel': { path: (f) => `/api/bookings/${f.cancelId}/cancel`, body: () => ({ reason: 'Changed plans' }), expect: { ...signedIn(409), owner: 200, client: 404, other: 404 } },
  'POST /api/bookings/{bookingId}/reschedule': { path: (f) => `/api/bookings/${f.bookingId}/reschedule`, body: (f) => ({ start: nextSlot(f) }), expect: { ...signedIn(200), client: 404, other: 404 } },
  'POST /api/bookings/{bookingId}/check-in': { path: (f) => `/api/bookings/${f.checkInId}/check-in`, body: () => ({}), expect: { ...only(409, STAFF, 404), owner: 200 } },
  'POST /api/bookings/{bookingId}/no-show': { path: (f) => `/api/bookings/${f.pastId}/no-show`, expect: { ...only(409, STAFF, 404), owner: 200 } },
  // nobody made an undoable change to this booking moments ago: staff meet the closed window (409)
  'POST /api/bookings/{bookingId}/undo': { path: (f) => `/api/bookings/${f.bookingId}/undo`, expect: only(409, STAFF, 404) },
  // the first staff request joins; the client is then already waiting (409)
  'POST /api/waitlist': {
    path: () => '/api/waitlist',
    body: (f) => ({ ...consult(f), fromDate: f.from, toDate: f.to }),
    expect: { ...signedIn(409), owner: 201, client: 404, other: 404 },
  },
  'GET /api/waitlist': { path: (f) => `/api/waitlist?locationId=${f.org.locationId}`, expect: only(200, STAFF, 404) },
  'GET /api/clients/{clientId}/waitlist': { path: (f) => `/api/clients/${f.clientId}/waitlist`, expect: { ...only(200, STAFF, 404), client: 404 } },
  'POST /api/waitlist/{entryId}/cancel': { path: (f) => `/api/waitlist/${f.waitlistId}/cancel`, expect: { ...signedIn(409), owner: 200, client: 404, other: 404 } },
  'GET /api/bookings/{bookingId}/ics': { path: (f) => `/api/bookings/${f.bookingId}/ics`, expect: { ...signedIn(200), client: 404, other: 404 } },
  // a provider mints only their own feed (refused with a reason); the owner and the medical director any
  'POST /api/providers/{userId}/calendar-feed': { path: (f) => `/api/providers/${f.clinic.provider.userId}/calendar-feed`, expect: { ...only(201, ['owner', 'medical_director']), provider: 403 } },
  'GET /api/calendar/{file}': { path: () => `/api/calendar/${'x'.repeat(32)}.ics`, expect: all(404) },
  'POST /api/locations/{locationId}/rooms': { path: (f) => `/api/locations/${f.org.locationId}/rooms`, body: () => ({ name: `Room ${uniq()}` }), expect: only(201, ['owner']) },
  'POST /api/locations/{locationId}/devices': {
    path: (f) => `/api/locations/${f.org.locationId}/devices`,
    body: () => ({ modality: 'rf', manufacturer: 'InMode', model: 'Morpheus8', serial: `M8-${uniq()}` }),
    expect: only(201, ['owner']),
  },
  'POST /api/locations/{locationId}/lots': {
    path: (f) => `/api/locations/${f.org.locationId}/lots`,
    body: () => ({ manufacturer: 'Crown', product: 'SkinPen cartridge', lotNumber: `L-${uniq()}`, expiresOn: '2030-01-31' }),
    expect: only(201, ['owner', 'medical_director', 'provider'], 404),
  },
  'GET /api/locations/{locationId}/lots': { path: (f) => `/api/locations/${f.org.locationId}/lots`, expect: only(200, ['owner', 'medical_director', 'provider'], 404) },
  'GET /api/lots/{lotId}/trace': { path: (f) => `/api/lots/${f.lotId}/trace`, expect: only(200, ['owner', 'medical_director']) },
  'POST /api/lots/{lotId}/recall': { path: (f) => `/api/lots/${f.lotId}/recall`, body: () => ({ reason: 'Manufacturer notice' }), expect: only(200, ['owner', 'medical_director']) },
  'GET /api/bookings/{bookingId}/chart': { path: (f) => `/api/bookings/${f.bookingId}/chart`, expect: { ...only(200, ['medical_director', 'provider'], 404) } },
  // the fixture booking is a consultation: clinicians reach the rule, nobody else the booking
  'PUT /api/bookings/{bookingId}/chart': { path: (f) => `/api/bookings/${f.bookingId}/chart`, body: (f) => ({ chart: chartBody(f), sign: false }), expect: only(409, ['medical_director', 'provider'], 404) },
  'POST /api/charts/{chartId}/amend': { path: () => `/api/charts/${NO_ID}/amend`, body: (f) => ({ chart: chartBody(f), reason: 'typo in depth', signedName: 'Someone' }), expect: only(404, ['medical_director', 'provider'], 404) },
  'POST /api/charts/{chartId}/cosign': { path: () => `/api/charts/${NO_ID}/cosign`, body: () => ({ signedName: 'Someone Signing' }), expect: only(404, ['medical_director']) },
  'GET /api/charts/cosign-queue': { path: () => '/api/charts/cosign-queue', expect: only(200, ['medical_director']) },
  'GET /api/clients/{clientId}/aftercare': { path: (f) => `/api/clients/${f.clientId}/aftercare`, expect: health(200) },
  'POST /api/aftercare/{journeyId}/reports': { path: () => `/api/aftercare/${NO_ID}/reports`, body: () => ({ symptoms: [{ code: 'pus', severity: 'moderate', onsetDays: 0 }] }), expect: { ...only(404, ['medical_director', 'provider', 'client'], 404) } },
  'GET /api/alerts': { path: () => '/api/alerts', expect: only(200, ['medical_director', 'provider'], 200) },
  'POST /api/alerts/{alertId}/acknowledge': { path: () => `/api/alerts/${NO_ID}/acknowledge`, expect: only(404, ['medical_director', 'provider'], 404) },
  'GET /api/reports/{name}': { path: () => '/api/reports/revenue?from=2026-01-01&to=2026-01-31', expect: only(200, ['owner', 'medical_director']) },
  'GET /api/adverse-events/export.csv': { path: () => '/api/adverse-events/export.csv', expect: only(200, ['owner', 'medical_director']) },
  'GET /api/adverse-events': { path: () => '/api/adverse-events', expect: only(200, ['owner', 'medical_director', 'provider'], 200) },
  'POST /api/adverse-events': {
    path: () => '/api/adverse-events',
    body: (f) => ({ clientId: f.clientId, code: 'pih', expectedResponse: false, grade: 1, serious: false, relatedness: 'possible', onsetOn: '2026-11-20', description: 'Light brown patch on the left cheek' }),
    expect: only(201, ['medical_director', 'provider'], 404),
  },
  'POST /api/adverse-events/{eventId}/follow-ups': { path: (f) => `/api/adverse-events/${f.adverseEventId}/follow-ups`, body: () => ({ note: 'Improving with sunscreen' }), expect: only(201, ['medical_director', 'provider'], 404) },
  // the review client has not consented to clinical photos: clinicians reach that rule
  'POST /api/clients/{clientId}/photos': { path: (f) => `/api/clients/${f.reviewClientId}/photos?view=front&stage=before`, body: () => ({ not: 'an image' }), expect: health(409) },
  'GET /api/clients/{clientId}/photos': { path: (f) => `/api/clients/${f.clientId}/photos`, expect: health(200) },
  'GET /api/photos/{photoId}/image': { path: () => `/api/photos/${NO_ID}/image`, expect: health(404) },
  'POST /api/photos/{photoId}/marketing': { path: () => `/api/photos/${NO_ID}/marketing`, body: () => ({ use: true }), expect: only(404, ['owner', 'medical_director']) },
  'GET /api/locations/{locationId}/billing-settings': { path: (f) => `/api/locations/${f.org.locationId}/billing-settings`, expect: only(200, STAFF, 404) },
  'PUT /api/locations/{locationId}/billing-settings': {
    path: (f) => `/api/locations/${f.org.locationId}/billing-settings`, method: 'PUT',
    body: () => ({ taxRateBp: 0, taxServices: false, lateCancelKeepsDeposit: true, noShowKeepsDeposit: true, lateCancelForfeitsSession: true, noShowForfeitsSession: true, packageRefundFeeBp: 0, deposits: [] }),
    expect: only(200, ['owner']),
  },
  'GET /api/locations/{locationId}/booking-terms': { path: (f) => `/api/locations/${f.org.locationId}/booking-terms?serviceId=${f.clinic.consultationId}`, expect: { ...signedIn(200), other: 404 } },
  'POST /api/clients/{clientId}/packages': { path: (f) => `/api/clients/${f.clientId}/packages`, body: (f) => ({ locationId: f.org.locationId, packageId: f.packageId, payment: { amountCents: 100, method: 'cash' }, idempotencyKey: `matrix-${uniq()}` }), expect: only(201, DESK) },
  'GET /api/clients/{clientId}/billing': { path: (f) => `/api/clients/${f.clientId}/billing`, expect: { ...only(200, DESK), client: 404 } },
  'GET /api/bookings/{bookingId}/billing': { path: (f) => `/api/bookings/${f.bookingId}/billing`, expect: { ...only(200, DESK), client: 404 } },
  // the owner takes the deposit; the next ones find it paid
  'POST /api/bookings/{bookingId}/deposit': { path: (f) => `/api/bookings/${f.depositBookingId}/deposit`, body: () => ({ method: 'cash', idempotencyKey: `matrix-${uniq()}` }), expect: { ...only(409, DESK), owner: 201 } },
  'POST /api/bookings/{bookingId}/invoice': { path: (f) => `/api/bookings/${f.bookingId}/invoice`, body: () => ({}), expect: only(409, DESK) },
  'GET /api/invoices/{invoiceId}': { path: (f) => `/api/invoices/${f.invoiceId}`, expect: { ...only(200, DESK), client: 404 } },
  'POST /api/invoices/{invoiceId}/payments': { path: (f) => `/api/invoices/${f.invoiceId}/payments`, body: () => ({ amountCents: 100, method: 'cash', idempotencyKey: `matrix-${uniq()}` }), expect: only(201, DESK) },
  // money was taken on it: refund first (a business rule, after the role)
  'POST /api/invoices/{invoiceId}/void': { path: (f) => `/api/invoices/${f.invoiceId}/void`, body: () => ({ reason: 'Issued in error' }), expect: only(409, ['owner', 'front_desk']) },
  'POST /api/payments/{paymentId}/refunds': { path: (f) => `/api/payments/${f.paymentId}/refunds`, body: () => ({ amountCents: 100, reason: 'Changed mind', idempotencyKey: `matrix-${uniq()}` }), expect: only(201, ['owner', 'front_desk']) },
  // the owner refunds the unused sessions; the desk then finds none left
  'POST /api/package-purchases/{purchaseId}/refund': { path: (f) => `/api/package-purchases/${f.purchaseId}/refund`, body: () => ({ reason: 'Moving away', idempotencyKey: `matrix-${uniq()}` }), expect: { ...only(409, ['owner', 'front_desk']), owner: 200 } },
  'GET /api/payments/{paymentId}/receipt.pdf': { path: (f) => `/api/payments/${f.paymentId}/receipt.pdf`, expect: { ...only(200, DESK), client: 404 } },
  // no payment keys in tests: online payment answers that it is not set up
  'POST /api/checkout': { path: () => '/api/checkout', body: () => ({ kind: 'invoice', invoiceId: NO_ID }), expect: { ...only(409, DESK), client: 409 } },
  'POST /api/checkout/{sessionId}/confirm': { path: () => '/api/checkout/cs_test_12345678/confirm', expect: { ...only(409, DESK), client: 409 } },
  'GET /api/bookings/{bookingId}/deposit-step': { path: (f) => `/api/bookings/${f.depositBookingId}/deposit-step`, expect: { ...only(200, DESK), client: 404 } },
  // no payment keys here: the Payment Element and fees answer that card payment is not set up
  'POST /api/bookings/{bookingId}/payment-intent': { path: (f) => `/api/bookings/${f.depositBookingId}/payment-intent`, body: () => ({ acceptPolicy: true, policyVersion: 'p1-000000000000' }), expect: { ...only(409, DESK), client: 409 } },
  'POST /api/card-intents/{intentId}/confirm': { path: () => '/api/card-intents/pi_test_12345678/confirm', expect: { ...only(409, DESK), client: 409 } },
  'POST /api/bookings/{bookingId}/fees': { path: (f) => `/api/bookings/${f.depositBookingId}/fees`, body: () => ({ kind: 'no_show' }), expect: only(409, DESK) },
  // off without a webhook secret (tests configure none here)
  'POST /api/webhooks/stripe': { path: () => '/api/webhooks/stripe', body: () => ({ type: 'checkout.session.completed' }), expect: { ...signedIn(404), anon: 404 } },
  'POST /api/payments/{paymentId}/receipt/email': { path: (f) => `/api/payments/${f.paymentId}/receipt/email`, expect: only(200, DESK) },
  ...giftCardRows({ only, all, uniq, NO_ID, DESK }),
  ...membershipRows({ only, uniq, NO_ID }),
  'GET /api/marketing/photos': { path: () => '/api/marketing/photos', expect: only(200, STAFF, 200) },
  'GET /api/marketing/photos/{photoId}/image': { path: () => `/api/marketing/photos/${NO_ID}/image`, expect: only(404, STAFF, 404) },
  'GET /api/clients/{clientId}/outcomes': { path: (f) => `/api/clients/${f.clientId}/outcomes`, expect: health(200) },
  'POST /api/clients/{clientId}/outcomes': {
    path: (f) => `/api/clients/${f.clientId}/outcomes`,
    body: () => ({ measure: 'gais', timepoint: 'follow_up', value: 2, assessedOn: '2027-04-01' }),
    expect: { ...health(201), client: 403 },
  },
  'GET /api/clients/{clientId}/message-preferences': { path: (f) => `/api/clients/${f.clientId}/message-preferences`, expect: { ...only(200, STAFF, 404), client: 404 } },
  'PUT /api/clients/{clientId}/message-preferences': {
    path: (f) => `/api/clients/${f.clientId}/message-preferences`,
    body: () => ({ email: true, sms: false, quietStart: '21:00', quietEnd: '08:00' }),
    expect: { ...only(200, STAFF, 404), client: 404 },
  },
  'GET /api/clients/{clientId}/messages': { path: (f) => `/api/clients/${f.clientId}/messages`, expect: { ...only(200, STAFF, 404), client: 404 } },
  ...locationRows({ only, uniq }),
  ...recallRows({ only, all, STAFF }),
  'PUT /api/organization/two-factor': { method: 'PUT', path: () => '/api/organization/two-factor', body: () => ({ requireForAllStaff: false }), expect: only(200, ['owner']) },
  'PUT /api/staff/{userId}/name': { method: 'PUT', path: (f) => `/api/staff/${f.clinic.provider.userId}/name`, body: (f) => ({ name: f.clinic.provider.name }), expect: only(200, ['owner']) },
  'PUT /api/staff/{userId}/licence': {
    path: (f) => `/api/staff/${f.clinic.provider.userId}/licence`,
    body: () => ({ licenceType: 'rn', licenceNumber: 'TX-RN-1', licenceState: 'TX', licenceExpiresOn: '2030-12-31' }),
    expect: only(200, ['owner', 'medical_director']),
  },
};
