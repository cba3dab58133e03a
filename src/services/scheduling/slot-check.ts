// The check of the one slot being booked. It reads only the start's local day for the chosen
// provider (or every provider when none is named), the location's rooms and devices, and what holds
// them near the start (booking-facts.repository.ts: one statement), then applies the same domain
// rules as the availability engine (availability-context.ts): hours minus closures, changed hours,
// time off, licence expiry and bookings with their buffers, scope of practice, the grid, notice and
// horizon. A start is accepted exactly when the engine offers it (tests/scheduling/slot-check.test.ts).
// The exclusion constraint (decision 0009) stays the final guard against two bookings overlapping.
import type { Db } from '../../db/connect.js';
import { loadSlotFacts, type BusyFact, type SlotFacts } from '../../db/repositories/booking-facts.repository.js';
import { findSlots, type ResourceFree, type Slot, type SlotQuery } from '../../domain/scheduling/availability.js';
import { intersect, normalize, subtract, type Interval } from '../../domain/scheduling/intervals.js';
import { expandWeekly, instantOf, localDateOf, localDays, type DayOverride, type LocalRange, type WeeklyHours } from '../../domain/scheduling/local-time.js';
import { providerEligibility, type ScopeRule } from '../../domain/scheduling/scope.js';
import { AppError, invalid, notFound } from '../errors.js';
import { serviceTerms } from './availability-context.js';

const DAY_MS = 86_400_000;

export interface SlotRequest {
  locationId: string;
  serviceId: string;
  clientId: string;
  start: number;
  providerId?: string | undefined;
  roomId?: string | undefined;
  deviceId?: string | undefined;
  idempotencyKey: string | null;
  now: Date;
  override: boolean;
  /** a booking being moved does not block itself */
  ignoreBookingId?: string | undefined;
}

/** Reads the facts for the slot: the start's local date is found after the location is known. */
export async function readSlotFacts(db: Db, organizationId: string, r: SlotRequest): Promise<SlotFacts> {
  // a day either side covers the local day of the start in any time zone, and every buffer
  return loadSlotFacts(db, organizationId, {
    locationId: r.locationId,
    serviceId: r.serviceId,
    clientId: r.clientId,
    providerId: r.providerId ?? null,
    idempotencyKey: r.idempotencyKey,
    dateFrom: new Date(r.start - DAY_MS).toISOString().slice(0, 10),
    dateTo: new Date(r.start + DAY_MS).toISOString().slice(0, 10),
    from: new Date(r.start - DAY_MS),
    to: new Date(r.start + DAY_MS),
    now: r.now,
  });
}

const busyOf = (rows: BusyFact[], kind: string, id: string, ignore: string | undefined): Interval[] =>
  normalize(rows.filter((b) => b.resource_kind === kind && b.resource_id === id && b.booking_id !== ignore).map((b) => ({ start: Number(b.start), end: Number(b.end) })));

/**
 * The engine's query for one local day, built from the facts exactly as loadAvailability builds it
 * for that day (the same order of subtractions, the same scope rules, the same override meaning).
 */
