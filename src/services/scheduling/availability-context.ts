import type { Db } from '../../db/connect.js';
import { listLocations } from '../../db/repositories/organizations.repository.js';
import {
  findService,
  getLocationSchedule,
  listBusy,
  listClosures,
  listCredentials,
  listDevicesAt,
  listMaintenance,
  listOverrides,
  listProvidersAt,
  listRoomsAt,
  listScopeRules,
  listTimeOff,
  type ServiceRow,
} from '../../db/repositories/scheduling.repository.js';
import { normalize, intersect, subtract, type Interval } from '../../domain/scheduling/intervals.js';
import {
  expandWeekly,
  instantOf,
  localDays,
  type DayOverride,
  type LocalRange,
  type WeeklyHours,
} from '../../domain/scheduling/local-time.js';
import { providerEligibility, type Eligibility } from '../../domain/scheduling/scope.js';
import type { ResourceFree, SlotQuery } from '../../domain/scheduling/availability.js';
import { AppError, notFound } from '../errors.js';

export interface ProviderInfo {
  id: string;
  name: string;
  title: string;
  eligibility: Eligibility;
}

export interface AvailabilityContext {
  location: { id: string; name: string; timeZone: string; state: string };
  service: ServiceRow;
  providers: ProviderInfo[];
  query: Omit<SlotQuery, 'window'>;
  window: Interval;
}

const busyOf = (
  rows: { resource_kind: string; resource_id: string; start: number; end: number; booking_id: string }[],
  kind: string,
  id: string,
  ignore: string | undefined,
) =>
  normalize(
    rows
      .filter((r) => r.resource_kind === kind && r.resource_id === id && r.booking_id !== ignore)
      .map((r) => ({ start: Number(r.start), end: Number(r.end) })),
  );

/**
 * Everything the availability engine needs for a service at a location over local dates: each
 * eligible provider's, room's and device's free time (hours minus closures, time off, maintenance and
 * bookings with their buffers). `override` ignores hours and rules, keeping only other bookings.
 */
