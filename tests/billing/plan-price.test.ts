// One price from quote to invoice (issue 12, item 2; docs/money.md): a plan quoted on the acne-scar
// line is booked as that service, carries that price line, and its deposit and every session's
// invoice come from it, even after the price list changes; the series is invoiced what was quoted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import { baseIntake } from '../../src/domain/screening/engine/fixtures.js';

// Monday 1 March 2027, 08:00 in Chicago; the series starts a week later
let clock = new Date('2027-03-01T14:00:00Z');
const FIRST = '2027-03-08';
let t: TestApp;
let org: Org;
let clinic: Clinic;
let client: Actor;
let acneId: string;

type Json = Record<string, unknown> & { errors?: { path: string; message: string }[]; rule?: string };
async function call<T = Json>(who: Actor, path: string, body?: unknown, method?: string) {
  const res = await t.request(path, { cookie: who.cookie, ...(body !== undefined ? { body } : {}), ...(method ? { method } : {}) });
  return { status: res.status, data: (await res.json()) as T };
}
const ok = <T>(r: { status: number; data: T }, status = 201) => {
  expect(r.status, JSON.stringify(r.data)).toBe(status);
  return r.data;
};

interface Quote { serviceCode: string; serviceName: string; sessions: number; perSession: { cents: number }; total: { cents: number }; priceLineId: string }
interface Plan { id: string; plan: { sessions: number; intervalDays: { min: number; max: number } }; quote: Quote }
interface Booking { id: string; service: { id: string; name: string }; priceLineId: string | null; localDate: string; start: string }
interface Invoice { id: string; totalCents: number; dueCents: number; paidCents: number; lines: { kind: string; description: string; serviceCode: string; unitCents: number }[] }

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  org = await t.factory.org();
  clinic = await setUpClinic(t, org);
  client = await t.factory.actor(org, 'client');
  // a four-session series a month apart reaches beyond the default 90-day horizon
  const weekday = [{ start: '09:00', end: '17:00' }];
  ok(await call(clinic.owner, `/api/locations/${org.locationId}/schedule`, { weekly: { 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: weekday }, gridMin: 15, minNoticeMin: 60, horizonDays: 200, holdMin: 10, lateCancelHours: 24 }, 'PUT'), 200);
  const prices = `/api/locations/${org.locationId}/prices`;
  // the clinic prices and offers a full-face session and an acne-scar session, at different prices
  ok(await call(clinic.owner, prices, { serviceCode: 'pen_face', name: 'Pen microneedling, full face', modality: 'pen', priceCents: 35_000, effectiveFrom: '2027-01-01' }));
  ok(await call(clinic.owner, prices, { serviceCode: 'pen_acne_scars', name: 'Pen microneedling for acne scars', modality: 'pen', priceCents: 40_000, effectiveFrom: '2027-01-01' }));
  acneId = ok(await call<{ id: string }>(clinic.owner, '/api/services', {
    code: 'pen_acne_scars', name: 'Pen microneedling for acne scars', kind: 'treatment', modality: 'pen', treatmentMin: 45, numbingMin: 20, needsDevice: true, buffers: { deviceAfter: 10, roomAfter: 10 },
  })).id;
  const settings = ok(await call<{ deposits: { serviceId: string }[] }>(clinic.owner, `/api/locations/${org.locationId}/billing-settings`), 200);
  ok(await call(clinic.owner, `/api/locations/${org.locationId}/billing-settings`, {
    taxRateBp: 825, taxServices: false, lateCancelKeepsDeposit: true, noShowKeepsDeposit: true, lateCancelForfeitsSession: true, noShowForfeitsSession: true, packageRefundFeeBp: 1000,
    // 20% of the price for the treatments
    deposits: settings.deposits.filter((d) => d.serviceId !== clinic.consultationId).map((d) => ({ serviceId: d.serviceId, kind: 'percent', value: 2000 })),
  }, 'PUT'), 200);
});
afterAll(() => t.close());

