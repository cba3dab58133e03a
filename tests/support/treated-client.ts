// A client taken through the whole journey over the API, the way the clinic and the client would:
// health answers (a history of eczema: a precaution, CI-R6), screening, risks acknowledged, treatment and photo consents signed, booked,
// checked in on the visit's morning, charted and signed, photographed, and graded afterwards.
import sharp from 'sharp';
import { Temporal } from 'temporal-polyfill';
import { expect } from 'vitest';
import { ORIGIN, type TestApp } from './test-app.js';
import type { Actor, Org } from './factory.js';
import type { Clinic } from './clinic.js';

export interface TreatedClient {
  client: Actor;
  bookingId: string;
  lotId: string;
  photoId: string;
}

/** A weekday after today in the clinic's zone (the clinic is open on weekdays). */
export function nextWeekdayIn(zone: string, from = Temporal.Now.plainDateISO(zone)) {
  const d = from.add({ days: 1 });
  return d.dayOfWeek > 5 ? d.add({ days: 8 - d.dayOfWeek }) : d;
}

export async function treatClient(t: TestApp, org: Org, clinic: Clinic, setNow: (d: Date) => void): Promise<TreatedClient> {
  const zone = 'America/Chicago';
  const day = nextWeekdayIn(zone);
  const client = await t.factory.actor(org, 'client');
  const call = async <T = { id: string }>(who: Actor, path: string, body?: unknown, method?: string) => {
    const res = await t.request(path, { cookie: who.cookie, ...(body !== undefined ? { body } : {}), ...(method ? { method } : {}) });
    expect(res.status, `${method ?? 'POST'} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
    return (await res.json()) as T;
  };
  const png = `data:image/png;base64,${(await sharp({ create: { width: 80, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } }).png().toBuffer()).toString('base64')}`;
  const intake = { answeredOn: Temporal.Now.plainDateISO('UTC').toString(), dateOfBirth: '1990-05-15', pregnant: false, breastfeeding: false, conditions: [{ code: 'eczema', status: 'history' }], medications: [], procedures: [], implants: [], allergies: [], clearances: [], concerns: ['fine_lines'] };
  await call(clinic.provider, `/api/clients/${client.clientId}/intake?source=staff`, intake);
  const screening = await call(clinic.provider, `/api/clients/${client.clientId}/screenings`, { plan: { modality: 'pen', areas: ['cheeks', 'forehead'], date: day.toString() } });
  await call(clinic.provider, `/api/clients/${client.clientId}/plans`, { screeningId: screening.id });
  await call(client, `/api/clients/${client.clientId}/risk-acknowledgements`, { modality: 'pen', summaryVersion: '2026.11.1' });
  for (const kind of ['treatment', 'photo_clinical'] as const) {
    const q = kind === 'treatment' ? 'kind=treatment&modality=pen' : 'kind=photo_clinical';
    const preview = await call<{ documentHash: string; clientName: string }>(client, `/api/clients/${client.clientId}/consents/preview?${q}`, undefined, 'GET');
    await call(client, `/api/clients/${client.clientId}/consents`, { kind, ...(kind === 'treatment' ? { modality: 'pen' } : {}), signedName: preview.clientName, signaturePng: png, documentHash: preview.documentHash, agree: true });
  }
  const lotId = (await call(clinic.owner, `/api/locations/${org.locationId}/lots`, { manufacturer: 'Crown', product: 'SkinPen cartridge 14-pin', lotNumber: `SP-${client.clientId!.slice(0, 6)}`, expiresOn: '2030-06-30' })).id;
  const start = day.toZonedDateTime({ timeZone: zone, plainTime: '10:00' }).toInstant().toString();
  const bookingId = (await call(clinic.frontDesk, '/api/bookings', { locationId: org.locationId, serviceId: clinic.penId, clientId: client.clientId, start, idempotencyKey: `treat-${client.clientId}` })).id;
  // the visit's morning: check-in happens on the day
  setNow(new Date(day.toZonedDateTime({ timeZone: zone, plainTime: '09:30' }).toInstant().epochMilliseconds));
  await call(clinic.frontDesk, `/api/bookings/${bookingId}/check-in`, { answersConfirmed: true });
  const face = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 150, b: 140 } } }).jpeg().toBuffer();
  const uploaded = await t.app.request(`/api/clients/${client.clientId}/photos?view=front&stage=before&bookingId=${bookingId}`, {
    method: 'POST', body: face, headers: { cookie: clinic.provider.cookie, origin: ORIGIN, 'content-type': 'image/jpeg', 'x-forwarded-for': '10.9.0.7' },
  });
  expect(uploaded.status).toBe(201);
  const photoId = ((await uploaded.json()) as { id: string }).id;
  const chart = {
    checklist: { skinCleansed: true, beforePhotosBeforeNumbing: true, numbingApplied: true },
    deviceId: clinic.deviceId,
    lotIds: [lotId],
    numbing: { product: 'Lidocaine 4% cream', amount: '2 g', area: 'full face', onAt: '09:40', offAt: '10:00' },
    areas: [{ area: 'cheeks', depthMm: 1, passes: 3 }, { area: 'forehead', depthMm: 0.5, passes: 2 }],
    products: [{ name: 'Hyaluronic acid serum (device-approved)', approvedForDevice: true }],
    endPoint: 'Uniform erythema with pinpoint bleeding',
  };
  await call(clinic.provider, `/api/bookings/${bookingId}/chart`, { chart, sign: true, signedName: clinic.provider.name }, 'PUT');
  await call(clinic.provider, `/api/clients/${client.clientId}/outcomes`, { measure: 'gais', timepoint: 'session', value: 2, assessedOn: day.toString(), bookingId });
  await call(client, `/api/clients/${client.clientId}/outcomes`, { measure: 'satisfaction', timepoint: 'session', value: 4, assessedOn: day.toString(), bookingId });
  return { client, bookingId, lotId, photoId };
}
