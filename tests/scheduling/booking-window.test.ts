// What a client is offered is what they may book (issue 12, item 1): the booking window follows the
// screening (decision, earliest date, the dates it covers), the plan's series and interval, and the
// booking horizon; availability offers only those dates, with the first one that is free, and a
// service that cannot be booked yet says why in plain words and what to do next.
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import { slotsOf, type CompactAvailability } from '../support/free-slots.js';

// Monday 1 March 2027, 08:00 in Austin (UTC-6); the clinic takes bookings 90 days ahead
const clock = new Date('2027-03-01T14:00:00Z');
const TODAY = '2027-03-01';
let t: TestApp;
let org: Org;
let clinic: Clinic;

interface Slot { start: string; localDate: string; providerId: string }
interface Window { serviceId: string; bookable: boolean; from: string | null; until: string | null; blocked: { from: string; to: string }[]; reason: string | null; nextStep: { kind: string; label: string; from: string | null } | null; todo: string[] }
interface Availability extends CompactAvailability { window: Window | null; nextAvailable: string | null }

async function call<T = Record<string, unknown>>(who: Actor, path: string, body?: unknown) {
  const res = await t.request(path, { cookie: who.cookie, ...(body !== undefined ? { body } : {}) });
  return { status: res.status, data: (await res.json()) as T };
}
let n = 0;
const key = () => `window-key-${n++}`;
const base = { answeredOn: TODAY, dateOfBirth: '1990-05-15', pregnant: false, breastfeeding: false, conditions: [] as string[], medications: [] as unknown[], procedures: [], implants: [], allergies: [], clearances: [], concerns: ['acne_scars'] };

/** A client who answered the questionnaire and was screened for pen today, as the portal does. */
async function screened(intake: Partial<typeof base>) {
  const client = await t.factory.actor(org, 'client');
  expect((await call(client, `/api/clients/${client.clientId}/intake`, { ...base, ...intake })).status).toBe(201);
  const s = await call<{ decision: string; id: string }>(client, `/api/clients/${client.clientId}/screenings`, { plan: { modality: 'pen', areas: ['cheeks'], date: TODAY } });
  expect(s.status).toBe(201);
  return { client, screening: s.data };
}
const options = async (who: Actor, clientId: string) => (await call<{ items: Window[] }>(who, `/api/clients/${clientId}/booking-options?locationId=${org.locationId}`)).data.items;
const pen = (items: Window[]) => items.find((w) => w.serviceId === clinic.penId)!;
const search = async (who: Actor, from: string, to: string, extra = '') => {
  const r = await call<Availability>(who, `/api/locations/${org.locationId}/availability?serviceId=${clinic.penId}&from=${from}&to=${to}${extra}`);
  return { status: r.status, data: { ...r.data, slots: slotsOf(r.data) } };
};
const acknowledge = (client: Actor) => call(client, `/api/clients/${client.clientId}/risk-acknowledgements`, { modality: 'pen', summaryVersion: '2026.11.1' });
const book = (client: Actor, slot: Slot, extra: Record<string, unknown> = {}) =>
  call<{ id: string; errors?: { path: string }[]; detail?: string }>(client, '/api/bookings', { locationId: org.locationId, serviceId: clinic.penId, clientId: client.clientId, start: slot.start, providerId: slot.providerId, idempotencyKey: key(), ...extra });

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  org = await t.factory.org();
  clinic = await setUpClinic(t, org);
});
afterAll(() => t.close());

