// Client reviews through the API, on a visit completed the real way (intake, screening, consent,
// booking, check-in, chart signature starting aftercare): the review opens with the day-7 check-in,
// waits for moderation, and the public pages show only published reviews and never contact details
// or licence numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { Temporal } from 'temporal-polyfill';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import { inviteReviews } from '../../src/services/reviews/invite-reviews.js';

let t: TestApp;
let org: Org;
let clinic: Clinic;
let client: Actor;
let bookingId: string;
let reviewId: string;
const LICENCE_NUMBER = 'TX-RN-424242';
const tomorrow = Temporal.Now.plainDateISO('America/Chicago').add({ days: 1 });
const day = tomorrow.dayOfWeek > 5 ? tomorrow.add({ days: 8 - tomorrow.dayOfWeek }) : tomorrow;
// the clock stands on the visit's morning from check-in on: a client is checked in on the day of the visit
let now = new Date();

async function call<T = Record<string, unknown>>(who: Actor | null, path: string, body?: unknown, method?: string) {
  const res = await t.request(path, { ...(who ? { cookie: who.cookie } : {}), ...(body !== undefined ? { body } : {}), ...(method ? { method } : {}) });
  return { status: res.status, data: (await res.json()) as T };
}
interface PublicProvider {
  provider: { name: string; licenceType: string; credentials: string[]; yearsExperience: number | null; services: string[]; rating: { average: number | null; count: number }; locations: { services: string[] }[] };
  reviews: { items: { rating: number; body: string; displayName: string; reply: { text: string } | null }[]; total: number };
}
const providerPage = () => call<PublicProvider>(null, `/api/public/organizations/${org.slug}/providers/${clinic.provider.userId}`);
const submit = (who: Actor, over: Record<string, unknown> = {}) =>
  call<{ id: string; status: string; displayName: string; errors: { path: string; message: string }[]; detail: string }>(who, '/api/client-reviews', { bookingId, rating: 4, body: '  Gentle and thorough; she explained every step.  ', showName: 'first_name_initial', ...over });

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  org = await t.factory.org('Glow Spa');
  clinic = await setUpClinic(t, org);
  client = await t.factory.actor(org, 'client');
  const png = `data:image/png;base64,${(await sharp({ create: { width: 80, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } }).png().toBuffer()).toString('base64')}`;
  const intake = { answeredOn: Temporal.Now.plainDateISO('UTC').toString(), dateOfBirth: '1990-05-15', pregnant: false, breastfeeding: false, conditions: [], medications: [], procedures: [], implants: [], allergies: [], clearances: [], concerns: ['fine_lines'] };
  await call(clinic.provider, `/api/clients/${client.clientId}/intake?source=staff`, intake);
  await call(clinic.provider, `/api/clients/${client.clientId}/screenings`, { plan: { modality: 'pen', areas: ['cheeks', 'forehead'], date: day.toString() } });
  await call(client, `/api/clients/${client.clientId}/risk-acknowledgements`, { modality: 'pen', summaryVersion: '2026.11.1' });
  const preview = await call<{ documentHash: string; clientName: string }>(client, `/api/clients/${client.clientId}/consents/preview?kind=treatment&modality=pen`);
  await call(client, `/api/clients/${client.clientId}/consents`, { kind: 'treatment', modality: 'pen', signedName: preview.data.clientName, signaturePng: png, documentHash: preview.data.documentHash, agree: true });
  await call(client, `/api/clients/${client.clientId}/message-preferences`, { email: true, sms: false, quietStart: '00:00', quietEnd: '00:00' }, 'PUT');
  await call(clinic.owner, `/api/staff/${clinic.provider.userId}/licence`, { licenceType: 'rn', licenceNumber: LICENCE_NUMBER, licenceState: 'TX', licenceExpiresOn: '2030-12-31' }, 'PUT');
  await call(clinic.owner, `/api/providers/${clinic.provider.userId}/credentials`, { credentials: [{ credential: 'rf_training', expiresOn: null }] }, 'PUT');
  const start = day.toZonedDateTime({ timeZone: 'America/Chicago', plainTime: '10:00' }).toInstant().toString();
  const b = await call<{ id: string }>(clinic.frontDesk, '/api/bookings', { locationId: org.locationId, serviceId: clinic.penId, clientId: client.clientId, start, idempotencyKey: `rv-${org.id}` });
  expect(b.status).toBe(201);
  bookingId = b.data.id;
  now = new Date(day.toZonedDateTime({ timeZone: 'America/Chicago', plainTime: '09:30' }).toInstant().epochMilliseconds);
  expect((await call(clinic.frontDesk, `/api/bookings/${bookingId}/check-in`, { answersConfirmed: true }, 'POST')).status).toBe(200);
});
afterAll(() => t.close());

