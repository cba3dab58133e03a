// Attendance: what became of the bookings that started in the window. The no-show and late-cancel
// rates are over the visits that were due to happen (completed, checked in, missed or cancelled
// late); an on-time cancellation freed the slot and is left out.
import type { BookingStatus } from '../../db/schema-scheduling.js';
import type { Ctx } from '../context.js';
import { reportWindow, type Report, type ReportColumn, type ReportQuery } from './report.js';
import { grouper, localDate, rate } from './tally.js';
import { Temporal } from 'temporal-polyfill';

type Counted = Exclude<BookingStatus, 'held'>;
const KEY: Record<Counted, string> = {
  confirmed: 'confirmed',
  checked_in: 'checkedIn',
  completed: 'completed',
  cancelled: 'cancelled',
  late_cancelled: 'lateCancelled',
  no_show: 'noShow',
};

interface Counts {
  bookings: number;
  confirmed: number;
  checkedIn: number;
  completed: number;
  cancelled: number;
  lateCancelled: number;
  noShow: number;
}
const emptyCounts = (): Counts => ({ bookings: 0, confirmed: 0, checkedIn: 0, completed: 0, cancelled: 0, lateCancelled: 0, noShow: 0 });

function count(c: Counts, status: Counted) {
  c.bookings += 1;
  c[KEY[status] as keyof Counts] += 1;
}

/** the counts with their rates, as one row */
function withRates(c: Counts) {
  const due = c.completed + c.checkedIn + c.noShow + c.lateCancelled;
  return { ...c, noShowRate: rate(c.noShow, due), lateCancelRate: rate(c.lateCancelled, due) };
}

const COUNT_COLUMNS: ReportColumn[] = [
  { key: 'bookings', label: 'Bookings', kind: 'number' },
  { key: 'completed', label: 'Completed', kind: 'number' },
  { key: 'noShow', label: 'No-shows', kind: 'number' },
  { key: 'lateCancelled', label: 'Late cancellations', kind: 'number' },
  { key: 'cancelled', label: 'Cancellations', kind: 'number' },
  { key: 'noShowRate', label: 'No-show rate', kind: 'percent' },
  { key: 'lateCancelRate', label: 'Late-cancel rate', kind: 'percent' },
];

/** The Monday of the local week an instant falls in. */
const weekOf = (at: Date, timeZone: string) => {
  const d = Temporal.PlainDate.from(localDate(at, timeZone));
  return d.subtract({ days: d.dayOfWeek - 1 }).toString();
};

export async function attendanceReport(ctx: Ctx, q: ReportQuery): Promise<Report> {
  const w = await reportWindow(ctx, q);
  let query = ctx.db
    .selectFrom('bookings as b')
    .innerJoin('services as s', (j) => j.onRef('s.organization_id', '=', 'b.organization_id').onRef('s.id', '=', 'b.service_id'))
    .innerJoin('locations as l', (j) => j.onRef('l.organization_id', '=', 'b.organization_id').onRef('l.id', '=', 'b.location_id'))
    .innerJoin('users as u', 'u.id', 'b.provider_user_id')
    .select(['b.status', 'b.starts_at', 'l.time_zone', 's.name as service', 'u.name as provider'])
    .where('b.organization_id', '=', ctx.principal.organizationId)
    .where('b.status', '!=', 'held')
    .where('b.starts_at', '>=', w.start)
    .where('b.starts_at', '<', w.end);
  if (q.locationId) query = query.where('b.location_id', '=', q.locationId);
  const rows = await query.orderBy('b.starts_at').execute();

  const total = emptyCounts();
  const byProvider = grouper((provider) => ({ provider, ...emptyCounts() }));
  const byService = grouper((service) => ({ service, ...emptyCounts() }));
  const byWeek = grouper((week) => ({ week, ...emptyCounts() }));
  for (const r of rows) {
    const status = r.status as Counted;
    count(total, status);
    count(byProvider.at(r.provider), status);
    count(byService.at(r.service), status);
    count(byWeek.at(weekOf(r.starts_at, r.time_zone)), status);
  }

  const t = withRates(total);
  return {
    name: 'attendance',
    title: 'Attendance',
    from: w.from,
    to: w.to,
    locationId: q.locationId ?? null,
    summary: {
      bookings: t.bookings,
      confirmed: t.confirmed,
      checkedIn: t.checkedIn,
      completed: t.completed,
      cancelled: t.cancelled,
      lateCancelled: t.lateCancelled,
      noShow: t.noShow,
      noShowRate: t.noShowRate,
      lateCancelRate: t.lateCancelRate,
    },
    tables: [
      {
        name: 'by_provider',
        title: 'Attendance by provider',
        columns: [{ key: 'provider', label: 'Provider' }, ...COUNT_COLUMNS],
        rows: byProvider.values().sort((a, b) => a.provider.localeCompare(b.provider)).map(withRates),
      },
      {
        name: 'by_service',
        title: 'Attendance by service',
        columns: [{ key: 'service', label: 'Service' }, ...COUNT_COLUMNS],
        rows: byService.values().sort((a, b) => a.service.localeCompare(b.service)).map(withRates),
      },
      {
        name: 'by_week',
        title: 'Attendance by week',
        columns: [{ key: 'week', label: 'Week of', kind: 'date' }, ...COUNT_COLUMNS],
        rows: byWeek.values().sort((a, b) => a.week.localeCompare(b.week)).map(withRates),
      },
    ],
  };
}
