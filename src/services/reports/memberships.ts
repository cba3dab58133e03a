// Memberships: revenue from paid periods by month, members active at each month's start, new members,
// cancellations and churn (cancelled in the month / active at its start), and the credits still
// unused with their value at the service's current price (what the clinic owes in treatments).
import { priceOn } from '../../domain/pricing/quote.js';
import { priceBook } from '../pricing/price-list.js';
import type { Ctx } from '../context.js';
import { reportWindow, type Report, type ReportQuery } from './report.js';
import { localDate, rate } from './tally.js';

const monthsBetween = (from: string, to: string) => {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) return out;
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
};

export async function membershipsReport(ctx: Ctx, q: ReportQuery): Promise<Report> {
  const w = await reportWindow(ctx, q);
  const org = ctx.principal.organizationId;
  let ms = ctx.db.selectFrom('client_memberships').select(['id', 'status', 'started_on', 'cancelled_on', 'location_id']).where('organization_id', '=', org);
  if (q.locationId) ms = ms.where('location_id', '=', q.locationId);
  const members = await ms.execute();
  let cs = ctx.db.selectFrom('membership_charges').select(['amount_cents', 'paid_at']).where('organization_id', '=', org).where('status', '=', 'paid').where('paid_at', '>=', w.start).where('paid_at', '<', w.end);
  if (q.locationId) cs = cs.where('location_id', '=', q.locationId);
  const paid = await cs.execute();

  const months = monthsBetween(w.from, w.to).map((month) => {
    const start = `${month}-01`;
    const activeAtStart = members.filter((m) => m.started_on < start && (!m.cancelled_on || m.cancelled_on >= start)).length;
    const cancelled = members.filter((m) => m.cancelled_on?.startsWith(month)).length;
    return {
      month, revenueCents: paid.filter((c) => c.paid_at && localDate(c.paid_at, w.timeZone).startsWith(month)).reduce((s, c) => s + c.amount_cents, 0),
      newMembers: members.filter((m) => m.started_on.startsWith(month)).length, activeAtStart, cancelled, churn: rate(cancelled, activeAtStart),
    };
  });

  let cr = ctx.db
    .selectFrom('membership_credits as c')
    .innerJoin('client_memberships as m', (j) => j.onRef('m.organization_id', '=', 'c.organization_id').onRef('m.id', '=', 'c.membership_id'))
    .select(['c.service_code', 'c.label', 'c.expires_on', 'm.location_id'])
    .where('c.organization_id', '=', org)
    .where('c.used_booking_id', 'is', null)
    .where('c.expires_on', '>=', w.to)
    .where('c.granted_on', '<=', w.to);
  if (q.locationId) cr = cr.where('m.location_id', '=', q.locationId);
  const credits = await cr.execute();
  const books = new Map<string, Awaited<ReturnType<typeof priceBook>>>();
  const unused = new Map<string, { service: string; label: string; count: number; valueCents: number; nextExpiry: string }>();
  for (const c of credits) {
    const book = books.get(c.location_id) ?? (await priceBook(ctx.db, org, c.location_id));
    books.set(c.location_id, book);
    const price = priceOn(book.prices, c.service_code, w.to)?.price.cents ?? 0;
    const key = `${c.service_code}|${c.label}`;
    const row = unused.get(key) ?? { service: c.service_code, label: c.label, count: 0, valueCents: 0, nextExpiry: c.expires_on };
    row.count++;
    row.valueCents += price;
    if (c.expires_on < row.nextExpiry) row.nextExpiry = c.expires_on;
    unused.set(key, row);
  }
  const cancelledInWindow = members.filter((m) => m.cancelled_on && m.cancelled_on >= w.from && m.cancelled_on <= w.to).length;
  const activeAtFrom = members.filter((m) => m.started_on < w.from && (!m.cancelled_on || m.cancelled_on >= w.from)).length;
  return {
    name: 'memberships',
    title: 'Memberships',
    from: w.from,
    to: w.to,
    locationId: q.locationId ?? null,
    summary: {
      revenueCents: paid.reduce((s, c) => s + c.amount_cents, 0),
      activeMembers: members.filter((m) => m.status === 'active' || m.status === 'past_due').length,
      pausedMembers: members.filter((m) => m.status === 'paused').length,
      newMembers: members.filter((m) => m.started_on >= w.from && m.started_on <= w.to).length,
      cancelled: cancelledInWindow,
      churnRate: rate(cancelledInWindow, activeAtFrom),
      unusedCredits: credits.length,
      unusedCreditsValueCents: [...unused.values()].reduce((s, r) => s + r.valueCents, 0),
    },
    tables: [
      {
        name: 'by-month',
        title: 'Membership revenue and members by month',
        columns: [
          { key: 'month', label: 'Month' },
          { key: 'revenueCents', label: 'Revenue', kind: 'cents' },
          { key: 'newMembers', label: 'New members', kind: 'number' },
          { key: 'activeAtStart', label: 'Active at the start', kind: 'number' },
          { key: 'cancelled', label: 'Cancelled', kind: 'number' },
          { key: 'churn', label: 'Churn', kind: 'percent' },
        ],
        rows: months,
      },
      {
        name: 'unused-credits',
        title: 'Unused credits and their value at current prices',
        columns: [
          { key: 'service', label: 'Service' },
          { key: 'label', label: 'Credit' },
          { key: 'count', label: 'Unused', kind: 'number' },
          { key: 'valueCents', label: 'Value', kind: 'cents' },
          { key: 'nextExpiry', label: 'Next expiry', kind: 'date' },
        ],
        rows: [...unused.values()].sort((a, b) => b.valueCents - a.valueCents),
      },
    ],
  };
}
