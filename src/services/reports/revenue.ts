// Revenue: what was invoiced (net of discounts, before tax) and what was collected (payments less
// refunds) over the window, by day, location, provider and service, with the list of sales.
// Void invoices never count. Money is integer cents in the organization's currency. Revenue is
// dated by the date of service: a visit's invoice counts on the visit's day, anything else when
// it was issued (a visit checked out early must not move revenue into another month).
import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { reportWindow, type Report, type ReportQuery, type ReportTable } from './report.js';
import { clientLabel, datesBetween, grouper, localDate } from './tally.js';

const RETAIL = 'Package and retail sales';
const KIND_LABEL: Record<string, string> = { fee: 'Fees', product: 'Products' };

/** When the sale happened: the visit's start for a visit's invoice, otherwise its issue time. */
const servedAt = sql<Date>`coalesce(b.starts_at, i.issued_at)`;

export async function revenueReport(ctx: Ctx, q: ReportQuery): Promise<Report> {
  const w = await reportWindow(ctx, q);
  const org = ctx.principal.organizationId;

  let invoiceQuery = ctx.db
    .selectFrom('invoices as i')
    .innerJoin('locations as l', (j) => j.onRef('l.organization_id', '=', 'i.organization_id').onRef('l.id', '=', 'i.location_id'))
    .innerJoin('clients as c', (j) => j.onRef('c.organization_id', '=', 'i.organization_id').onRef('c.id', '=', 'i.client_id'))
    .leftJoin('bookings as b', (j) => j.onRef('b.organization_id', '=', 'i.organization_id').onRef('b.id', '=', 'i.booking_id'))
    .leftJoin('users as u', 'u.id', 'b.provider_user_id')
    .select(['i.id', 'i.number', 'i.status', 'i.issued_at', 'i.tax_cents', 'i.total_cents', 'i.credited_cents', 'i.location_id', 'l.name as location', 'l.time_zone', 'c.first_name', 'c.last_name', 'u.name as provider'])
    .select(servedAt.as('served_at'))
    .where('i.organization_id', '=', org)
    .where('i.status', '!=', 'void')
    .where(servedAt, '>=', w.start)
    .where(servedAt, '<', w.end);
  if (q.locationId) invoiceQuery = invoiceQuery.where('i.location_id', '=', q.locationId);
  const invoices = await invoiceQuery.orderBy(servedAt).orderBy('i.number').execute();

  let lineQuery = ctx.db
    .selectFrom('invoice_lines as il')
    .innerJoin('invoices as i', (j) => j.onRef('i.organization_id', '=', 'il.organization_id').onRef('i.id', '=', 'il.invoice_id'))
    .leftJoin('bookings as b', (j) => j.onRef('b.organization_id', '=', 'i.organization_id').onRef('b.id', '=', 'i.booking_id'))
    .leftJoin('services as s', (j) => j.onRef('s.organization_id', '=', 'il.organization_id').onRef('s.code', '=', 'il.service_code'))
    .select(['il.invoice_id', 'il.kind', 'il.service_code', 'il.total_cents', 'il.discount_cents', 's.name as service'])
    .where('il.organization_id', '=', org)
    .where('i.status', '!=', 'void')
    .where(servedAt, '>=', w.start)
    .where(servedAt, '<', w.end);
  if (q.locationId) lineQuery = lineQuery.where('i.location_id', '=', q.locationId);
  const lines = await lineQuery.execute();

  let paymentQuery = ctx.db
    .selectFrom('payments as p')
    .innerJoin('locations as l', (j) => j.onRef('l.organization_id', '=', 'p.organization_id').onRef('l.id', '=', 'p.location_id'))
    .select(['p.kind', 'p.amount_cents', 'p.created_at', 'p.location_id', 'l.name as location', 'l.time_zone'])
    .where('p.organization_id', '=', org)
    .where('p.created_at', '>=', w.start)
    .where('p.created_at', '<', w.end);
  if (q.locationId) paymentQuery = paymentQuery.where('p.location_id', '=', q.locationId);
  const payments = await paymentQuery.execute();

  // net per invoice = its lines less their share of the discount (tax excluded)
  const netOf = new Map<string, number>();
  const byService = grouper((service) => ({ service, netCents: 0 }));
  for (const l of lines) {
    const net = l.total_cents - l.discount_cents;
    netOf.set(l.invoice_id, (netOf.get(l.invoice_id) ?? 0) + net);
    const label = KIND_LABEL[l.kind] ?? l.service ?? l.service_code ?? l.kind;
    byService.at(label).netCents += net;
  }

  const byDay = grouper((date) => ({ date, netCents: 0, collectedCents: 0 }));
  for (const d of datesBetween(w.from, w.to)) byDay.at(d);
  const byLocation = grouper((location) => ({ location, invoices: 0, netCents: 0, taxCents: 0, collectedCents: 0 }));
  const byProvider = grouper((provider) => ({ provider, invoices: 0, netCents: 0 }));
  let netRevenueCents = 0;
  let taxCents = 0;
  for (const i of invoices) {
    const net = netOf.get(i.id) ?? 0;
    netRevenueCents += net;
    taxCents += i.tax_cents;
    byDay.at(localDate(i.served_at, i.time_zone)).netCents += net;
    const loc = byLocation.at(i.location);
    loc.invoices += 1;
    loc.netCents += net;
    loc.taxCents += i.tax_cents;
    const prov = byProvider.at(i.provider ?? RETAIL);
    prov.invoices += 1;
    prov.netCents += net;
  }

  let collectedCents = 0;
  let refundedCents = 0;
  for (const p of payments) {
    const signed = p.kind === 'refund' ? -p.amount_cents : p.amount_cents;
    collectedCents += signed;
    if (p.kind === 'refund') refundedCents += p.amount_cents;
    // with locations in several time zones a payment near midnight may fall on a date just outside
    // the range: it keeps its own local date rather than being moved
    const day = byDay.at(localDate(p.created_at, p.time_zone));
    day.collectedCents += signed;
    byLocation.at(p.location).collectedCents += signed;
  }

  const tables: ReportTable[] = [
    {
      name: 'by_day',
      title: 'Revenue by day',
      columns: [
        { key: 'date', label: 'Date', kind: 'date' },
        { key: 'netCents', label: 'Net revenue', kind: 'cents' },
        { key: 'collectedCents', label: 'Collected', kind: 'cents' },
      ],
      rows: byDay.values().sort((a, b) => a.date.localeCompare(b.date)),
    },
    {
      name: 'by_location',
      title: 'Revenue by location',
      columns: [
        { key: 'location', label: 'Location' },
        { key: 'invoices', label: 'Invoices', kind: 'number' },
        { key: 'netCents', label: 'Net revenue', kind: 'cents' },
        { key: 'taxCents', label: 'Tax', kind: 'cents' },
        { key: 'collectedCents', label: 'Collected', kind: 'cents' },
      ],
      rows: byLocation.values().sort((a, b) => a.location.localeCompare(b.location)),
    },
    {
      name: 'by_provider',
      title: 'Revenue by provider',
      columns: [
        { key: 'provider', label: 'Provider' },
        { key: 'invoices', label: 'Invoices', kind: 'number' },
        { key: 'netCents', label: 'Net revenue', kind: 'cents' },
      ],
      rows: byProvider.values().sort((a, b) => b.netCents - a.netCents || a.provider.localeCompare(b.provider)),
    },
    {
      name: 'by_service',
      title: 'Revenue by service',
      columns: [
        { key: 'service', label: 'Service' },
        { key: 'netCents', label: 'Net revenue', kind: 'cents' },
      ],
      rows: byService.values().sort((a, b) => b.netCents - a.netCents || a.service.localeCompare(b.service)),
    },
    {
      name: 'sales',
      title: 'Sales',
      columns: [
        // an invoice number is an identifier: "1001", never "1,001"
        { key: 'number', label: 'Invoice', kind: 'text' },
        { key: 'issuedOn', label: 'Date of service', kind: 'date' },
        { key: 'client', label: 'Client' },
        { key: 'location', label: 'Location' },
        { key: 'totalCents', label: 'Total', kind: 'cents' },
        { key: 'status', label: 'Status' },
      ],
      rows: invoices.map((i) => ({
        number: i.number,
        issuedOn: localDate(i.served_at, i.time_zone),
        client: clientLabel(i.first_name, i.last_name),
        location: i.location,
        totalCents: i.total_cents,
        status: i.status,
      })),
    },
  ];

  return {
    name: 'revenue',
    title: 'Revenue',
    from: w.from,
    to: w.to,
    locationId: q.locationId ?? null,
    // credits (unused package sessions withdrawn) are shown apart: the lines above are as invoiced
    summary: { netRevenueCents, creditedCents: invoices.reduce((sum, i) => sum + i.credited_cents, 0), taxCents, collectedCents, refundedCents, invoices: invoices.length },
    tables,
  };
}