export function slotQueryOf(f: SlotFacts, date: string, now: Date, override: boolean, ignore?: string): { query: Omit<SlotQuery, 'window'>; window: Interval } {
  const loc = f.location!;
  const service = f.service!;
  const schedule = f.schedule!;
  const tz = loc.time_zone;
  const window = localDays(date, date, tz);
  const closures: DayOverride[] = f.closures.filter((c) => c.date === date).map((c) => ({ date: c.date, ranges: [] }));
  const open = override ? [window] : expandWeekly(schedule.weekly as WeeklyHours, closures, date, date, tz);
  const rules: ScopeRule[] = f.scope_rules.map((r) => ({ state: r.state, licenceType: r.licence_type, modality: r.modality, maxDepthMm: r.max_depth_mm === null ? null : Number(r.max_depth_mm), outcome: r.outcome }) as ScopeRule);
  const providers: ResourceFree[] = [];
  for (const p of f.providers) {
    const eligibility = providerEligibility(
      {
        role: p.role,
        licenceType: p.licence_type,
        licenceExpiresOn: p.licence_expires_on,
        licenceState: p.licence_state,
        credentials: f.credentials.filter((c) => c.user_id === p.user_id).map((c) => ({ credential: c.credential, expiresOn: c.expires_on })),
      },
      { kind: service.kind, modality: service.modality, credential: service.credential, depthMm: null },
      loc.state,
      date,
      rules,
    );
    if (!eligibility.ok && !override) continue;
    const own: DayOverride[] = f.overrides.filter((o) => o.user_id === p.user_id && o.date === date).map((o) => ({ date: o.date, ranges: o.ranges as LocalRange[] }));
    let free = override ? [window] : intersect(expandWeekly(p.weekly as WeeklyHours, [...closures, ...own.filter((o) => !closures.some((c) => c.date === o.date))], date, date, tz), open);
    if (!override && p.licence_expires_on && p.licence_expires_on < date) free = intersect(free, [{ start: window.start, end: instantOf(p.licence_expires_on, '24:00', tz) }]);
    if (!override) free = subtract(free, normalize(f.time_off.filter((t) => t.user_id === p.user_id).map((t) => ({ start: Number(t.start), end: Number(t.end) }))));
    providers.push({ id: p.user_id, free: subtract(free, busyOf(f.busy, 'provider', p.user_id, ignore)) });
  }
  const rooms = service.needs_room ? f.rooms.map((r) => ({ id: r.id, free: subtract(open, busyOf(f.busy, 'room', r.id, ignore)) })) : null;
  const devices = service.needs_device
    ? f.devices
        .filter((d) => d.modality === service.modality)
        .map((d) => {
          const down = normalize(f.maintenance.filter((m) => m.device_id === d.id).map((m) => ({ start: Number(m.start), end: Number(m.end) })));
          return { id: d.id, free: subtract(subtract(open, override ? [] : down), busyOf(f.busy, 'device', d.id, ignore)) };
        })
    : null;
  return {
    window,
    query: { ...serviceTerms(service, schedule, override), providers, rooms, devices, timeZone: tz, now: now.getTime() },
  };
}

/** The location, service and hours must exist; the same answers as the availability search gives. */
export function assertBookable(f: SlotFacts): asserts f is SlotFacts & { location: NonNullable<SlotFacts['location']>; service: NonNullable<SlotFacts['service']>; schedule: NonNullable<SlotFacts['schedule']> } {
  if (!f.location) throw invalid('locationId', 'no such location');
  if (!f.service || !f.service.active) throw notFound('service');
  if (!f.schedule) throw new AppError('conflict', `${f.location.name} has no opening hours yet`, [{ path: 'locationId', message: 'no opening hours' }]);
}

/**
 * The slot at exactly `start` with the asked provider (any when none), and the asked room and
 * device when named; otherwise the first room and device free then, as the engine picks them.
 */
export function slotFrom(f: SlotFacts, r: Pick<SlotRequest, 'start' | 'providerId' | 'roomId' | 'deviceId' | 'now' | 'override' | 'ignoreBookingId'>): Slot | undefined {
  assertBookable(f);
  const date = localDateOf(r.start, f.location.time_zone);
  const { query } = slotQueryOf(f, date, r.now, r.override, r.ignoreBookingId);
  const only = <T extends { id: string }>(list: T[] | null, id: string | undefined) => (list && id ? list.filter((x) => x.id === id) : list);
  const providers = r.providerId ? query.providers.filter((p) => p.id === r.providerId) : query.providers;
  const durationMs = query.durationMin * 60_000;
  return findSlots({ ...query, providers, rooms: only(query.rooms, r.roomId), devices: only(query.devices, r.deviceId), window: { start: r.start, end: r.start + durationMs } }).find((s) => s.start === r.start);
}
