// Utilisation: how much of a location's opening hours each provider, room and device was booked.
// Open time is the weekly hours minus closures, expanded date by date in the location's zone (so a
// DST day is 23 or 25 hours long); booked time is what bookings held on each resource, buffers
// included, clipped to the window. With no location, every location of the organization adds up.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { ResourceKind } from '../../db/schema-scheduling.js';
import { listLocations } from '../../db/repositories/organizations.repository.js';
import { range } from '../../db/repositories/scheduling.repository.js';
import { intersect, normalize, type Interval } from '../../domain/scheduling/intervals.js';
import { expandWeekly, localDays, type WeeklyHours } from '../../domain/scheduling/local-time.js';
import type { Ctx } from '../context.js';
import { reportWindow, type Report, type ReportQuery, type ReportTable } from './report.js';

const BOOKED = ['confirmed', 'checked_in', 'completed'] as const;
const MIN = 60_000;

const minutesOf = (list: readonly Interval[]) => Math.round(list.reduce((s, i) => s + i.end - i.start, 0) / MIN);
const ratio = (booked: number, open: number) => (open > 0 ? Math.round((booked / open) * 10_000) / 10_000 : 0);

/** Opening minutes from one local date to another (inclusive): weekly hours minus closed dates. */
export function openMinutes(weekly: WeeklyHours, closedDates: readonly string[], from: string, to: string, timeZone: string): number {
  const closures = closedDates.map((date) => ({ date, ranges: [] }));
  return minutesOf(expandWeekly(weekly, closures, from, to, timeZone));
}

interface Line {
  name: string;
  booked: number;
  open: number;
}

/** What each location contributes: its open minutes and the resources that can be booked there. */
async function locationOpen(db: Db, organizationId: string, locationId: string, q: ReportQuery, timeZone: string) {
  const [schedule, closures, providers, rooms, devices] = await Promise.all([
    db.selectFrom('location_schedules').select('weekly').where('organization_id', '=', organizationId).where('location_id', '=', locationId).executeTakeFirst(),
    db.selectFrom('location_closures').select('date').where('organization_id', '=', organizationId).where('location_id', '=', locationId).where('date', '>=', q.from).where('date', '<=', q.to).execute(),
    db.selectFrom('provider_schedules').select('user_id').where('organization_id', '=', organizationId).where('location_id', '=', locationId).execute(),
    db.selectFrom('rooms').select(['id', 'name', 'active']).where('organization_id', '=', organizationId).where('location_id', '=', locationId).execute(),
    db.selectFrom('devices').select(['id', 'model', 'serial', 'active']).where('organization_id', '=', organizationId).where('location_id', '=', locationId).execute(),
  ]);
  // a location without hours yet is open for no minutes (its utilisation reads 0, not a division by 0)
  const open = schedule ? openMinutes(schedule.weekly as WeeklyHours, closures.map((c) => c.date), q.from, q.to, timeZone) : 0;
  return { open, providers, rooms, devices };
}