describe('the booking window', () => {
  it('an eligible client is offered times from today, books the first one offered, and later dates keep the interval', async () => {
    const { client, screening } = await screened({});
    expect(screening.decision).toBe('eligible');
    const w = pen(await options(client, client.clientId!));
    expect(w).toMatchObject({ bookable: true, from: TODAY, until: '2027-03-31', nextStep: null });
    expect(w.todo.join(' ')).toMatch(/risk summary/);
    const a = await search(client, '2027-03-01', '2027-03-14');
    expect(a.status).toBe(200);
    expect(a.data.window?.from).toBe(TODAY);
    expect(a.data.nextAvailable).toBe(a.data.slots[0]!.localDate);
    await acknowledge(client);
    const first = await book(client, a.data.slots[0]!);
    expect(first.status).toBe(201);
    // two weeks either side of that session are no longer offered
    const after = await search(client, '2027-03-01', '2027-03-31');
    expect(after.data.window!.blocked).toEqual([{ from: '2027-02-16', to: '2027-03-14' }]);
    expect(after.data.slots.every((s) => s.localDate >= '2027-03-15')).toBe(true);
    expect(after.data.slots.length).toBeGreaterThan(0);
    // the screening covers March: April is not offered without a plan for the series
    const april = await search(client, '2027-04-01', '2027-04-14');
    expect(april.data.slots).toEqual([]);
    expect(april.data.nextAvailable).toBeNull();
  });

  it('a deferred client is offered times from the earliest date, and booking earlier is refused in plain words', async () => {
    const { client, screening } = await screened({ medications: [{ code: 'isotretinoin', current: false, lastDose: '2026-11-01' }] });
    expect(screening.decision).toBe('deferred');
    const w = pen(await options(client, client.clientId!));
    expect(w).toMatchObject({ bookable: true, from: '2027-05-01', until: '2027-05-30' });
    expect(w.reason).toBe('You can be treated from May 1, 2027.');
    const soon = await search(client, '2027-03-02', '2027-03-15');
    expect(soon.data.slots).toEqual([]);
    // May 1 is a Saturday and the clinic opens on weekdays
    expect(soon.data.nextAvailable).toBe('2027-05-03');
    const may = await search(client, '2027-05-03', '2027-05-09');
    await acknowledge(client);
    expect((await book(client, may.data.slots[0]!)).status).toBe(201);
    const march = (await search(clinic.frontDesk, '2027-03-02', '2027-03-02')).data.slots[0]!;
    const early = await book(client, march);
    expect(early.status).toBe(409);
    expect(early.data.detail).toBe('This treatment cannot be booked for March 2, 2027: treatment can start on May 1, 2027 at the earliest.');
  });

  it('a deferral beyond the booking horizon offers the waitlist from the earliest date', async () => {
    const { client } = await screened({ medications: [{ code: 'isotretinoin', current: false, lastDose: '2027-02-01' }] });
    const w = pen(await options(client, client.clientId!));
    expect(w).toMatchObject({ bookable: false, from: null, nextStep: { kind: 'join_waitlist', from: '2027-08-01' } });
    expect(w.reason).toMatch(/^You can be treated from August 1, 2027, further ahead than online booking reaches/);
  });

  it('a pregnant client is offered no treatment times, is told why and to book a consultation, which is open', async () => {
    const { client, screening } = await screened({ pregnant: true });
    expect(screening.decision).toBe('contraindicated');
    const items = await options(client, client.clientId!);
    expect(pen(items)).toMatchObject({ bookable: false, nextStep: { kind: 'book_consultation' } });
    expect(pen(items).reason).toMatch(/not advised for you/);
    expect(items.find((w) => w.serviceId === clinic.consultationId)).toMatchObject({ bookable: true, from: TODAY });
    const a = await search(client, '2027-03-02', '2027-03-15');
    expect(a.data.slots).toEqual([]);
    expect(a.data.nextAvailable).toBeNull();
  });

  it('a client waiting for a clinician review is told what happens and when; the desk learns only that the clinician must act', async () => {
    const { client, screening } = await screened({ conditions: [{ code: 'keloid_history', status: 'history' }] as never });
    expect(screening.decision).toBe('needs_review');
    const own = pen(await options(client, client.clientId!));
    expect(own).toMatchObject({ bookable: false, nextStep: { kind: 'await_review' } });
    expect(own.reason).toMatch(/clinician is reviewing your answers, usually within two working days/);
    const desk = pen(await options(clinic.frontDesk, client.clientId!));
    expect(desk.reason).toBe('The clinical team needs to see this client before this treatment can be booked.');
    expect(JSON.stringify(desk)).not.toMatch(/review|keloid/i);
  });

  it('a client without answers is sent to the questionnaire; another client cannot read the window', async () => {
    const client = await t.factory.actor(org, 'client');
    expect(pen(await options(client, client.clientId!))).toMatchObject({ bookable: false, nextStep: { kind: 'questionnaire' } });
    const stranger = await t.factory.actor(org, 'client');
    expect((await call(stranger, `/api/clients/${client.clientId}/booking-options?locationId=${org.locationId}`)).status).toBe(404);
  });

  it("a planned series is covered past the first session's screening, keeping the plan's interval", async () => {
    const { client, screening } = await screened({});
    const plan = await call<{ id: string; plan: { sessions: number; intervalDays: { min: number; max: number } } }>(client, `/api/clients/${client.clientId}/plans`, { screeningId: screening.id });
    expect(plan.status).toBe(201);
    const { sessions, intervalDays } = plan.data.plan;
    const reach = Temporal.PlainDate.from('2027-03-31').add({ days: (sessions - 1) * intervalDays.max }).toString();
    const may = await search(client, '2027-05-03', '2027-05-07', `&planId=${plan.data.id}`);
    // the horizon (90 days from today) ends the window if the series reaches further
    expect(may.data.window!.until).toBe(reach < '2027-05-30' ? reach : '2027-05-30');
    await acknowledge(client);
    expect(may.data.slots.length).toBeGreaterThan(0);
    expect((await book(client, may.data.slots[0]!, { planId: plan.data.id })).status).toBe(201);
    // without the plan, May is outside the screening and refused
    const other = (await search(clinic.frontDesk, '2027-05-20', '2027-05-20')).data.slots[0]!;
    expect((await book(client, other)).status).toBe(409);
  });
});
