// Package liability: sessions clients have paid for and not yet had, valued at what they paid per
// session, as of the end of the window. Sessions of an expired package are no longer owed and are
// counted apart, so sold = delivered + refunded + outstanding + expired unused.
import { Temporal } from 'temporal-polyfill';
import type { Ctx } from '../context.js';
import { reportWindow, type Report, type ReportQuery } from './report.js';
import { clientLabel, grouper, localDate } from './tally.js';

/** remaining x price / total, rounded half up in whole cents (no floats) */
const valueOf = (remaining: number, priceCents: number, total: number) => Math.floor((remaining * priceCents * 2 + total) / (total * 2));

export async function packageLiabilityReport(ctx: Ctx, q: ReportQuery): Promise<Report> {
  const w = await reportWindow(ctx, q);
  // a package is usable through its expiry date: at the end of the window, one that expired on or
  // before the last day is over
  const lastDay = Temporal.PlainDate.from(w.to);
  let query = ctx.db
    .selectFrom('package_purchases as p')
    .innerJoin('clients as c', (j) => j.onRef('c.organization_id', '=', 'p.organization_id').onRef('c.id', '=', 'p.client_id'))
    .innerJoin('locations as l', (j) => j.onRef('l.organization_id', '=', 'p.organization_id').onRef('l.id', '=', 'p.location_id'))
    .leftJoin('services as s', (j) => j.onRef('s.organization_id', '=', 'p.organization_id').onRef('s.code', '=', 'p.service_code'))
    .select(['p.name', 'p.service_code', 'p.sessions_total', 'p.sessions_used', 'p.sessions_refunded', 'p.price_cents', 'p.expires_on', 'p.purchased_at', 'l.time_zone', 'c.first_name', 'c.last_name', 's.name as service'])
    .where('p.organization_id', '=', ctx.principal.organizationId)
    .where('p.purchased_at', '<', w.end);
  if (q.locationId) query = query.where('p.location_id', '=', q.locationId);
  const rows = await query.orderBy('p.purchased_at').execute();

  const s = { sessionsSold: 0, sessionsDelivered: 0, sessionsRefunded: 0, sessionsOutstanding: 0, liabilityCents: 0, expiredUnusedSessions: 0 };
  const byPackage = grouper((key) => ({ key, package: '', service: '', sold: 0, used: 0, outstanding: 0, liabilityCents: 0 }));
  const purchases = [];
  for (const r of rows) {
    const remaining = r.sessions_total - r.sessions_used - r.sessions_refunded;
    const expired = Temporal.PlainDate.compare(r.expires_on, lastDay) <= 0;
    const outstanding = expired ? 0 : remaining;
    const liability = valueOf(outstanding, r.price_cents, r.sessions_total);
    s.sessionsSold += r.sessions_total;
    s.sessionsDelivered += r.sessions_used;
    s.sessionsRefunded += r.sessions_refunded;
    s.sessionsOutstanding += outstanding;
    s.expiredUnusedSessions += expired ? remaining : 0;
    s.liabilityCents += liability;
    const g = byPackage.at(`${r.name}\u0000${r.service_code}`);
    g.package = r.name;
    g.service = r.service ?? r.service_code;
    g.sold += r.sessions_total;
    g.used += r.sessions_used;
    g.outstanding += outstanding;
    g.liabilityCents += liability;
    purchases.push({
      client: clientLabel(r.first_name, r.last_name),
      package: r.name,
      boughtOn: localDate(r.purchased_at, r.time_zone),
      expiresOn: r.expires_on,
      remaining,
      liabilityCents: liability,
    });
  }

  return {
    name: 'package-liability',
    title: 'Package liability',
    from: w.from,
    to: w.to,
    locationId: q.locationId ?? null,
    summary: s,
    tables: [
      {
        name: 'by_package',
        title: 'Outstanding sessions by package',
        columns: [
          { key: 'package', label: 'Package' },
          { key: 'service', label: 'Service' },
          { key: 'sold', label: 'Sessions sold', kind: 'number' },
          { key: 'used', label: 'Sessions used', kind: 'number' },
          { key: 'outstanding', label: 'Sessions outstanding', kind: 'number' },
          { key: 'liabilityCents', label: 'Liability', kind: 'cents' },
        ],
        rows: byPackage
          .values()
          .sort((a, b) => b.liabilityCents - a.liabilityCents || a.package.localeCompare(b.package))
          .map(({ key: _key, ...row }) => row),
      },
      {
        name: 'purchases',
        title: 'Package purchases',
        columns: [
          { key: 'client', label: 'Client' },
          { key: 'package', label: 'Package' },
          { key: 'boughtOn', label: 'Bought', kind: 'date' },
          { key: 'expiresOn', label: 'Expires', kind: 'date' },
          { key: 'remaining', label: 'Sessions remaining', kind: 'number' },
          { key: 'liabilityCents', label: 'Liability', kind: 'cents' },
        ],
        rows: purchases,
      },
    ],
  };
}