export async function utilisationReport(ctx: Ctx, q: ReportQuery): Promise<Report> {
  const w = await reportWindow(ctx, q);
  const orgId = ctx.principal.organizationId;
  const locations = (await listLocations(ctx.db, orgId)).filter((l) => !q.locationId || l.id === q.locationId);
  const several = locations.length > 1;
  // each location's window is its own local days; the query spans all of them
  const windows = new Map(locations.map((l) => [l.id, localDays(q.from, q.to, l.time_zone)]));
  const spanStart = Math.min(...[...windows.values()].map((x) => x.start), w.start.getTime());
  const spanEnd = Math.max(...[...windows.values()].map((x) => x.end), w.end.getTime());
  const held = locations.length
    ? await ctx.db
        .selectFrom('booking_resources as r')
        .innerJoin('bookings as b', (j) => j.onRef('b.organization_id', '=', 'r.organization_id').onRef('b.id', '=', 'r.booking_id'))
        .select(['r.resource_kind', 'r.resource_id', 'b.location_id', sql<number>`(extract(epoch from lower(r.during)) * 1000)::float8`.as('start'), sql<number>`(extract(epoch from upper(r.during)) * 1000)::float8`.as('end')])
        .where('r.organization_id', '=', orgId)
        .where('b.location_id', 'in', locations.map((l) => l.id))
        .where('b.status', 'in', BOOKED)
        .where(sql<boolean>`r.during && ${range(new Date(spanStart), new Date(spanEnd))}`)
        .execute()
    : [];

  const lines: Record<ResourceKind, Map<string, Line>> = { provider: new Map(), room: new Map(), device: new Map() };
  const add = (kind: ResourceKind, id: string, name: string, booked: number, open: number) => {
    const line = lines[kind].get(id) ?? { name, booked: 0, open: 0 };
    line.booked += booked;
    line.open += open;
    lines[kind].set(id, line);
  };
  for (const loc of locations) {
    const win = windows.get(loc.id)!;
    const { open, providers, rooms, devices } = await locationOpen(ctx.db, orgId, loc.id, q, loc.time_zone);
    const here = held.filter((h) => h.location_id === loc.id);
    const bookedOf = (kind: ResourceKind, id: string) =>
      minutesOf(intersect(normalize(here.filter((h) => h.resource_kind === kind && h.resource_id === id).map((h) => ({ start: Number(h.start), end: Number(h.end) }))), [win]));
    const bookedIds = (kind: ResourceKind) => new Set(here.filter((h) => h.resource_kind === kind).map((h) => h.resource_id));
    const suffix = several ? ` (${loc.name})` : '';
    // providers with hours here or a booking here; names are filled in below
    for (const id of new Set([...providers.map((p) => p.user_id), ...bookedIds('provider')])) add('provider', id, '', bookedOf('provider', id), open);
    const roomsBooked = bookedIds('room');
    for (const r of rooms) if (r.active || roomsBooked.has(r.id)) add('room', r.id, `${r.name}${suffix}`, bookedOf('room', r.id), open);
    const devicesBooked = bookedIds('device');
    for (const d of devices) if (d.active || devicesBooked.has(d.id)) add('device', d.id, `${d.model} ${d.serial}${suffix}`, bookedOf('device', d.id), open);
  }
  const providerIds = [...lines.provider.keys()];
  const users = providerIds.length ? await ctx.db.selectFrom('users').select(['id', 'name']).where('id', 'in', providerIds).execute() : [];
  for (const u of users) lines.provider.get(u.id)!.name = u.name;

  const table = (kind: ResourceKind, name: string, title: string, label: string): ReportTable => ({
    name,
    title,
    columns: [
      { key: 'name', label, kind: 'text' },
      { key: 'bookedMinutes', label: 'Booked minutes', kind: 'number' },
      { key: 'openMinutes', label: 'Open minutes', kind: 'number' },
      { key: 'utilisation', label: 'Utilisation', kind: 'percent' },
    ],
    rows: [...lines[kind].values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((l) => ({ name: l.name, bookedMinutes: l.booked, openMinutes: l.open, utilisation: ratio(l.booked, l.open) })),
  });
  const overall = (kind: ResourceKind) => {
    const all = [...lines[kind].values()];
    return ratio(all.reduce((s, l) => s + l.booked, 0), all.reduce((s, l) => s + l.open, 0));
  };
  return {
    name: 'utilisation',
    title: 'Utilisation',
    from: w.from,
    to: w.to,
    locationId: q.locationId ?? null,
    summary: { providerUtilisation: overall('provider'), roomUtilisation: overall('room'), deviceUtilisation: overall('device') },
    tables: [table('provider', 'providers', 'Providers', 'Provider'), table('room', 'rooms', 'Rooms', 'Room'), table('device', 'devices', 'Devices', 'Device')],
  };
}