describe('the quote, the booking, the deposit and the invoices come from one price line', () => {
  let plan: Plan;
  let series: Booking[];

  it('quotes the plan on the line of a service the clinic books (acne scars, not full face)', async () => {
    ok(await call(client, `/api/clients/${client.clientId}/intake`, baseIntake({ answeredOn: '2027-03-01', concerns: ['acne_scars'], fitzpatrick: 2 })));
    const s = ok(await call<{ id: string; decision: string }>(client, `/api/clients/${client.clientId}/screenings`, { plan: { modality: 'pen', areas: ['forehead', 'cheeks'], date: FIRST } }));
    expect(s.decision).toBe('eligible');
    plan = ok(await call<Plan>(client, `/api/clients/${client.clientId}/plans`, { screeningId: s.id }));
    expect(plan.quote).toMatchObject({ serviceCode: 'pen_acne_scars', serviceName: 'Pen microneedling for acne scars', perSession: { cents: 40_000 }, sessions: plan.plan.sessions });
    expect(plan.quote.total.cents).toBe(40_000 * plan.plan.sessions);
    expect(plan.quote.priceLineId).toEqual(expect.any(String));
    const summary = ok(await call<{ version: string }>(client, '/api/learn/risk-summary?modality=pen'), 200);
    ok(await call(client, `/api/clients/${client.clientId}/risk-acknowledgements`, { modality: 'pen', summaryVersion: summary.version }));
  });

  it('keeps the quoted price after the price list changes: the terms for the plan show it and its deposit', async () => {
    // a price rise after the quote: the day's price changes, the plan's does not
    ok(await call(clinic.owner, `/api/locations/${org.locationId}/prices`, { serviceCode: 'pen_acne_scars', name: 'Pen microneedling for acne scars', modality: 'pen', priceCents: 45_000, effectiveFrom: '2027-03-02' }));
    const terms = (q: string) => call<{ priceCents: number; depositCents: number }>(client, `/api/locations/${org.locationId}/booking-terms?serviceId=${acneId}&date=2027-04-12${q}`);
    expect(ok(await terms(''), 200)).toMatchObject({ priceCents: 45_000, depositCents: 9_000 });
    expect(ok(await terms(`&planId=${plan.id}`), 200)).toMatchObject({ priceCents: 40_000, depositCents: 8_000 });
  });

  it('refuses to book the plan as another service, which would be another price', async () => {
    const wrong = await call<Json>(client, '/api/bookings', { locationId: org.locationId, serviceId: clinic.penId, clientId: client.clientId, planId: plan.id, start: `${FIRST}T16:00:00Z`, idempotencyKey: `wrong-${org.id}` });
    expect(wrong.status).toBe(409);
    expect(wrong.data.errors![0]!.path).toBe('serviceId');
    expect(wrong.data.errors![0]!.message).toContain('Pen microneedling for acne scars');
  });

  it('books the series as the quoted service; every session carries the quoted line and a deposit from it', async () => {
    // one session per interval, on a weekday
    const starts: string[] = [];
    let day = Temporal.PlainDate.from(FIRST);
    for (let i = 0; i < plan.plan.sessions; i++) {
      while (day.dayOfWeek > 5) day = day.add({ days: 1 });
      starts.push(`${day.toString()}T16:00:00Z`);
      day = day.add({ days: plan.plan.intervalDays.min });
    }
    const r = ok(await call<{ bookings: Booking[] }>(client, '/api/bookings/series', {
      locationId: org.locationId, serviceId: acneId, clientId: client.clientId, planId: plan.id, sessions: starts.map((start) => ({ start })), idempotencyKey: `series-${org.id}`,
    }));
    series = r.bookings;
    expect(series).toHaveLength(plan.plan.sessions);
    for (const b of series) expect(b).toMatchObject({ service: { id: acneId, name: plan.quote.serviceName }, priceLineId: plan.quote.priceLineId });
    const statement = ok(await call<{ deposits: { bookingId: string; amountCents: number; status: string }[] }>(client, `/api/clients/${client.clientId}/billing`), 200);
    expect(statement.deposits.filter((d) => series.some((b) => b.id === d.bookingId)).map((d) => [d.amountCents, d.status])).toEqual(series.map(() => [8_000, 'due']));
  });

  it('invoices each session at the quoted per-session price: the invoices add up to the quote', async () => {
    // the first deposit is paid at the desk and applied to the first invoice
    ok(await call(clinic.frontDesk, `/api/bookings/${series[0]!.id}/deposit`, { method: 'card_terminal', idempotencyKey: `dep-${org.id}` }));
    const invoices: Invoice[] = [];
    for (const b of series) {
      // each session is checked in on its own day
      clock = new Date(Date.parse(b.start) - 60 * 60_000);
      ok(await call(clinic.frontDesk, `/api/bookings/${b.id}/check-in`, { override: { reason: 'Readiness is tested in the clinical suites' } }, 'POST'), 200);
      invoices.push(ok(await call<Invoice>(clinic.frontDesk, `/api/bookings/${b.id}/invoice`, {})));
    }
    for (const inv of invoices) {
      expect(inv.lines).toEqual([expect.objectContaining({ kind: 'service', description: 'Pen microneedling for acne scars', serviceCode: 'pen_acne_scars', unitCents: plan.quote.perSession.cents })]);
    }
    expect(invoices.reduce((sum, inv) => sum + inv.totalCents, 0)).toBe(plan.quote.total.cents);
    expect(invoices[0]).toMatchObject({ paidCents: 8_000, dueCents: 32_000 });
  });
});
