// The money and reputation side of the demo history: an invoice and a card payment for each
// treatment done, package series bought and drawn, reviews, GAIS and satisfaction outcomes, and
// one adverse event followed to resolution.
import { computeInvoice, type LineInput } from '../../domain/billing/invoice.js';
import { labelFor } from '../../domain/treatment/outcomes.js';
import { addDays, localDateOf } from '../../domain/scheduling/local-time.js';
import { DEMO_PACKAGES, DEMO_PRICES } from './demo-prices.js';
import type { PlannedVisit, rng } from './demo-history-plan.js';
import type { Rows } from './demo-history.js';

const DAY = 86_400_000;
/** clients who bought a series of three with their first pen treatment */
const PACKAGE_CLIENTS = new Set(['client@glow.example.com', 'liam.nguyen@example.com', 'sofia.okafor@example.com']);
const REVIEWS = [
  [5, 'Calm, careful and clear about aftercare. My skin looks smoother already.'],
  [5, 'Explained every step and checked in after a few days. Highly recommend.'],
  [4, 'Great result; the numbing took a while but it was worth it.'],
  [5, 'My acne scars are noticeably softer after the second session.'],
  [4, 'Friendly team and spotless rooms. Running 10 minutes late, otherwise perfect.'],
  [3, 'Good treatment, but I would have liked more time to ask questions.'],
] as const;

interface Done {
  v: PlannedVisit;
  bookingId: string;
  clientId: string;
  providerId: string;
  locationId: string;
  end: number;
  chartId: string | null;
  lotId: string | null;
  deviceId: string | null;
}

