// Rebooking: of the treatment sessions completed in the window, the share whose client already has
// their next session of the same modality booked within the protocol interval. Every completed
// session counts, the last of a finished series too (kept simple: an owner reads it as a trend).
import { Temporal } from 'temporal-polyfill';
import type { Modality } from '../../db/schema.js';
import type { BookingStatus } from '../../db/schema-scheduling.js';
import { MICRONEEDLING_PACK } from '../../domain/protocols/microneedling/version.js';
import { localDateOf } from '../../domain/scheduling/local-time.js';
import type { Ctx } from '../context.js';
import { reportWindow, type Report, type ReportQuery } from './report.js';

/**
 * The pack keeps one interval between sessions for every modality (intervals.default, the 28 to 42
 * days the facial SES-* protocols share); INT-1 is the rule that holds the next session to it.
 */
const INTERVAL = MICRONEEDLING_PACK.intervals.default;
const INTERVAL_RULE = 'INT-1';
const NOT_A_BOOKING: BookingStatus[] = ['cancelled', 'late_cancelled', 'no_show', 'held'];
const MODALITIES: { id: Modality; label: string }[] = [
  { id: 'roller', label: 'Roller' },
  { id: 'pen', label: 'Pen' },
  { id: 'rf', label: 'RF' },
];
const DAY = 86_400_000;

const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : 0);
const daysBetween = (a: string, b: string) => Temporal.PlainDate.from(a).until(Temporal.PlainDate.from(b)).days;

export async function rebookingReport(ctx: Ctx, q: ReportQuery): Promise<Report> {
  const w = await reportWindow(ctx, q);
  const orgId = ctx.principal.organizationId;
  const treatments = () =>
    ctx.db
      .selectFrom('bookings as b')
      .innerJoin('services as s', (j) => j.onRef('s.organization_id', '=', 'b.organization_id').onRef('s.id', '=', 'b.service_id'))
      .innerJoin('locations as l', (j) => j.onRef('l.organization_id', '=', 'b.organization_id').onRef('l.id', '=', 'b.location_id'))
      .select(['b.id', 'b.client_id', 'b.provider_user_id', 'b.starts_at', 's.modality', 'l.time_zone'])
      .where('b.organization_id', '=', orgId)
      .where('s.kind', '=', 'treatment');
  let completedQuery = treatments()
    .innerJoin('users as u', 'u.id', 'b.provider_user_id')
    .select('u.name as provider_name')
    .where('b.status', '=', 'completed')
    .where('b.starts_at', '>=', w.start)
    .where('b.starts_at', '<', w.end);
  if (q.locationId) completedQuery = completedQuery.where('b.location_id', '=', q.locationId);
  const completed = await completedQuery.orderBy('b.starts_at').execute();
  const clientIds = [...new Set(completed.map((c) => c.client_id))];
  // the next session may be booked at any location, up to the end of the interval after the window
  const later = clientIds.length
    ? await treatments()
        .where('b.client_id', 'in', clientIds)
        .where('b.status', 'not in', NOT_A_BOOKING)
        .where('b.starts_at', '>', w.start)
        .where('b.starts_at', '<', new Date(w.end.getTime() + (INTERVAL.max + 1) * DAY))
        .execute()
    : [];

  const dateOf = (r: { starts_at: Date; time_zone: string }) => localDateOf(new Date(r.starts_at).getTime(), r.time_zone);
  const rows = completed.map((c) => {
    const on = dateOf(c);
    const rebooked = later.some((n) => {
      if (n.id === c.id || n.client_id !== c.client_id || n.modality !== c.modality) return false;
      const days = daysBetween(on, dateOf(n));
      return days >= INTERVAL.min && days <= INTERVAL.max;
    });
    return { modality: c.modality, provider: c.provider_name, providerId: c.provider_user_id, rebooked };
  });
  const tally = (list: typeof rows) => {
    const n = list.filter((r) => r.rebooked).length;
    return { completed: list.length, rebooked: n, rate: rate(n, list.length) };
  };
  const total = tally(rows);
  const providers = new Map<string, string>(rows.map((r) => [r.providerId, r.provider]));

  return {
    name: 'rebooking',
    title: 'Rebooking within the protocol interval',
    from: w.from,
    to: w.to,
    locationId: q.locationId ?? null,
    summary: { completed: total.completed, rebookedInInterval: total.rebooked, rate: total.rate },
    tables: [
      {
        name: 'by_modality',
        title: 'By modality',
        columns: [
          { key: 'modality', label: 'Modality', kind: 'text' },
          { key: 'interval', label: 'Interval', kind: 'text' },
          { key: 'rule', label: 'Rule', kind: 'text' },
          { key: 'completed', label: 'Completed', kind: 'number' },
          { key: 'rebooked', label: 'Rebooked in interval', kind: 'number' },
          { key: 'rate', label: 'Rate', kind: 'percent' },
        ],
        rows: MODALITIES.map((m) => ({ m, t: tally(rows.filter((r) => r.modality === m.id)) }))
          .filter(({ t }) => t.completed > 0)
          .map(({ m, t }) => ({ modality: m.label, interval: `${INTERVAL.min}–${INTERVAL.max} days`, rule: INTERVAL_RULE, ...t })),
      },
      {
        name: 'by_provider',
        title: 'By provider',
        columns: [
          { key: 'provider', label: 'Provider', kind: 'text' },
          { key: 'completed', label: 'Completed', kind: 'number' },
          { key: 'rebooked', label: 'Rebooked in interval', kind: 'number' },
          { key: 'rate', label: 'Rate', kind: 'percent' },
        ],
        rows: [...providers]
          .map(([id, name]) => ({ provider: name, ...tally(rows.filter((r) => r.providerId === id)) }))
          .sort((a, b) => a.provider.localeCompare(b.provider)),
      },
    ],
  };
}