export async function loadAvailability(
  db: Db,
  organizationId: string,
  args: {
    locationId: string;
    serviceId: string;
    from: string;
    to: string;
    now: Date;
    ignoreBookingId?: string | undefined;
    override?: boolean;
    depthMm?: number | null;
  },
): Promise<AvailabilityContext> {
  // Independent reads go out together: on a pool they run on separate connections (a request's
  // latency is three round trips, not fourteen); inside a transaction they simply queue.
  const [locations, service, schedule, scopeRows, credentials] = await Promise.all([
    listLocations(db, organizationId),
    findService(db, organizationId, args.serviceId),
    getLocationSchedule(db, organizationId, args.locationId),
    listScopeRules(db, organizationId),
    listCredentials(db, organizationId),
  ]);
  const loc = locations.find((l) => l.id === args.locationId);
  if (!loc) throw notFound('location');
  if (!service || !service.active) throw notFound('service');
  if (!schedule)
    throw new AppError('conflict', `${loc.name} has no opening hours yet`, [
      { path: 'locationId', message: 'no opening hours' },
    ]);
  const tz = loc.time_zone;
  const window = localDays(args.from, args.to, tz);
  const start = new Date(window.start - 86_400_000);
  const end = new Date(window.end + 86_400_000);
  const [closureRows, providerRows, roomRowsAll, deviceRowsAll, timeOff, overrides] = await Promise.all([
    listClosures(db, organizationId, loc.id, args.from, args.to),
    listProvidersAt(db, organizationId, loc.id),
    service.needs_room ? listRoomsAt(db, organizationId, loc.id) : Promise.resolve([]),
    service.needs_device ? listDevicesAt(db, organizationId, loc.id) : Promise.resolve([]),
    listTimeOff(db, organizationId, start, end),
    listOverrides(db, organizationId, loc.id, args.from, args.to),
  ]);
  const roomRows = roomRowsAll;
  const deviceRows = deviceRowsAll.filter((d) => d.modality === service.modality);
  const closures: DayOverride[] = closureRows.map((c) => ({ date: c.date, ranges: [] }));
  const open = args.override
    ? [window]
    : expandWeekly(schedule.weekly as WeeklyHours, closures, args.from, args.to, tz);
  // only the time held on this location's resources (a provider's bookings elsewhere included)
  const [busy, maintenance] = await Promise.all([
    listBusy(db, organizationId, start, end, args.now, [
      ...providerRows.map((p) => p.user_id),
      ...roomRows.map((r) => r.id),
      ...deviceRows.map((d) => d.id),
    ]),
    service.needs_device ? listMaintenance(db, organizationId, start, end) : Promise.resolve([]),
  ]);
  const rules = scopeRows.map((r) => ({
    state: r.state,
    licenceType: r.licence_type,
    modality: r.modality,
    maxDepthMm: r.max_depth_mm === null ? null : Number(r.max_depth_mm),
    outcome: r.outcome,
  }));

  const providers: ProviderInfo[] = [];
  const providerFree: ResourceFree[] = [];
  for (const p of providerRows) {
    const eligibility = providerEligibility(
      {
        role: p.role,
        licenceType: p.licence_type,
        licenceExpiresOn: p.licence_expires_on,
        licenceState: p.licence_state,
        credentials: credentials
          .filter((c) => c.user_id === p.user_id)
          .map((c) => ({ credential: c.credential, expiresOn: c.expires_on })),
      },
      {
        kind: service.kind,
        modality: service.modality,
        credential: service.credential,
        depthMm: args.depthMm ?? null,
      },
      loc.state,
      args.from,
      rules,
    );
    providers.push({ id: p.user_id, name: p.name, title: p.title, eligibility });
    if (!eligibility.ok && !args.override) continue;
    const own: DayOverride[] = overrides
      .filter((o) => o.user_id === p.user_id)
      .map((o) => ({ date: o.date, ranges: o.ranges as LocalRange[] }));
    let free = args.override
      ? [window]
      : intersect(
          expandWeekly(
            p.weekly as WeeklyHours,
            [...closures, ...own.filter((o) => !closures.some((c) => c.date === o.date))],
            args.from,
            args.to,
            tz,
          ),
          open,
        );
    // a licence that expires during the range stops at the end of its last day
    if (!args.override && p.licence_expires_on && p.licence_expires_on < args.to)
      free = intersect(free, [{ start: window.start, end: instantOf(p.licence_expires_on, '24:00', tz) }]);
    if (!args.override)
      free = subtract(
        free,
        normalize(
          timeOff
            .filter((t) => t.user_id === p.user_id)
            .map((t) => ({ start: new Date(t.start).getTime(), end: new Date(t.end).getTime() })),
        ),
      );
    providerFree.push({
      id: p.user_id,
      free: subtract(free, busyOf(busy, 'provider', p.user_id, args.ignoreBookingId)),
    });
  }
  const rooms = service.needs_room
    ? roomRows.map((r) => ({
        id: r.id,
        free: subtract(open, busyOf(busy, 'room', r.id, args.ignoreBookingId)),
      }))
    : null;
  let devices: ResourceFree[] | null = null;
  if (service.needs_device) {
    devices = deviceRows.map((d) => {
      const down = normalize(
        maintenance
          .filter((m) => m.device_id === d.id)
          .map((m) => ({ start: new Date(m.start).getTime(), end: new Date(m.end).getTime() })),
      );
      return {
        id: d.id,
        free: subtract(
          subtract(open, args.override ? [] : down),
          busyOf(busy, 'device', d.id, args.ignoreBookingId),
        ),
      };
    });
  }
  return {
    location: { id: loc.id, name: loc.name, timeZone: tz, state: loc.state },
    service,
    providers,
    window,
    query: { ...serviceTerms(service, schedule, args.override === true), providers: providerFree, rooms, devices, timeZone: tz, now: args.now.getTime() },
  };
}

/**
 * The parts of the engine's query that come from the service and the location's schedule: the
 * availability search and the one-slot check (slot-check.ts) both build them here. An override
 * books any 5 minutes, with no notice and a ten-year horizon.
 */
export function serviceTerms(
  service: Pick<ServiceRow, 'numbing_min' | 'treatment_min' | 'provider_before_min' | 'provider_after_min' | 'room_before_min' | 'room_after_min' | 'device_before_min' | 'device_after_min'>,
  schedule: { grid_min: number; min_notice_min: number; horizon_days: number },
  override: boolean,
): Pick<SlotQuery, 'durationMin' | 'buffers' | 'gridMin' | 'minNoticeMin' | 'horizonDays'> {
  return {
    durationMin: service.numbing_min + service.treatment_min,
    buffers: {
      provider: { beforeMin: service.provider_before_min, afterMin: service.provider_after_min },
      room: { beforeMin: service.room_before_min, afterMin: service.room_after_min },
      device: { beforeMin: service.device_before_min, afterMin: service.device_after_min },
    },
    gridMin: override ? 5 : schedule.grid_min,
    minNoticeMin: override ? 0 : schedule.min_notice_min,
    horizonDays: override ? 3650 : schedule.horizon_days,
  };
}