export function historyMoney(a: {
  org: string; now: number; today: string; newId: () => string; r: ReturnType<typeof rng>; desk: string; director: string;
  clients: Map<string, { id: string; first: string; last: string; userId: string | null }>; completed: Done[]; services: { code: string; name: string; kind: string }[]; packages: { id: string; name: string; location_id: string }[];
}): Rows {
  const { org, newId, r } = a;
  const rows: Rows = { invoices: [], invoice_lines: [], payments: [], package_purchases: [], package_draws: [], reviews: [], outcomes: [], adverse_events: [], adverse_event_notes: [] };
  let number = 1000;
  const purchases = new Map<string, { id: string; used: number; total: number }>();

  const invoice = (d: Done, at: number, lines: LineInput[], bookingId: string | null) => {
    const totals = computeInvoice(lines, 0);
    const id = newId();
    number += 1;
    rows.invoices!.push({
      organization_id: org, id, number, location_id: d.locationId, client_id: d.clientId, booking_id: bookingId, status: 'paid', currency: 'USD', subtotal_cents: totals.subtotalCents,
      discount_cents: 0, tax_cents: 0, total_cents: totals.totalCents, tax_rate_bp: 0, discount_reason: null, void_reason: null, issued_by: a.desk, issued_at: new Date(at),
    });
    totals.lines.forEach((l, i) =>
      rows.invoice_lines!.push({
        organization_id: org, invoice_id: id, position: i + 1, kind: l.kind, description: l.description, service_code: l.serviceCode ?? null, quantity: l.quantity,
        unit_cents: l.unitCents, total_cents: l.totalCents, discount_cents: 0, taxable: false, tax_cents: 0,
      }),
    );
    if (totals.totalCents > 0) {
      rows.payments!.push({
        organization_id: org, id: newId(), client_id: d.clientId, location_id: d.locationId, invoice_id: id, booking_id: bookingId, kind: 'payment', purpose: 'invoice',
        method: r.next() < 0.8 ? 'card_terminal' : 'cash', amount_cents: totals.totalCents, currency: 'USD', idempotency_key: `demo-history:${number}`, recorded_by: a.desk, created_at: new Date(at + 5 * 60_000),
      });
    }
    return id;
  };

  let adverse = false;
  let reviewIndex = 0;
  for (const d of a.completed) {
    const service = a.services.find((s) => s.code === d.v.serviceCode)!;
    if (service.kind !== 'treatment') continue;
    const price = DEMO_PRICES.find((p) => p.serviceCode === d.v.serviceCode)![d.v.location];
    const line: LineInput = { kind: 'service', description: service.name, serviceCode: service.code, quantity: 1, unitCents: price, taxable: false };
    // a series of three: bought with the first pen treatment, then drawn on the next two
    const pkg = DEMO_PACKAGES.find((p) => p.serviceCode === d.v.serviceCode && p.sessions === 3);
    let purchase = purchases.get(d.v.client);
    if (pkg && PACKAGE_CLIENTS.has(d.v.client) && !purchase) {
      const packageRow = { kind: 'package' as const, description: pkg.name, serviceCode: pkg.serviceCode, quantity: 1, unitCents: pkg[d.v.location], taxable: false };
      const invoiceId = invoice(d, d.end - 30 * 60_000, [packageRow], null);
      purchase = { id: newId(), used: 0, total: 3 };
      purchases.set(d.v.client, purchase);
      rows.package_purchases!.push({
        organization_id: org, id: purchase.id, client_id: d.clientId, location_id: d.locationId, package_id: a.packages.find((p) => p.name === pkg.name && p.location_id === d.locationId)!.id, invoice_id: invoiceId, name: pkg.name,
        service_code: pkg.serviceCode, sessions_total: 3, sessions_used: 0, price_cents: pkg[d.v.location], currency: 'USD', expires_on: addDays(localDateOf(d.end, 'America/Chicago'), pkg.validDays), purchased_at: new Date(d.end - 30 * 60_000),
      });
    }
    if (purchase && purchase.used < purchase.total && pkg) {
      purchase.used += 1;
      rows.package_draws!.push({ organization_id: org, booking_id: d.bookingId, purchase_id: purchase.id, drawn_at: new Date(d.end) });
      invoice(d, d.end + 15 * 60_000, [{ kind: 'package_draw', description: `${service.name} (package session)`, serviceCode: service.code, quantity: 1, unitCents: 0, taxable: false }], d.bookingId);
    } else {
      invoice(d, d.end + 15 * 60_000, [line], d.bookingId);
    }

    const client = [...a.clients.entries()].find(([key]) => key === d.v.client)![1];
    const visitDay = localDateOf(d.end, 'America/Chicago');
    // one in three visits is reviewed a few days later; the last week's still wait for moderation
    if (r.next() < 0.35 && d.v.offset <= -3) {
      const [rating, body] = REVIEWS[reviewIndex++ % REVIEWS.length]!;
      const fresh = d.v.offset > -10;
      rows.reviews!.push({
        organization_id: org, id: newId(), client_id: d.clientId, booking_id: d.bookingId, location_id: d.locationId, provider_user_id: d.providerId, rating, body,
        display_name: `${client.first} ${client.last[0]}.`, status: fresh ? 'pending' : 'published', moderated_by: fresh ? null : a.desk, moderated_at: fresh ? null : new Date(d.end + 3 * DAY),
        created_at: new Date(d.end + 2 * DAY),
      });
    }
    // satisfaction after the day-14 check-in; GAIS at three months
    if (d.v.offset <= -15 && r.next() < 0.4) {
      const value = r.pick([5, 5, 4, 4, 4, 3]);
      rows.outcomes!.push({ organization_id: org, id: newId(), client_id: d.clientId, booking_id: d.bookingId, measure: 'satisfaction', timepoint: 'session', value, label: labelFor('satisfaction', value), components: null, assessed_on: addDays(visitDay, 14), assessed_by: client.userId ?? d.providerId });
    }
    if (d.v.offset <= -92 && r.next() < 0.35) {
      const value = r.pick([1, 2, 2, 3, 3, 4]);
      rows.outcomes!.push({ organization_id: org, id: newId(), client_id: d.clientId, booking_id: d.bookingId, measure: 'gais', timepoint: 'follow_up', value, label: labelFor('gais', value), components: null, assessed_on: addDays(visitDay, 90), assessed_by: d.providerId });
    }
    // one adverse event: hyperpigmentation after a pen treatment about three months ago, resolved
    if (!adverse && d.v.offset <= -90 && d.v.providerEmail === 'nurse@glow.example.com' && d.deviceId) {
      adverse = true;
      const id = newId();
      rows.adverse_events!.push({
        organization_id: org, id, client_id: d.clientId, booking_id: d.bookingId, alert_id: null, code: 'pih', expected_response: false, grade: 1, serious: false, relatedness: 'possible',
        device_id: d.deviceId, lot_id: d.lotId, onset_on: addDays(visitDay, 12), description: 'Light brown patches on both cheeks, noticed at the day-14 check-in. Strict sun protection and a brightening serum advised.',
        status: 'resolved', resolved_on: addDays(visitDay, 70), medwatch_reported_on: null, manufacturer_reported_on: null, created_by: a.director, created_at: new Date(d.end + 13 * DAY),
      });
      rows.adverse_event_notes!.push({ organization_id: org, id: newId(), event_id: id, body: 'Reviewed at 8 weeks: the patches have faded. Closed as resolved.', created_by: a.director, created_at: new Date(d.end + 70 * DAY) });
    }
  }
  // sessions used, now that every draw is counted
  for (const p of rows.package_purchases!) p.sessions_used = [...purchases.values()].find((x) => x.id === p.id)!.used;
  return rows;
}
