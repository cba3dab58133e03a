// The owner's revenue, attendance, package-liability and reviews reports through the HTTP route, on
// records written straight into the database: exact figures, the window edge in the location's time
// zone (Chicago, UTC-6 in January), CSV export with formula-looking names neutralised, field errors
// for bad dates, and no figure of another organization.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';

let t: TestApp;
let org: Org;
let otherOrg: Org;
let clinic: Clinic;
const JAN = 'from=2026-01-01&to=2026-01-31';

interface Report {
  summary: Record<string, number | null>;
  tables: { name: string; columns: { key: string }[]; rows: Record<string, string | number | null>[] }[];
}
const rows = (r: Report, name: string) => r.tables.find((x) => x.name === name)!.rows;
async function report(name: string, query = JAN, cookie = clinic.owner.cookie) {
  const res = await t.request(`/api/reports/${name}?${query}`, { cookie });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Report;
}

let invoiceNumber = 0;
async function invoice(o: Org, clientId: string, v: { at: string; total: number; tax?: number; status?: 'issued' | 'paid' | 'void'; bookingId?: string | null; lines: { kind: 'service' | 'package' | 'fee' | 'product'; code?: string; total: number; discount?: number }[] }) {
  const inv = await t.db
    .insertInto('invoices')
    .values({
      organization_id: o.id, number: ++invoiceNumber, location_id: o.locationId, client_id: clientId, booking_id: v.bookingId ?? null, status: v.status ?? 'issued', currency: 'USD',
      subtotal_cents: v.total, discount_cents: 0, tax_cents: v.tax ?? 0, total_cents: v.total, tax_rate_bp: 0, discount_reason: null, void_reason: null, issued_by: clinic.owner.userId, issued_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('invoice_lines')
    .values(v.lines.map((l, i) => ({ organization_id: o.id, invoice_id: inv.id, position: i + 1, kind: l.kind, description: l.kind, service_code: l.code ?? null, quantity: 1, unit_cents: l.total, total_cents: l.total, discount_cents: l.discount ?? 0, taxable: false })))
    .execute();
  return inv.id;
}

async function payment(o: Org, clientId: string, v: { at: string; cents: number; refundOf?: string }) {
  const p = await t.db
    .insertInto('payments')
    .values({
      organization_id: o.id, client_id: clientId, location_id: o.locationId, invoice_id: null, booking_id: null, kind: v.refundOf ? 'refund' : 'payment', purpose: 'invoice', method: 'card_terminal',
      amount_cents: v.cents, currency: 'USD', refund_of: v.refundOf ?? null, reason: null, external_ref: null, idempotency_key: randomUUID(), recorded_by: clinic.owner.userId, created_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return p.id;
}

async function booking(clientId: string, status: 'confirmed' | 'checked_in' | 'completed' | 'cancelled' | 'late_cancelled' | 'no_show' | 'held', start: string, serviceId = clinic.penId) {
  const b = await t.db
    .insertInto('bookings')
    .values({
      organization_id: org.id, location_id: org.locationId, client_id: clientId, service_id: serviceId, status, starts_at: start, ends_at: new Date(Date.parse(start) + 3_600_000),
      provider_user_id: clinic.provider.userId, room_id: null, device_id: null, hold_expires_at: status === 'held' ? start : null, idempotency_key: null, series_id: null, series_index: null,
      plan_id: null, override_reason: null, cancel_reason: null, created_by: clinic.owner.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return b.id;
}

async function review(clientId: string, rating: number, status: 'pending' | 'published' | 'hidden', at: string) {
  await t.db
    .insertInto('reviews')
    .values({
      organization_id: org.id, client_id: clientId, booking_id: randomUUID(), location_id: org.locationId, provider_user_id: clinic.provider.userId, rating, display_name: 'A.', status,
      hidden_reason: null, reply: null, replied_at: null, moderated_by: null, moderated_at: null, created_at: at,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  org = await t.factory.org('Spa A');
  otherOrg = await t.factory.org('Spa B');
  clinic = await setUpClinic(t, org);
  const ana = (await t.factory.client(org, { firstName: 'Ana', lastName: 'Lopez' })).id;
  const evil = (await t.factory.client(org, { firstName: '=HYPERLINK("x")', lastName: 'Evil' })).id;

  // bookings: 2 completed, 1 checked in, 1 no-show, 1 late and 1 on-time cancellation; a hold and a February visit do not count
  const b1 = await booking(ana, 'completed', '2026-01-10T16:00:00Z');
  await booking(ana, 'completed', '2026-01-12T16:00:00Z', clinic.consultationId);
  await booking(ana, 'checked_in', '2026-01-13T16:00:00Z');
  await booking(evil, 'no_show', '2026-01-14T16:00:00Z');
  const late = await booking(evil, 'late_cancelled', '2026-01-20T16:00:00Z');
  await booking(evil, 'cancelled', '2026-01-21T16:00:00Z');
  await booking(ana, 'held', '2026-01-22T16:00:00Z');
  await booking(ana, 'confirmed', '2026-02-01T06:30:00Z');

  // invoices: a visit with a discounted service and a product, a package sale at 23:30 on 31 January
  // (Chicago), a kept late-cancel fee; a void invoice and one at 00:30 on 1 February do not count
  const i1 = await invoice(org, ana, { at: '2026-01-10T18:00:00Z', status: 'paid', bookingId: b1, total: 33000, tax: 1000, lines: [{ kind: 'service', code: 'pen_face', total: 30000, discount: 3000 }, { kind: 'product', total: 5000 }] });
  const i2 = await invoice(org, evil, { at: '2026-02-01T05:30:00Z', total: 90000, lines: [{ kind: 'package', code: 'pen_face', total: 90000 }] });
  await invoice(org, ana, { at: '2026-01-20T18:00:00Z', bookingId: late, total: 5000, lines: [{ kind: 'fee', total: 5000 }] });
  await invoice(org, ana, { at: '2026-01-15T18:00:00Z', status: 'void', total: 20000, lines: [{ kind: 'service', code: 'pen_face', total: 20000 }] });
  await invoice(org, ana, { at: '2026-02-01T06:30:00Z', total: 7000, lines: [{ kind: 'product', total: 7000 }] });
  void i1;

  await payment(org, ana, { at: '2026-01-10T18:05:00Z', cents: 33000 });
  const p2 = await payment(org, evil, { at: '2026-01-31T20:00:00Z', cents: 50000 });
  await payment(org, evil, { at: '2026-01-25T20:00:00Z', cents: 10000, refundOf: p2 });
  await payment(org, ana, { at: '2026-02-01T06:30:00Z', cents: 7000 });

  // packages: 2 of 3 sessions left (liability 2 x 1000.00 / 3 = 666.67), an expired one with 3 unused, one bought after the window
  const pkg = await t.db
    .insertInto('packages')
    .values({ organization_id: org.id, location_id: org.locationId, service_code: 'pen_face', name: 'Pen trio', sessions: 3, price_cents: 100000 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const purchase = (clientId: string, v: { name: string; total: number; used: number; refunded: number; price: number; expires: string; at: string }) =>
    t.db
      .insertInto('package_purchases')
      .values({ organization_id: org.id, client_id: clientId, location_id: org.locationId, package_id: pkg.id, invoice_id: i2, name: v.name, service_code: 'pen_face', sessions_total: v.total, sessions_used: v.used, sessions_refunded: v.refunded, price_cents: v.price, currency: 'USD', expires_on: v.expires, purchased_at: v.at })
      .execute();
  await purchase(ana, { name: 'Pen trio', total: 3, used: 1, refunded: 0, price: 100000, expires: '2026-12-31', at: '2026-01-05T18:00:00Z' });
  await purchase(evil, { name: 'Pen six', total: 6, used: 2, refunded: 1, price: 50000, expires: '2026-01-20', at: '2025-07-01T18:00:00Z' });
  await purchase(ana, { name: 'Pen trio', total: 3, used: 0, refunded: 0, price: 100000, expires: '2027-02-28', at: '2026-02-03T18:00:00Z' });

  // reviews: published 5, 4, 4 (average 4.33), one hidden, one pending; one in February
  await review(ana, 5, 'published', '2026-01-10T20:00:00Z');
  await review(ana, 4, 'published', '2026-01-12T20:00:00Z');
  await review(evil, 4, 'published', '2026-01-14T20:00:00Z');
  await review(evil, 1, 'hidden', '2026-01-20T20:00:00Z');
  await review(ana, 3, 'pending', '2026-01-21T20:00:00Z');
  await review(ana, 2, 'published', '2026-02-01T06:30:00Z');

  // another organization's sale in the same month
  const stranger = (await t.factory.client(otherOrg, { firstName: 'Zed', lastName: 'Other' })).id;
  await invoice(otherOrg, stranger, { at: '2026-01-10T18:00:00Z', total: 99900, lines: [{ kind: 'product', total: 99900 }] });
  await payment(otherOrg, stranger, { at: '2026-01-10T18:00:00Z', cents: 99900 });
}, 120_000);
afterAll(() => t.close());

describe('revenue report', () => {
  it('counts net revenue, tax and collections in the window, not void invoices nor refunds', async () => {
    const r = await report('revenue');
    expect(r.summary).toEqual({ netRevenueCents: 127000, creditedCents: 0, taxCents: 1000, collectedCents: 73000, refundedCents: 10000, invoices: 3 });
    const days = rows(r, 'by_day');
    expect(days).toHaveLength(31);
    expect(days.find((d) => d.date === '2026-01-10')).toEqual({ date: '2026-01-10', netCents: 32000, collectedCents: 33000 });
    // 23:30 on the last day, local time, is still January
    expect(days.find((d) => d.date === '2026-01-31')).toEqual({ date: '2026-01-31', netCents: 90000, collectedCents: 50000 });
    expect(rows(r, 'by_location')).toEqual([{ location: 'Main', invoices: 3, netCents: 127000, taxCents: 1000, collectedCents: 73000 }]);
    expect(rows(r, 'by_provider')).toEqual([
      { provider: 'Package and retail sales', invoices: 1, netCents: 90000 },
      { provider: clinic.provider.name, invoices: 2, netCents: 37000 },
    ]);
    expect(rows(r, 'by_service')).toEqual([
      { service: 'Pen microneedling, full face', netCents: 117000 },
      { service: 'Fees', netCents: 5000 },
      { service: 'Products', netCents: 5000 },
    ]);
    expect(rows(r, 'sales').map((s) => [s.number, s.issuedOn, s.client, s.totalCents, s.status])).toEqual([
      [1, '2026-01-10', 'Ana L.', 33000, 'paid'],
      [3, '2026-01-20', 'Ana L.', 5000, 'issued'],
      [2, '2026-01-31', '=HYPERLINK("x") E.', 90000, 'issued'],
    ]);
    const audit = await t.db.selectFrom('audit_events').select(['entity_id']).where('organization_id', '=', org.id).where('action', '=', 'report.view').execute();
    expect(audit.map((a) => a.entity_id)).toContain('revenue');
  });

  it('exports a table as CSV with amounts in dollars and a formula-looking name neutralised', async () => {
    const res = await t.request(`/api/reports/revenue?${JAN}&format=csv&table=sales`, { cookie: clinic.owner.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="revenue-2026-01-01-2026-01-31.csv"');
    expect((await res.text()).split('\r\n')).toEqual([
      'Invoice,Date of service,Client,Location,Total,Status',
      '1,2026-01-10,Ana L.,Main,330.00,paid',
      '3,2026-01-20,Ana L.,Main,50.00,issued',
      `2,2026-01-31,"'=HYPERLINK(""x"") E.",Main,900.00,issued`,
      '',
    ]);
    const first = await t.request(`/api/reports/revenue?${JAN}&format=csv`, { cookie: clinic.owner.cookie });
    expect((await first.text()).split('\r\n')[0]).toBe('Date,Net revenue,Collected');
    const unknown = await t.request(`/api/reports/revenue?${JAN}&format=csv&table=nope`, { cookie: clinic.owner.cookie });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('table');
  });

  it('answers bad dates with the field named', async () => {
    for (const [query, field] of [['from=2026-02-30&to=2026-03-01', 'from'], ['from=2026-01-01&to=2026-13-01', 'to'], ['from=2026-02-01&to=2026-01-01', 'to'], ['from=01/02/2026&to=2026-01-01', 'from']] as const) {
      const res = await t.request(`/api/reports/revenue?${query}`, { cookie: clinic.owner.cookie });
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path), query).toContain(field);
    }
  });

  it("never shows another organization's figures, nor accepts its location", async () => {
    const stranger = await t.factory.actor(otherOrg, 'owner');
    const theirs = await report('revenue', JAN, stranger.cookie);
    expect(theirs.summary).toEqual({ netRevenueCents: 99900, creditedCents: 0, taxCents: 0, collectedCents: 99900, refundedCents: 0, invoices: 1 });
    const res = await t.request(`/api/reports/revenue?${JAN}&locationId=${otherOrg.locationId}`, { cookie: clinic.owner.cookie });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('locationId');
    const mine = await report('revenue', `${JAN}&locationId=${org.locationId}`);
    expect(mine.summary.netRevenueCents).toBe(127000);
  });
});

describe('attendance report', () => {
  it('counts bookings by outcome and the no-show and late-cancel rates over visits that were due', async () => {
    const r = await report('attendance');
    expect(r.summary).toEqual({ bookings: 6, confirmed: 0, checkedIn: 1, completed: 2, cancelled: 1, lateCancelled: 1, noShow: 1, noShowRate: 0.2, lateCancelRate: 0.2 });
    expect(rows(r, 'by_service')).toEqual([
      expect.objectContaining({ service: 'Consultation', bookings: 1, completed: 1, noShowRate: 0 }),
      expect.objectContaining({ service: 'Pen microneedling, full face', bookings: 5, noShow: 1, noShowRate: 0.25, lateCancelRate: 0.25 }),
    ]);
    expect(rows(r, 'by_provider')).toEqual([expect.objectContaining({ provider: clinic.provider.name, bookings: 6 })]);
    expect(rows(r, 'by_week').map((w) => [w.week, w.bookings])).toEqual([['2026-01-05', 1], ['2026-01-12', 3], ['2026-01-19', 2]]);
    const none = await report('attendance', 'from=2025-01-01&to=2025-01-31');
    expect([none.summary.noShowRate, none.summary.lateCancelRate]).toEqual([0, 0]);
  });
});

describe('package liability report', () => {
  it('values the sessions still owed at the end of the window, rounded to the cent', async () => {
    const r = await report('package-liability');
    expect(r.summary).toEqual({ sessionsSold: 9, sessionsDelivered: 3, sessionsRefunded: 1, sessionsOutstanding: 2, liabilityCents: 66667, expiredUnusedSessions: 3 });
    expect(rows(r, 'by_package')).toEqual([
      { package: 'Pen trio', service: 'Pen microneedling, full face', sold: 3, used: 1, outstanding: 2, liabilityCents: 66667 },
      { package: 'Pen six', service: 'Pen microneedling, full face', sold: 6, used: 2, outstanding: 0, liabilityCents: 0 },
    ]);
    expect(rows(r, 'purchases').map((p) => [p.client, p.package, p.boughtOn, p.expiresOn, p.remaining])).toEqual([
      ['=HYPERLINK("x") E.', 'Pen six', '2025-07-01', '2026-01-20', 3],
      ['Ana L.', 'Pen trio', '2026-01-05', '2026-12-31', 2],
    ]);
    const csv = await t.request(`/api/reports/package-liability?${JAN}&format=csv&table=by_package`, { cookie: clinic.owner.cookie });
    expect((await csv.text()).split('\r\n').slice(0, 2)).toEqual(['Package,Service,Sessions sold,Sessions used,Sessions outstanding,Liability', 'Pen trio,"Pen microneedling, full face",3,1,2,666.67']);
  });
});

describe('reviews report', () => {
  it('counts reviews by status and averages the published ratings', async () => {
    const r = await report('reviews');
    expect(r.summary).toEqual({ count: 5, published: 3, hidden: 1, pending: 1, averageRating: 4.33 });
    expect(rows(r, 'by_month')).toEqual([{ month: '2026-01', count: 5, published: 3, averageRating: 4.33 }]);
    expect(rows(r, 'by_provider')).toEqual([{ provider: clinic.provider.name, count: 5, published: 3, averageRating: 4.33 }]);
    const feb = await report('reviews', 'from=2026-02-01&to=2026-02-28');
    expect(feb.summary).toEqual({ count: 1, published: 1, hidden: 0, pending: 0, averageRating: 2 });
  });
});
