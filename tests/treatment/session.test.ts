// A treatment day through the API: check-in, chart against the caps and lots, signature starting the
// aftercare journey once, emails over a real SMTP server, red flags raising and escalating alerts,
// and a lot recall listing every client it touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { Temporal } from 'temporal-polyfill';
import { createTestApp, ORIGIN, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import { startSmtp } from '../support/smtp.js';
import { smtpEmail } from '../../src/adapters/email/smtp.js';
import { deliverPendingEmail } from '../../src/services/outbox/deliver-pending-email.js';
import { escalateAlerts } from '../../src/services/treatment/aftercare.js';
import { startAftercare } from '../../src/services/treatment/start-aftercare.js';

let t: TestApp;
let org: Org;
let clinic: Clinic;
let client: Actor;
let director: Actor;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let lotId: string;
let bookingId: string;
let journeyId: string;
let png: string;
const tomorrow = Temporal.Now.plainDateISO('America/Chicago').add({ days: 1 });
// a weekday, so the clinic is open
const day = tomorrow.dayOfWeek > 5 ? tomorrow.add({ days: 8 - tomorrow.dayOfWeek }) : tomorrow;
// the clock moves to the visit's morning before check-in: a client is checked in on the day of the visit
let now = new Date();
const visitMorning = () => new Date(day.toZonedDateTime({ timeZone: 'America/Chicago', plainTime: '09:30' }).toInstant().epochMilliseconds);

async function call<T = Record<string, unknown>>(who: Actor, path: string, body?: unknown, method?: string) {
  const res = await t.request(path, { cookie: who.cookie, ...(body !== undefined ? { body } : {}), ...(method ? { method } : {}) });
  return { status: res.status, data: (await res.json()) as T };
}
const chart = (over: Record<string, unknown> = {}) => ({
  checklist: { skinCleansed: true, beforePhotosBeforeNumbing: true, numbingApplied: true },
  deviceId: clinic.deviceId,
  lotIds: [lotId],
  numbing: { product: 'Lidocaine 4% cream', amount: '2 g', area: 'full face', onAt: '09:40', offAt: '10:00' },
  areas: [{ area: 'cheeks', depthMm: 1, passes: 3 }, { area: 'forehead', depthMm: 0.5, passes: 2 }],
  products: [{ name: 'Hyaluronic acid serum (device-approved)', approvedForDevice: true }],
  endPoint: 'Uniform erythema with pinpoint bleeding',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  org = await t.factory.org();
  clinic = await setUpClinic(t, org);
  client = await t.factory.actor(org, 'client');
  director = await t.factory.actor(org, 'medical_director');
  smtp = await startSmtp();
  png = `data:image/png;base64,${(await sharp({ create: { width: 80, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } }).png().toBuffer()).toString('base64')}`;
  const intake = { answeredOn: Temporal.Now.plainDateISO('UTC').toString(), dateOfBirth: '1990-05-15', pregnant: false, breastfeeding: false, conditions: [], medications: [], procedures: [], implants: [], allergies: [], clearances: [], concerns: ['fine_lines'] };
  await call(clinic.provider, `/api/clients/${client.clientId}/intake?source=staff`, intake);
  await call(clinic.provider, `/api/clients/${client.clientId}/screenings`, { plan: { modality: 'pen', areas: ['cheeks', 'forehead'], date: day.toString() } });
  await call(client, `/api/clients/${client.clientId}/risk-acknowledgements`, { modality: 'pen', summaryVersion: '2026.11.1' });
  const preview = await call<{ documentHash: string; clientName: string }>(client, `/api/clients/${client.clientId}/consents/preview?kind=treatment&modality=pen`);
  await call(client, `/api/clients/${client.clientId}/consents`, { kind: 'treatment', modality: 'pen', signedName: preview.data.clientName, signaturePng: png, documentHash: preview.data.documentHash, agree: true });
  // no quiet hours, so the test reads the same at any hour of the day
  await call(client, `/api/clients/${client.clientId}/message-preferences`, { email: true, sms: false, quietStart: '00:00', quietEnd: '00:00' }, 'PUT');
  lotId = (await call<{ id: string }>(clinic.owner, `/api/locations/${org.locationId}/lots`, { manufacturer: 'Crown', product: 'SkinPen cartridge 14-pin', lotNumber: 'SP-2026-001', expiresOn: '2030-06-30' })).data.id;
  const start = day.toZonedDateTime({ timeZone: 'America/Chicago', plainTime: '10:00' }).toInstant().toString();
  const b = await call<{ id: string }>(clinic.frontDesk, '/api/bookings', { locationId: org.locationId, serviceId: clinic.penId, clientId: client.clientId, start, idempotencyKey: `tx-${org.id}` });
  expect(b.status).toBe(201);
  bookingId = b.data.id;
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('treatment day', () => {
  it('charts only a checked-in treatment, and saves a draft', async () => {
    expect((await call(clinic.provider, `/api/bookings/${bookingId}/chart`, { chart: chart(), sign: false }, 'PUT')).status).toBe(409);
    now = visitMorning();
    expect((await call(clinic.frontDesk, `/api/bookings/${bookingId}/check-in`, { answersConfirmed: true }, 'POST')).status).toBe(200);
    const draft = await call<{ status: string; version: number }>(clinic.provider, `/api/bookings/${bookingId}/chart`, { chart: chart(), sign: false }, 'PUT');
    expect(draft.data).toMatchObject({ status: 'draft', version: 1 });
  });

  it('refuses to sign above the cap, with a bad checklist, or with an expired or recalled lot, naming the field', async () => {
    const sign = (c: object) => call<{ errors: { path: string }[] }>(clinic.provider, `/api/bookings/${bookingId}/chart`, { chart: c, sign: true, signedName: clinic.provider.name }, 'PUT');
    const deep = await sign(chart({ areas: [{ area: 'forehead', depthMm: 1.0, passes: 2 }] }));
    expect(deep.status).toBe(400);
    expect(deep.data.errors.map((e) => e.path)).toEqual(['chart.areas.0.depthMm']);
    const eyes = await sign(chart({ areas: [{ area: 'periorbital', depthMm: 1.0, passes: 1 }] }));
    expect(eyes.data.errors[0]!.path).toBe('chart.areas.0.depthMm');
    const photos = await sign(chart({ checklist: { skinCleansed: true, beforePhotosBeforeNumbing: false, numbingApplied: true } }));
    expect(photos.data.errors[0]!.path).toBe('chart.checklist.beforePhotosBeforeNumbing');
    const old = (await call<{ id: string }>(clinic.owner, `/api/locations/${org.locationId}/lots`, { manufacturer: 'Crown', product: 'SkinPen cartridge 14-pin', lotNumber: 'SP-2020-OLD', expiresOn: '2021-01-31' })).data.id;
    const expired = await sign(chart({ lotIds: [old] }));
    expect(expired.status).toBe(400);
    expect(expired.data.errors[0]!.path).toBe('chart.lotIds.0');
    // every refusal kept the saved draft as it was
    const kept = await call<{ current: { status: string; version: number; chart: { areas: { area: string }[] } } }>(clinic.provider, `/api/bookings/${bookingId}/chart`);
    expect(kept.data.current).toMatchObject({ status: 'draft', version: 1 });
    expect(kept.data.current.chart.areas.map((a) => a.area)).toEqual(['cheeks', 'forehead']);
  });

  it('signs: completes the booking, links the lot, starts aftercare once, co-signature for a supervised nurse', async () => {
    const signed = await call<{ status: string; needsCosign: boolean; signatureHash: string; id: string }>(clinic.provider, `/api/bookings/${bookingId}/chart`, { chart: chart(), sign: true, signedName: clinic.provider.name }, 'PUT');
    expect(signed.status).toBe(200);
    expect(signed.data).toMatchObject({ status: 'signed', needsCosign: true });
    expect((await call(clinic.provider, `/api/bookings/${bookingId}/chart`, { chart: chart(), sign: false }, 'PUT')).status).toBe(409);
    const booking = await call<{ status: string }>(clinic.frontDesk, `/api/bookings/${bookingId}`);
    expect(booking.data.status).toBe('completed');
    const aftercare = await call<{ journeys: { id: string; now: { id: string }[]; checkIns: { day: number }[] }[] }>(client, `/api/clients/${client.clientId}/aftercare`);
    expect(aftercare.data.journeys).toHaveLength(1);
    journeyId = aftercare.data.journeys[0]!.id;
    expect(aftercare.data.journeys[0]!.checkIns.map((c) => c.day)).toEqual([1, 3, 7, 14]);
    expect(aftercare.data.journeys[0]!.now.map((i) => i.id)).toEqual(expect.arrayContaining(['AC-1', 'AC-2', 'AC-4']));
    // running the start again creates nothing twice
    const before = await t.db.selectFrom('outbox_messages').select('id').where('booking_id', '=', bookingId).where('kind', 'like', 'aftercare.%').execute();
    const j = await t.db.selectFrom('aftercare_journeys').selectAll().where('id', '=', journeyId).executeTakeFirstOrThrow();
    await t.db.transaction().execute((trx) => startAftercare(trx, org.id, { bookingId, clientId: client.clientId!, chartId: j.chart_id, modality: 'pen', treatedAt: new Date(), timeZone: 'America/Chicago' }));
    const after = await t.db.selectFrom('outbox_messages').select('id').where('booking_id', '=', bookingId).where('kind', 'like', 'aftercare.%').execute();
    expect(after).toHaveLength(before.length);
    expect(before.length).toBe(8);
    expect(await t.db.selectFrom('aftercare_check_ins').select('id').where('journey_id', '=', journeyId).execute()).toHaveLength(4);
    // the medical director co-signs
    const queue = await call<{ items: { id: string }[] }>(director, '/api/charts/cosign-queue');
    expect(queue.data.items.map((i) => i.id)).toContain(signed.data.id);
    // co-signing needs the co-signer's typed full name (issue 13, item 5)
    expect((await call(director, `/api/charts/${signed.data.id}/cosign`, {}, 'POST')).status).toBe(400);
    const wrongName = await call<{ errors: { path: string }[] }>(director, `/api/charts/${signed.data.id}/cosign`, { signedName: 'Somebody Else' }, 'POST');
    expect(wrongName.status).toBe(400);
    expect(wrongName.data.errors.map((e) => e.path)).toEqual(['signedName']);
    expect((await call<{ cosignedBy: string }>(director, `/api/charts/${signed.data.id}/cosign`, { signedName: `  ${director.name.toUpperCase()} ` }, 'POST')).data.cosignedBy).toBe(director.name);
    const cosignAudit = await t.db.selectFrom('audit_events').select(['details', 'ip']).where('entity_id', '=', signed.data.id).where('action', '=', 'chart.cosign').executeTakeFirstOrThrow();
    expect(cosignAudit.details).toMatchObject({ typedSignature: true });
    // an amendment is a new version with its reason
    const amended = await call<{ version: number; amendmentReason: string }>(clinic.provider, `/api/charts/${signed.data.id}/amend`, { chart: chart({ notes: 'Client tolerated well.' }), reason: 'Added a note', signedName: clinic.provider.name }, 'POST');
    expect(amended.data).toMatchObject({ version: 2, amendmentReason: 'Added a note' });
    // the amended version waits for its own co-signature; the superseded one is no longer listed
    const after2 = await call<{ items: { id: string; version: number }[] }>(director, '/api/charts/cosign-queue');
    expect(after2.data.items.filter((i) => i.id === signed.data.id)).toEqual([]);
    expect(after2.data.items.map((i) => i.version)).toEqual([2]);
  });

  it("delivers today's aftercare email to a real SMTP server; later ones wait for their time", async () => {
    const r = await deliverPendingEmail(t.db, smtpEmail(smtp.url, 'Clinic <no-reply@clinic.example>'));
    expect(r.sent).toBeGreaterThanOrEqual(1);
    const mail = smtp.received.find((m) => m.raw.includes('Your aftercare, starting now'))!;
    expect(mail.raw).toContain('no sunscreen');
    expect(smtp.received.some((m) => m.raw.includes('how is your skin'))).toBe(false);
    // the client's record lists what was sent and what is scheduled
    const record = await call<{ items: { kind: string; status: string }[] }>(clinic.frontDesk, `/api/clients/${client.clientId}/messages`);
    expect(record.data.items.find((m) => m.kind === 'aftercare.today')!.status).toBe('sent');
    expect(record.data.items.filter((m) => m.kind.startsWith('aftercare.checkin')).every((m) => m.status === 'pending')).toBe(true);
  });

  it('quiet hours hold a scheduled message until they end; opting out of email holds it for good', async () => {
    const prefs = { email: true, sms: false, quietStart: '21:00', quietEnd: '08:00' };
    await call(client, `/api/clients/${client.clientId}/message-preferences`, prefs, 'PUT');
    const { enqueueMessage } = await import('../../src/services/outbox/enqueue-message.js');
    const late = Temporal.ZonedDateTime.from(`${day.toString()}T22:15[America/Chicago]`);
    await t.db.transaction().execute((trx) => enqueueMessage(trx, { organizationId: org.id, channel: 'email', kind: 'test.quiet', to: 'x@example.com', subject: 's', text: 't', clientId: client.clientId!, sendAfter: new Date(late.epochMilliseconds) }));
    const row = await t.db.selectFrom('outbox_messages').select(['send_after', 'status']).where('kind', '=', 'test.quiet').executeTakeFirstOrThrow();
    expect(new Date(row.send_after).getTime()).toBe(late.toPlainDate().add({ days: 1 }).toZonedDateTime({ timeZone: 'America/Chicago', plainTime: '08:00' }).epochMilliseconds);
    await call(client, `/api/clients/${client.clientId}/message-preferences`, { ...prefs, email: false }, 'PUT');
    await t.db.transaction().execute((trx) => enqueueMessage(trx, { organizationId: org.id, channel: 'email', kind: 'test.optout', to: 'x@example.com', subject: 's', text: 't', clientId: client.clientId! }));
    expect((await t.db.selectFrom('outbox_messages').select('status').where('kind', '=', 'test.optout').executeTakeFirstOrThrow()).status).toBe('held');
    await call(client, `/api/clients/${client.clientId}/message-preferences`, { ...prefs, quietStart: '00:00', quietEnd: '00:00' }, 'PUT');
  });

  it('a red flag raises an urgent alert to the provider and director, escalated when nobody acknowledges it', async () => {
    type Report = { alertId: string | null; triage: { urgency: string; advice: string; findings: { ruleId: string }[] } };
    const symptom = (code: string, severity = 'moderate') => ({ code, severity, onsetDays: 0 });
    const calm = await call<Report>(client, `/api/aftercare/${journeyId}/reports`, { symptoms: [symptom('redness_worse')] });
    expect(calm.data).toMatchObject({ alertId: null, triage: { urgency: 'expected', findings: [{ ruleId: 'TRI-EXPECTED' }] } });
    // the check-in keeps the urgency; the answers keep the report and its triage
    const kept = await t.db.selectFrom('aftercare_check_ins').select(['level', 'answers']).where('journey_id', '=', journeyId).where('scheduled', '=', false).executeTakeFirstOrThrow();
    expect(kept.level).toBe('expected');
    expect(kept.answers).toMatchObject({ symptoms: [symptom('redness_worse')], triage: { urgency: 'expected', protocol: 'microneedling@2026.12.1' } });
    const flag = await call<Report>(client, `/api/aftercare/${journeyId}/reports`, { symptoms: [symptom('pus')] });
    expect(flag.data.triage).toMatchObject({ urgency: 'urgent', findings: [{ ruleId: 'RF-FLAG-1' }] });
    const emails = await t.db.selectFrom('outbox_messages').select(['to_address', 'kind']).where('kind', '=', 'alert.urgent').execute();
    expect(emails.map((e) => e.to_address).sort()).toEqual([clinic.provider.email, director.email].sort());
    const alerts = await call<{ items: { id: string; level: string; findings: { ruleId: string; clinicianMessage: string }[] }[] }>(clinic.provider, '/api/alerts');
    const raised = alerts.data.items.find((a) => a.id === flag.data.alertId)!;
    expect(raised).toMatchObject({ level: 'urgent', findings: [{ ruleId: 'RF-FLAG-1' }] });
    expect(raised.findings[0]!.clinicianMessage).toMatch(/^Possible bacterial infection: pus \(moderate, since hour 0\)/);
    expect(await escalateAlerts(t.db, new Date(now.getTime() + 31 * 60_000))).toBeGreaterThanOrEqual(1);
    const escalated = await t.db.selectFrom('clinical_alerts').select('escalated_at').where('id', '=', flag.data.alertId).executeTakeFirstOrThrow();
    expect(escalated.escalated_at).not.toBeNull();
    expect(await t.db.selectFrom('outbox_messages').select('id').where('kind', '=', 'alert.escalated').execute()).not.toHaveLength(0);
    expect((await call(director, `/api/alerts/${flag.data.alertId}/acknowledge`, {}, 'POST')).status).toBe(200);
    expect((await call(director, `/api/alerts/${flag.data.alertId}/acknowledge`, {}, 'POST')).status).toBe(409);
    const emergency = await call<Report>(client, `/api/aftercare/${journeyId}/reports`, { symptoms: [symptom('trouble_breathing', 'mild')] });
    expect(emergency.data.triage.urgency).toBe('emergency');
    expect(emergency.data.triage.advice).toMatch(/^Call 911/);
    // a photo on its own is looked at within a working day: a routine alert, escalated only after a day
    const photo = await call<Report>(client, `/api/aftercare/${journeyId}/reports`, { symptoms: [], photoAttached: true });
    expect(photo.data.triage).toMatchObject({ urgency: 'routine', findings: [{ ruleId: 'TRI-PHOTO' }] });
    const routine = await t.db.selectFrom('clinical_alerts').select(['level', 'escalate_after', 'created_at']).where('id', '=', photo.data.alertId!).executeTakeFirstOrThrow();
    expect(routine.level).toBe('routine');
    expect(new Date(routine.escalate_after).getTime() - now.getTime()).toBe(24 * 3_600_000);
    // an onset after the report is refused, naming the field
    const later = await call<{ errors: { path: string }[] }>(client, `/api/aftercare/${journeyId}/reports`, { symptoms: [{ code: 'pus', severity: 'mild', onsetDays: 3 }] });
    expect(later.status).toBe(400);
    expect(later.data.errors.map((e) => e.path)).toEqual(['symptoms[0].onsetDays']);
  });

  it('a lot recall lists every client it touched and the lot is refused from then on', async () => {
    const recall = await call<{ uses: { clientId: string }[]; lot: { recalledAt: string } }>(director, `/api/lots/${lotId}/recall`, { reason: 'Manufacturer sterility notice' }, 'POST');
    expect(recall.status).toBe(200);
    expect(recall.data.lot.recalledAt).not.toBeNull();
    expect([...new Set(recall.data.uses.map((u) => u.clientId))]).toEqual([client.clientId]);
  });

  it('records an adverse event from an alert, follows it up to resolution and exports the log', async () => {
    const bad = await call<{ errors: { path: string }[] }>(director, '/api/adverse-events', {
      clientId: client.clientId, code: 'anaesthetic_toxicity', expectedResponse: false, grade: 4, serious: false, relatedness: 'probable', onsetOn: day.toString(), description: 'Dizziness and numb lips',
    });
    expect(bad.status).toBe(400);
    expect(bad.data.errors.map((e) => e.path)).toEqual(['serious']);
    const ae = await call<{ id: string; reporting: { medwatch: boolean; manufacturer: boolean } }>(clinic.provider, '/api/adverse-events', {
      clientId: client.clientId, bookingId, code: 'bacterial_infection', expectedResponse: false, grade: 2, serious: false, relatedness: 'possible', lotId, deviceId: clinic.deviceId, onsetOn: day.toString(), description: 'Pustules on the left cheek, day 3',
    });
    expect(ae.status).toBe(201);
    expect(ae.data.reporting).toMatchObject({ medwatch: false, manufacturer: false });
    const resolved = await call<{ status: string; resolvedOn: string }>(director, `/api/adverse-events/${ae.data.id}/follow-ups`, { note: 'Oral antibiotics; resolved.', resolvedOn: day.add({ days: 10 }).toString() }, 'POST');
    expect(resolved.data.status).toBe('resolved');
    const csv = await t.request('/api/adverse-events/export.csv', { cookie: director.cookie });
    const text = await csv.text();
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(text.split('\n')[0]).toContain('grade,serious,relatedness');
    expect(text).toContain(`${ae.data.id},${client.clientId!}`);
    expect(text).not.toContain('Pustules');
  });

  it('stores photos only with clinical-photo consent, strips EXIF and GPS, and serves them only to the care team', async () => {
    const gps = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 150, b: 140 } } })
      .withExif({ IFD0: { Make: 'PhoneCo', Model: 'Pro 15', Artist: 'Casey' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 16/1 0/1' } })
      .jpeg()
      .toBuffer();
    expect((await sharp(gps).metadata()).exif).toBeDefined();
    const upload = (stage: string) =>
      t.app.request(`/api/clients/${client.clientId}/photos?view=front&stage=${stage}&bookingId=${bookingId}`, {
        method: 'POST', body: gps, headers: { cookie: clinic.provider.cookie, origin: ORIGIN, 'content-type': 'image/jpeg', 'x-forwarded-for': '10.9.0.1' },
      });
    const refused = await upload('before');
    expect(refused.status).toBe(409);
    const preview = await call<{ documentHash: string; clientName: string }>(client, `/api/clients/${client.clientId}/consents/preview?kind=photo_clinical`);
    await call(client, `/api/clients/${client.clientId}/consents`, { kind: 'photo_clinical', signedName: preview.data.clientName, signaturePng: png, documentHash: preview.data.documentHash, agree: true });
    const stored = await upload('before');
    expect(stored.status).toBe(201);
    const photo = (await stored.json()) as { id: string; url: string; thumbUrl: string };
    const image = await t.request(photo.url, { cookie: clinic.provider.cookie });
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    const meta = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.width).toBe(640);
    const thumb = await sharp(Buffer.from(await (await t.request(photo.thumbUrl, { cookie: clinic.provider.cookie })).arrayBuffer())).metadata();
    expect(thumb.width).toBe(320);
    const stranger = await t.factory.actor(org, 'client');
    expect((await t.request(photo.url, { cookie: stranger.cookie })).status).toBe(404);
    expect((await t.request(photo.url, { cookie: clinic.frontDesk.cookie })).status).toBe(403);
    const notImage = await t.app.request(`/api/clients/${client.clientId}/photos?view=front&stage=after`, { method: 'POST', body: Buffer.from('not an image'), headers: { cookie: clinic.provider.cookie, origin: ORIGIN, 'content-type': 'image/jpeg', 'x-forwarded-for': '10.9.0.2' } });
    expect(notImage.status).toBe(415);
  });

  it('a client sends a follow-up photo with a symptom report, and the care team sees it on the alert', async () => {
    const face = await sharp({ create: { width: 400, height: 500, channels: 3, background: { r: 220, g: 120, b: 120 } } }).jpeg().toBuffer();
    const report = await call<{ checkInId: string; alertId: string }>(client, `/api/aftercare/${journeyId}/reports`, { symptoms: [{ code: 'pus', severity: 'moderate', onsetDays: 0 }], photoAttached: true, note: 'yellow crust on the left cheek' });
    const send = (checkInId: string, stage = 'follow_up', who = client) =>
      t.app.request(`/api/clients/${client.clientId}/photos?view=left_45&stage=${stage}&checkInId=${checkInId}`, { method: 'POST', body: face, headers: { cookie: who.cookie, origin: ORIGIN, 'content-type': 'image/jpeg', 'x-forwarded-for': '10.9.0.3' } });
    expect((await send(report.data.checkInId, 'before')).status).toBe(400);
    const other = await t.factory.actor(org, 'client');
    expect((await send('00000000-0000-4000-8000-000000000000')).status).toBe(400);
    const sent = await send(report.data.checkInId);
    expect(sent.status).toBe(201);
    const photo = (await sent.json()) as { id: string; checkInId: string };
    expect(photo.checkInId).toBe(report.data.checkInId);
    const alerts = await call<{ items: { id: string; photos: { id: string }[] }[] }>(clinic.provider, '/api/alerts');
    expect(alerts.data.items.find((a) => a.id === report.data.alertId)!.photos.map((p) => p.id)).toEqual([photo.id]);
    expect((await t.request(`/api/photos/${photo.id}/image`, { cookie: other.cookie })).status).toBe(404);
  });

  it('shows a photo in the marketing gallery only while the client consents to marketing use', async () => {
    const photos = await call<{ items: { id: string; stage: string }[] }>(clinic.provider, `/api/clients/${client.clientId}/photos`);
    const photo = photos.data.items.find((p) => p.stage === 'before')!;
    const refused = await call<{ errors: { path: string }[] }>(director, `/api/photos/${photo.id}/marketing`, { use: true });
    expect(refused.status).toBe(409);
    expect(refused.data.errors[0]!.path).toBe('consent');
    const preview = await call<{ documentHash: string; clientName: string }>(client, `/api/clients/${client.clientId}/consents/preview?kind=photo_marketing`);
    const consent = await call<{ id: string }>(client, `/api/clients/${client.clientId}/consents`, { kind: 'photo_marketing', signedName: preview.data.clientName, signaturePng: png, documentHash: preview.data.documentHash, agree: true });
    expect((await call(director, `/api/photos/${photo.id}/marketing`, { use: true })).status).toBe(200);
    const gallery = await call<{ items: { id: string; thumbUrl: string }[]; withheld: number }>(clinic.frontDesk, '/api/marketing/photos');
    expect(gallery.data.items.map((p) => p.id)).toEqual([photo.id]);
    expect(JSON.stringify(gallery.data)).not.toContain(client.name);
    expect((await t.request(gallery.data.items[0]!.thumbUrl, { cookie: clinic.frontDesk.cookie })).status).toBe(200);
    // the client withdraws: the photo leaves the gallery at once, and its image is no longer served there
    expect((await call(client, `/api/consents/${consent.data.id}/withdraw`, {}, 'POST')).status).toBe(200);
    const after = await call<{ items: unknown[]; withheld: number }>(clinic.frontDesk, '/api/marketing/photos');
    expect(after.data).toMatchObject({ items: [], withheld: 1 });
    expect((await t.request(gallery.data.items[0]!.thumbUrl, { cookie: clinic.frontDesk.cookie })).status).toBe(404);
  });

  it('records outcomes with their labels and scar counts; a client rates satisfaction only', async () => {
    const base = await call<{ value: number }>(director, `/api/clients/${client.clientId}/outcomes`, { measure: 'goodman_baron_quantitative', timepoint: 'baseline', components: { macular: 4, mild: 12, moderate: 3, severe: 0, papular: 1, keloidal: 0 }, assessedOn: day.toString() });
    expect(base.data.value).toBe(1 + 4 + 3);
    const gais = await call<{ label: string }>(director, `/api/clients/${client.clientId}/outcomes`, { measure: 'gais', timepoint: 'follow_up', value: 2, assessedOn: day.add({ days: 120 }).toString() });
    expect(gais.data.label).toBe('Much improved');
    expect((await call(director, `/api/clients/${client.clientId}/outcomes`, { measure: 'gais', timepoint: 'follow_up', value: 9, assessedOn: day.toString() })).status).toBe(400);
    expect((await call(client, `/api/clients/${client.clientId}/outcomes`, { measure: 'satisfaction', timepoint: 'follow_up', value: 5, assessedOn: day.toString() })).status).toBe(201);
    expect((await call(client, `/api/clients/${client.clientId}/outcomes`, { measure: 'gais', timepoint: 'follow_up', value: 1, assessedOn: day.toString() })).status).toBe(403);
    const list = await call<{ items: { measure: string; components: Record<string, number> | null }[] }>(client, `/api/clients/${client.clientId}/outcomes`);
    expect(list.data.items.map((o) => o.measure)).toEqual(['goodman_baron_quantitative', 'satisfaction', 'gais']);
    expect(list.data.items[0]!.components).toMatchObject({ mild: 12, papular: 1 });
  });
});