describe('client reviews', () => {
  it('refuses a visit that is not completed, or not the caller’s', async () => {
    const early = await submit(client);
    expect(early.status).toBe(409);
    expect(early.data.errors[0]!.path).toBe('bookingId');
    const stranger = await t.factory.actor(org, 'client');
    expect((await submit(stranger)).status).toBe(404);
  });

  it('opens only a week after the treatment, unless the day-7 check-in is answered', async () => {
    const lotId = (await call<{ id: string }>(clinic.owner, `/api/locations/${org.locationId}/lots`, { manufacturer: 'Crown', product: 'SkinPen cartridge', lotNumber: 'RV-1', expiresOn: '2030-06-30' })).data.id;
    const chart = {
      checklist: { skinCleansed: true, beforePhotosBeforeNumbing: true, numbingApplied: true }, deviceId: clinic.deviceId, lotIds: [lotId],
      numbing: { product: 'Lidocaine 4% cream', amount: '2 g', area: 'full face', onAt: '09:40', offAt: '10:00' },
      areas: [{ area: 'cheeks', depthMm: 1, passes: 3 }], products: [], endPoint: 'Uniform erythema',
    };
    expect((await call(clinic.provider, `/api/bookings/${bookingId}/chart`, { chart, sign: true, signedName: clinic.provider.name }, 'PUT')).status).toBe(200);
    const tooEarly = await submit(client);
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.data.errors[0]!.path).toBe('bookingId');
    expect(tooEarly.data.errors[0]!.message).toMatch(/open on \d{4}-\d{2}-\d{2}/);
    expect((await call<{ items: unknown[] }>(client, `/api/clients/${client.clientId}/reviewable`)).data.items).toEqual([]);
    expect(await inviteReviews(t.db, now)).toBe(0);

    const care = await call<{ journeys: { id: string; checkIns: { id: string; day: number }[] }[] }>(client, `/api/clients/${client.clientId}/aftercare`);
    const journey = care.data.journeys[0]!;
    const day7 = journey.checkIns.find((c) => c.day === 7)!;
    expect((await call(client, `/api/aftercare/${journey.id}/reports`, { symptoms: [], checkInId: day7.id })).status).toBe(201);
    const open = await call<{ items: { bookingId: string; serviceName: string; providerName: string; locationName: string }[] }>(client, `/api/clients/${client.clientId}/reviewable`);
    expect(open.data.items).toHaveLength(1);
    expect(open.data.items[0]).toMatchObject({ bookingId, serviceName: 'Pen microneedling, full face', providerName: clinic.provider.name, locationName: 'Main' });
    // staff see the same list from the client's record
    expect((await call<{ items: unknown[] }>(clinic.frontDesk, `/api/clients/${client.clientId}/reviewable`)).data.items).toHaveLength(1);
  });

  it('invites by email exactly once, without health details', async () => {
    expect(await inviteReviews(t.db, now)).toBe(1);
    expect(await inviteReviews(t.db, now)).toBe(0);
    const mails = await t.db.selectFrom('outbox_messages').selectAll().where('kind', '=', 'review.invite').where('organization_id', '=', org.id).execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to_address: client.email, booking_id: bookingId, idempotency_key: `review-invite:${bookingId}`, status: 'pending' });
    expect(mails[0]!.body_text).toContain(`How was your visit with ${clinic.provider.name.split(' ')[0]}? Rate it in your Dermis portal.`);
    expect(mails[0]!.body_text).not.toMatch(/microneedling|aftercare|check-in|treatment/i);
  });

  it('takes one review per visit, pending until the clinic publishes it', async () => {
    expect((await submit(client, { rating: 6 })).status).toBe(400);
    const first = await submit(client);
    expect(first.status).toBe(201);
    expect(first.data).toMatchObject({ status: 'pending', body: 'Gentle and thorough; she explained every step.' });
    expect(first.data.displayName).toMatch(/^Self [A-Z]\.$/);
    reviewId = first.data.id;
    const again = await submit(client, { showName: 'anonymous' });
    expect(again.status).toBe(409);
    expect(again.data.errors[0]!.path).toBe('bookingId');
    expect((await call<{ items: unknown[] }>(client, `/api/clients/${client.clientId}/reviewable`)).data.items).toEqual([]);

    const page = await providerPage();
    expect(page.status).toBe(200);
    expect(page.data.reviews.items).toEqual([]);
    expect(page.data.provider.rating).toEqual({ average: null, count: 0 });
    const queue = await call<{ items: { id: string; clientName: string; providerName: string }[] }>(clinic.frontDesk, '/api/client-reviews?status=pending');
    expect(queue.data.items.map((r) => r.id)).toEqual([reviewId]);
    expect(queue.data.items[0]!.clientName).toContain('Self');
    expect((await call(clinic.provider, '/api/client-reviews?status=pending')).status).toBe(403);
  });

  it('publishes: the public provider, location and clinic pages show the rating', async () => {
    const published = await call<{ status: string }>(clinic.frontDesk, `/api/client-reviews/${reviewId}/moderate`, { action: 'publish' });
    expect(published.data.status).toBe('published');
    expect((await call(clinic.frontDesk, `/api/client-reviews/${reviewId}/moderate`, { action: 'publish' })).status).toBe(409);
    // a second published review (another visit) to check the average
    const other = await t.factory.actor(org, 'client');
    const loc = await t.db.selectFrom('bookings').selectAll().where('id', '=', bookingId).executeTakeFirstOrThrow();
    const b2 = await t.db.insertInto('bookings').values({ ...loc, id: undefined, client_id: other.clientId!, status: 'completed', idempotency_key: null, created_at: undefined, updated_at: undefined } as never).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('reviews').values({ organization_id: org.id, client_id: other.clientId!, booking_id: b2.id, location_id: org.locationId, provider_user_id: clinic.provider.userId, rating: 5, display_name: 'Verified client', status: 'published' }).execute();

    const page = await providerPage();
    expect(page.data.provider.rating).toEqual({ average: 4.5, count: 2 });
    expect(page.data.reviews.items.map((r) => r.rating).sort()).toEqual([4, 5]);
    expect(page.data.provider).toMatchObject({ licenceType: 'Registered nurse', credentials: ['RF training'] });
    expect(page.data.provider.locations[0]!.services).toEqual(['Consultation', 'Pen microneedling, full face']);
    const location = await call<{ providers: { id: string; services: string[]; rating: { average: number } }[] }>(null, `/api/public/organizations/${org.slug}/locations/${org.locationId}`);
    const card = location.data.providers.find((p) => p.id === clinic.provider.userId)!;
    expect(card.rating.average).toBe(4.5);
    expect(card.services).toContain('Pen microneedling, full face');
    const clinicPage = await call<{ name: string; locations: { rating: { average: number; count: number } }[] }>(null, `/api/public/organizations/${org.slug}`);
    expect(clinicPage.data).toMatchObject({ name: 'Glow Spa', locations: [{ rating: { average: 4.5, count: 2 } }] });
  });

  it('a reply shows in public with the review', async () => {
    expect((await call(clinic.owner, `/api/client-reviews/${reviewId}/moderate`, { action: 'reply', reply: '' })).status).toBe(400);
    expect((await call(clinic.owner, `/api/client-reviews/${reviewId}/moderate`, { action: 'reply', reply: 'Thank you, Casey!' })).status).toBe(200);
    const mine = (await providerPage()).data.reviews.items.find((r) => r.rating === 4)!;
    expect(mine.reply).toMatchObject({ text: 'Thank you, Casey!' });
  });

  it('the clinician edits their profile; an unpublished profile leaves the public pages', async () => {
    const path = `/api/providers/${clinic.provider.userId}/profile`;
    expect((await call(clinic.frontDesk, path, { bio: 'x', practisingSince: null, published: true }, 'PUT')).status).toBe(403);
    expect((await call(clinic.provider, path, { bio: 'Nurse', practisingSince: 2999, published: true }, 'PUT')).status).toBe(400);
    const saved = await call<{ bio: string; practisingSince: number }>(clinic.provider, path, { bio: ' Twelve years in aesthetic nursing. ', practisingSince: 2014, published: false }, 'PUT');
    expect(saved.data).toMatchObject({ bio: 'Twelve years in aesthetic nursing.', practisingSince: 2014 });
    expect((await providerPage()).status).toBe(404);
    const location = await call<{ providers: { id: string }[] }>(null, `/api/public/organizations/${org.slug}/locations/${org.locationId}`);
    expect(location.data.providers.map((p) => p.id)).not.toContain(clinic.provider.userId);
    await call(clinic.owner, path, { bio: 'Twelve years in aesthetic nursing.', practisingSince: 2014, published: true }, 'PUT');
    expect((await providerPage()).data.provider.yearsExperience).toBe(new Date().getUTCFullYear() - 2014);
  });

  it('hides with a reason: gone from the public pages', async () => {
    expect((await call(clinic.frontDesk, `/api/client-reviews/${reviewId}/moderate`, { action: 'hide', reason: 'no' })).status).toBe(400);
    const hidden = await call<{ status: string; hiddenReason: string }>(clinic.frontDesk, `/api/client-reviews/${reviewId}/moderate`, { action: 'hide', reason: 'Names another client' });
    expect(hidden.data).toMatchObject({ status: 'hidden', hiddenReason: 'Names another client' });
    const page = await providerPage();
    expect(page.data.reviews.items.map((r) => r.rating)).toEqual([5]);
    expect(page.data.provider.rating).toEqual({ average: 5, count: 1 });
    const list = await call<{ items: { id: string }[] }>(clinic.owner, '/api/client-reviews?status=hidden');
    expect(list.data.items.map((r) => r.id)).toEqual([reviewId]);
  });

  it('public pages never show emails, licence numbers, client ids or unpublished reviews; unknown ids are 404', async () => {
    const pages = [
      await call(null, `/api/public/organizations/${org.slug}`),
      await call(null, `/api/public/organizations/${org.slug}/locations/${org.locationId}`),
      await providerPage(),
    ];
    const text = JSON.stringify(pages.map((p) => p.data));
    expect(text).not.toMatch(/@/);
    for (const secret of [LICENCE_NUMBER, client.clientId!, client.email, clinic.provider.email, 'Gentle and thorough', 'Names another client']) expect(text).not.toContain(secret);
    expect((await call(null, '/api/public/organizations/no-such-spa')).status).toBe(404);
    expect((await call(null, `/api/public/organizations/${org.slug}/locations/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await call(null, `/api/public/organizations/${org.slug}/providers/${clinic.frontDesk.userId}`)).status).toBe(404);
    const otherOrg = await t.factory.org('Elsewhere');
    expect((await call(null, `/api/public/organizations/${otherOrg.slug}/locations/${org.locationId}`)).status).toBe(404);
  });
});
