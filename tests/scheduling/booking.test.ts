// Booking through the API on a fixed clock: availability, idempotency, overlaps refused by the
// database, treatment rules (screening, risks, interval), holds, cancel, reschedule, check-in,
// scope of practice, resource-owned buffers and series.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import { slotsOf, type CompactAvailability } from '../support/free-slots.js';

// Monday 1 March 2027, 08:00 in Austin (UTC-6)
let clock = new Date('2027-03-01T14:00:00Z');
let t: TestApp;
let org: Org;
let clinic: Clinic;
let client: Actor;

interface Slot {
  start: string;
  localDate: string;
  localTime: string;
  providerId: string;
  roomId: string | null;
  deviceId: string | null;
}
interface BookingView {
  id: string;
  status: string;
  start: string;
  localTime: string;
  provider: { id: string };
  device: { id: string } | null;
  seriesIndex: number | null;
}

async function call<T = Record<string, unknown>>(who: Actor, path: string, body?: unknown, method?: string) {
  const res = await t.request(path, { cookie: who.cookie, ...(body !== undefined ? { body } : {}), ...(method ? { method } : {}) });
  return { status: res.status, data: (await res.json()) as T };
}
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00-06:00`).toISOString();
let keyN = 0;
const key = () => `test-key-${Date.now()}-${keyN++}`;
const availability = async (who: Actor, serviceId: string, from: string, to = from) => {
  const r = await call<CompactAvailability<{ id: string; name: string; eligible: boolean; reason: string | null }>>(who, `/api/locations/${org.locationId}/availability?serviceId=${serviceId}&from=${from}&to=${to}`);
  return { status: r.status, data: { ...r.data, slots: slotsOf(r.data) } };
};
const book = (who: Actor, body: Record<string, unknown>) => call<BookingView & { errors?: { path: string }[]; rule?: string }>(who, '/api/bookings', { locationId: org.locationId, clientId: client.clientId, idempotencyKey: key(), ...body });

async function makeTreatable(forDate: string) {
  const intake = { answeredOn: '2027-03-01', dateOfBirth: '1990-05-15', pregnant: false, breastfeeding: false, conditions: [], medications: [], procedures: [], implants: [], allergies: [], clearances: [], concerns: ['fine_lines'] };
  expect((await call(clinic.provider, `/api/clients/${client.clientId}/intake?source=staff`, intake)).status).toBe(201);
  expect((await call(clinic.provider, `/api/clients/${client.clientId}/screenings`, { plan: { modality: 'pen', areas: ['cheeks'], date: forDate } })).status).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  org = await t.factory.org();
  clinic = await setUpClinic(t, org);
  client = await t.factory.actor(org, 'client');
});
afterAll(() => t.close());

describe('availability and booking', () => {
  it('offers only real time: hours on the grid, after the notice, for eligible providers', async () => {
    const a = await availability(client, clinic.consultationId, '2027-03-01', '2027-03-02');
    expect(a.status).toBe(200);
    const monday = a.data.slots.filter((s) => s.localDate === '2027-03-01');
    // 08:00 now + 60 min notice: the first start is 09:00; the last 30-min consultation starts 16:30
    expect(monday[0]!.localTime).toBe('09:00');
    expect(monday.at(-1)!.localTime).toBe('16:30');
    expect(monday.every((s) => /:(00|15|30|45)$/.test(s.localTime))).toBe(true);
    expect(a.data.slots.filter((s) => s.localDate === '2027-03-02')).toHaveLength(31);
  });

  it('books once per idempotency key, and refuses the same time to anyone else (409)', async () => {
    const body = { serviceId: clinic.consultationId, start: at('2027-03-02', '09:00'), idempotencyKey: key() };
    const first = await call<BookingView>(client, '/api/bookings', { locationId: org.locationId, clientId: client.clientId, ...body });
    expect(first.status).toBe(201);
    expect(first.data.status).toBe('confirmed');
    const again = await call<BookingView>(client, '/api/bookings', { locationId: org.locationId, clientId: client.clientId, ...body });
    expect(again.status).toBe(200);
    expect(again.data.id).toBe(first.data.id);
    const other = await t.factory.client(org);
    const clash = await call<{ errors: { path: string }[] }>(clinic.frontDesk, '/api/bookings', { locationId: org.locationId, clientId: other.id, serviceId: clinic.consultationId, start: at('2027-03-02', '09:15'), idempotencyKey: key() });
    expect(clash.status).toBe(409);
    expect(clash.data.errors[0]!.path).toBe('start');
    const after = await availability(client, clinic.consultationId, '2027-03-02');
    expect(after.data.slots.map((s) => s.localTime)).not.toContain('09:00');
    expect(after.data.slots.map((s) => s.localTime)).not.toContain('09:15');
    expect(after.data.slots.map((s) => s.localTime)).toContain('09:30');
  });

  it('never double-books even when staff override the rules', async () => {
    const other = await t.factory.client(org);
    const r = await call<{ errors: { path: string }[] }>(clinic.frontDesk, '/api/bookings', {
      locationId: org.locationId, clientId: other.id, serviceId: clinic.consultationId, start: at('2027-03-02', '09:00'), idempotencyKey: key(), override: { reason: 'VIP squeezed in' },
    });
    expect(r.status).toBe(409);
    // an override may book outside opening hours, with a reason, audited
    const late = await call<BookingView>(clinic.frontDesk, '/api/bookings', {
      locationId: org.locationId, clientId: other.id, serviceId: clinic.consultationId, start: at('2027-03-02', '18:00'), idempotencyKey: key(), override: { reason: 'Evening consult agreed with Nina' },
    });
    expect(late.status).toBe(201);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', late.data.id).executeTakeFirstOrThrow();
    expect(audit.action).toBe('booking.create.override');
    expect((await call(client, '/api/bookings', { locationId: org.locationId, clientId: client.clientId, serviceId: clinic.consultationId, start: at('2027-03-02', '18:00'), idempotencyKey: key(), override: { reason: 'I want it' } })).status).toBe(403);
  });

  it('a treatment needs a current screening and acknowledged risks, then keeps the interval', async () => {
    const noScreening = await book(client, { serviceId: clinic.penId, start: at('2027-03-03', '10:00') });
    expect(noScreening.status).toBe(409);
    await makeTreatable('2027-03-03');
    const noAck = await book(client, { serviceId: clinic.penId, start: at('2027-03-03', '10:00') });
    expect(noAck.status).toBe(409);
    expect((await call(client, `/api/clients/${client.clientId}/risk-acknowledgements`, { modality: 'pen', summaryVersion: '2026.11.1' })).status).toBe(201);
    const ok = await book(client, { serviceId: clinic.penId, start: at('2027-03-03', '10:00') });
    expect(ok.status).toBe(201);
    expect(ok.data.device!.id).toBe(clinic.deviceId);
    const tooSoon = await book(client, { serviceId: clinic.penId, start: at('2027-03-10', '10:00') });
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.data.errors![0]!.path).toBe('start');
  });

  it('a device cleaning buffer blocks the device, not the provider', async () => {
    // the pen treatment 10:00-11:00 holds the device (and its room) until 11:10; with a second
    // room a consultation at 11:00 is fine, another pen treatment is not
    await t.db.insertInto('rooms').values({ organization_id: org.id, location_id: org.locationId, name: 'Room 2' }).execute();
    const a = await availability(clinic.frontDesk, clinic.consultationId, '2027-03-03');
    expect(a.data.slots.map((s) => s.localTime)).toContain('11:00');
    const pen = await availability(clinic.frontDesk, clinic.penId, '2027-03-03');
    const times = pen.data.slots.map((s) => s.localTime);
    expect(times).not.toContain('11:00');
    expect(times).toContain('11:15');
  });

  it('holds block like bookings and expire; a confirmed hold stays', async () => {
    const other = await t.factory.client(org);
    const hold = await call<BookingView>(clinic.frontDesk, '/api/bookings', { locationId: org.locationId, clientId: other.id, serviceId: clinic.consultationId, start: at('2027-03-04', '09:00'), hold: true, idempotencyKey: key() });
    expect(hold.data.status).toBe('held');
    expect((await availability(client, clinic.consultationId, '2027-03-04')).data.slots[0]!.localTime).toBe('09:30');
    clock = new Date(clock.getTime() + 11 * 60_000);
    expect((await availability(client, clinic.consultationId, '2027-03-04')).data.slots[0]!.localTime).toBe('09:00');
    expect((await call(clinic.frontDesk, `/api/bookings/${hold.data.id}/confirm`, {}, 'POST')).status).toBe(409);
    const hold2 = await call<BookingView>(clinic.frontDesk, '/api/bookings', { locationId: org.locationId, clientId: other.id, serviceId: clinic.consultationId, start: at('2027-03-04', '09:00'), hold: true, idempotencyKey: key() });
    expect(hold2.status).toBe(201);
    const confirmed = await call<BookingView>(clinic.frontDesk, `/api/bookings/${hold2.data.id}/confirm`, {}, 'POST');
    expect(confirmed.data.status).toBe('confirmed');
  });

  it('reschedules to a free time and the client sees it; cancelling frees the time; late cancels are marked', async () => {
    const b = await book(client, { serviceId: clinic.consultationId, start: at('2027-03-05', '09:00') });
    // a move onto a taken or closed time is refused and the booking keeps its time and resources
    const blocker = await t.factory.client(org);
    await call(clinic.frontDesk, '/api/bookings', { locationId: org.locationId, serviceId: clinic.consultationId, clientId: blocker.id, start: at('2027-03-05', '11:00'), idempotencyKey: key() });
    const resourcesBefore = await t.db.selectFrom('booking_resources').selectAll().where('booking_id', '=', b.data.id).orderBy('resource_kind').execute();
    expect((await call(clinic.frontDesk, `/api/bookings/${b.data.id}/reschedule`, { start: at('2027-03-05', '11:00') }, 'POST')).status).toBe(409);
    const closed = await call<{ errors: { path: string }[] }>(clinic.frontDesk, `/api/bookings/${b.data.id}/reschedule`, { start: at('2027-03-06', '11:00') }, 'POST');
    expect(closed.status).toBe(409);
    expect(closed.data.errors[0]!.path).toBe('start');
    expect((await call<BookingView>(client, `/api/bookings/${b.data.id}`)).data.localTime).toBe('09:00');
    expect(await t.db.selectFrom('booking_resources').selectAll().where('booking_id', '=', b.data.id).orderBy('resource_kind').execute()).toEqual(resourcesBefore);
    const moved = await call<BookingView>(clinic.frontDesk, `/api/bookings/${b.data.id}/reschedule`, { start: at('2027-03-05', '14:00') }, 'POST');
    expect(moved.status).toBe(200);
    expect(moved.data.localTime).toBe('14:00');
    const mine = await call<{ items: BookingView[] }>(client, `/api/clients/${client.clientId}/bookings`);
    expect(mine.data.items.find((x) => x.id === b.data.id)!.localTime).toBe('14:00');
    expect((await availability(client, clinic.consultationId, '2027-03-05')).data.slots.map((s) => s.localTime)).toContain('09:00');
    const cancelled = await call<BookingView>(client, `/api/bookings/${b.data.id}/cancel`, { reason: 'Travelling' }, 'POST');
    expect(cancelled.data.status).toBe('cancelled');
    // today 15:00 is within the 24-hour late-cancel window
    const soon = await book(client, { serviceId: clinic.consultationId, start: at('2027-03-01', '15:00') });
    expect(soon.status).toBe(201);
    const late = await call<BookingView>(client, `/api/bookings/${soon.data.id}/cancel`, { reason: 'Sick' }, 'POST');
    expect(late.data.status).toBe('late_cancelled');
  });

  it('check-in of a treatment is blocked without a signed consent; staff may override with a reason', async () => {
    const mine = await call<{ items: (BookingView & { service: { kind: string } })[] }>(client, `/api/clients/${client.clientId}/bookings`);
    const treatment = mine.data.items.find((b) => b.service.kind === 'treatment' && b.status === 'confirmed')!;
    // check-in happens on the visit's day: the clock steps to that morning for this test
    const monday = clock;
    clock = new Date(Date.parse(treatment.start) - 60 * 60_000);
    onTestFinished(() => {
      clock = monday;
    });
    // the desk first confirms with the client that their health answers have not changed
    const unconfirmed = await call<{ errors: { path: string }[] }>(clinic.frontDesk, `/api/bookings/${treatment.id}/check-in`, {}, 'POST');
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.data.errors.map((e) => e.path)).toEqual(['answersConfirmed']);
    const blocked = await call<{ errors: { path: string }[] }>(clinic.frontDesk, `/api/bookings/${treatment.id}/check-in`, { answersConfirmed: true }, 'POST');
    expect(blocked.status).toBe(409);
    expect(blocked.data.errors.map((e) => e.path)).toEqual(['treatment_consent']);
    const forced = await call<BookingView>(clinic.frontDesk, `/api/bookings/${treatment.id}/check-in`, { override: { reason: 'Paper consent signed, scanning later' } }, 'POST');
    expect(forced.data.status).toBe('checked_in');
  });

  it('scope of practice: a provider with no rule for the state and modality is never offered', async () => {
    const esthetician = await t.factory.actor(org, 'provider');
    await t.db.updateTable('memberships').set({ licence_type: 'esthetician', licence_expires_on: '2030-01-01' }).where('organization_id', '=', org.id).where('user_id', '=', esthetician.userId).execute();
    await call(clinic.owner, `/api/providers/${esthetician.userId}/schedule`, { locationId: org.locationId, weekly: { 1: [{ start: '09:00', end: '17:00' }] } }, 'PUT');
    const a = await availability(clinic.frontDesk, clinic.penId, '2027-03-08');
    const p = a.data.providers.find((x) => x.id === esthetician.userId)!;
    expect(p.eligible).toBe(false);
    expect(p.reason).toMatch(/denied by default/);
    expect(a.data.slots.some((s) => s.providerId === esthetician.userId)).toBe(false);
    const consult = await availability(clinic.frontDesk, clinic.consultationId, '2027-03-08');
    expect(consult.data.slots.some((s) => s.providerId === esthetician.userId)).toBe(true);
  });

  it('plans and books a three-session series inside its interval windows, all or nothing', async () => {
    const other = await t.factory.actor(org, 'client');
    await call(clinic.provider, `/api/clients/${other.clientId}/intake?source=staff`, { answeredOn: '2027-03-01', dateOfBirth: '1991-02-02', pregnant: false, breastfeeding: false, conditions: [], medications: [], procedures: [], implants: [], allergies: [], clearances: [], concerns: ['acne_scars'] });
    await call(clinic.provider, `/api/clients/${other.clientId}/screenings`, { plan: { modality: 'pen', areas: ['cheeks'], date: '2027-03-09' } });
    await call(other, `/api/clients/${other.clientId}/risk-acknowledgements`, { modality: 'pen', summaryVersion: '2026.11.1' });
    const plan = await call<{ slots: Slot[]; missing: unknown }>(other, `/api/locations/${org.locationId}/series-plan`, { serviceId: clinic.penId, sessions: 3, intervalDays: { min: 28, max: 42 }, firstFrom: '2027-03-09', firstTo: '2027-03-12' });
    expect(plan.status).toBe(200);
    expect(plan.data.missing).toBeNull();
    expect(plan.data.slots).toHaveLength(3);
    const days = plan.data.slots.map((s) => s.localDate);
    expect(days[0]! >= '2027-03-09' && days[0]! <= '2027-03-12').toBe(true);
    for (let i = 1; i < 3; i++) {
      const gap = Math.round((Date.parse(`${days[i]}T00:00:00Z`) - Date.parse(`${days[i - 1]}T00:00:00Z`)) / 86_400_000);
      expect(gap).toBeGreaterThanOrEqual(28);
      expect(gap).toBeLessThanOrEqual(42);
    }
    const sessions = plan.data.slots.map((s) => ({ start: s.start, providerId: s.providerId }));
    // all or nothing: a clash on the third session keeps none of the three
    const blocker = await t.factory.client(org);
    const clash = await call<BookingView>(clinic.frontDesk, '/api/bookings', { locationId: org.locationId, clientId: blocker.id, serviceId: clinic.consultationId, start: plan.data.slots[2]!.start, idempotencyKey: key() });
    expect(clash.status).toBe(201);
    const refused = await call<{ errors: { path: string }[] }>(other, '/api/bookings/series', { locationId: org.locationId, serviceId: clinic.penId, clientId: other.clientId, sessions, idempotencyKey: key() });
    expect(refused.status).toBe(409);
    expect(refused.data.errors[0]!.path).toBe('sessions.2.start');
    expect((await call<{ items: unknown[] }>(other, `/api/clients/${other.clientId}/bookings`)).data.items).toHaveLength(0);
    await call(clinic.frontDesk, `/api/bookings/${clash.data.id}/cancel`, { reason: 'freeing the slot' }, 'POST');
    const seriesKey = key();
    const ok = await call<{ seriesId: string; bookings: BookingView[] }>(other, '/api/bookings/series', { locationId: org.locationId, serviceId: clinic.penId, clientId: other.clientId, sessions, idempotencyKey: seriesKey });
    expect(ok.status).toBe(201);
    expect(ok.data.bookings.map((b) => b.seriesIndex)).toEqual([1, 2, 3]);
    const replay = await call<{ seriesId: string }>(other, '/api/bookings/series', { locationId: org.locationId, serviceId: clinic.penId, clientId: other.clientId, sessions, idempotencyKey: seriesKey });
    expect(replay.status).toBe(200);
    expect(replay.data.seriesId).toBe(ok.data.seriesId);
  });
});
