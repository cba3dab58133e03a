// Recall: per flow, the recall messages sent in the window and how many led to a booking. A booking
// counts for a recall when the client booked it (of the recalled service, when the recall named one)
// within 14 days after the recall was sent; it is attributed here rather than in the booking path,
// which stays as fast as it is (docs/recall.md).
import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { FLOW_DEFAULTS, FLOW_NAMES } from '../recall/flow-defaults.js';
import { reportWindow, type Report, type ReportQuery } from './report.js';

export const ATTRIBUTION_DAYS = 14;
const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : 0);

export async function recallReport(ctx: Ctx, q: ReportQuery): Promise<Report> {
  const w = await reportWindow(ctx, q);
  const orgId = ctx.principal.organizationId;
  let sends = ctx.db
    .selectFrom('recall_sends as r')
    .select((eb) => [
      'r.flow',
      eb.fn.countAll<string>().as('sent'),
      sql<string>`count(*) filter (where exists (
        select 1 from bookings b where b.organization_id = r.organization_id and b.client_id = r.client_id
          and (r.service_id is null or b.service_id = r.service_id)
          and b.status not in ('held', 'cancelled')
          and b.created_at >= r.sent_at and b.created_at < r.sent_at + make_interval(days => ${ATTRIBUTION_DAYS})))`.as('booked'),
    ])
    .where('r.organization_id', '=', orgId)
    .where('r.sent_at', '>=', w.start)
    .where('r.sent_at', '<', w.end)
    .groupBy('r.flow');
  if (q.locationId) sends = sends.where('r.location_id', '=', q.locationId);
  const rows = await sends.execute();
  const byFlow = FLOW_NAMES.map((flow) => {
    const r = rows.find((x) => x.flow === flow);
    const sent = Number(r?.sent ?? 0);
    const booked = Number(r?.booked ?? 0);
    return { flow: FLOW_DEFAULTS[flow].label, sent, booked, rate: rate(booked, sent) };
  });
  const sent = byFlow.reduce((n, r) => n + r.sent, 0);
  const booked = byFlow.reduce((n, r) => n + r.booked, 0);
  return {
    name: 'recall',
    title: 'Recall',
    from: w.from,
    to: w.to,
    locationId: q.locationId ?? null,
    summary: { recallsSent: sent, bookingsMade: booked, bookingRate: rate(booked, sent) },
    tables: [
      {
        name: 'by_flow',
        title: `Recall messages sent and bookings made within ${ATTRIBUTION_DAYS} days`,
        columns: [
          { key: 'flow', label: 'Flow' },
          { key: 'sent', label: 'Messages sent', kind: 'number' },
          { key: 'booked', label: `Booked within ${ATTRIBUTION_DAYS} days`, kind: 'number' },
          { key: 'rate', label: 'Booking rate', kind: 'percent' },
        ],
        rows: byFlow,
      },
    ],
  };
}
