import { z } from 'zod';
import { isoDate, line } from '../../domain/shared/input.js';
import { Temporal } from 'temporal-polyfill';
import { findSlots, type Slot as FoundSlot } from '../../domain/scheduling/availability.js';
import { offsetFinder } from '../../domain/scheduling/local-time.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { loadAvailability, type AvailabilityContext } from './availability-context.js';
import { BookingWindow, type BookingWindowView } from './booking-window.schema.js';
import { windowAllows } from './booking-window.js';
import { clientWindow } from './booking-options.js';

const date = isoDate();
export const availabilityQuery = z.object({
  serviceId: z.uuid(),
  from: date,
  to: date,
  providerId: line({ max: 64 }).optional(),
  clientId: z.uuid().optional().describe('Staff: offer only what this client may book (a client always gets their own)'),
  planId: z.uuid().optional().describe('The treatment plan being booked (its interval and series)'),
  rescheduling: z.uuid().optional().describe('A booking being moved: its own date does not count against the interval'),
});

export const MAX_SEARCH_DAYS = 62;

/** Local date and time of many instants: the zone offset is looked up once per quarter hour. */
export function localClock(timeZone: string) {
  const offsetAt = offsetFinder(timeZone);
  return (instant: number) => {
    const iso = new Date(instant + offsetAt(instant)).toISOString();
    return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
  };
}

const exampleSlot = {
  start: '2026-03-10T15:00:00.000Z',
  end: '2026-03-10T16:15:00.000Z',
  localDate: '2026-03-10',
  localTime: '10:00',
  providerId: 'usr_7Qm2kP9x',
  providerName: 'Dana Park, NP',
  roomId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  deviceId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
} as const;

/** One bookable start time with the provider, room and device it would take. */
export const Slot = z
  .object({
    start: z.iso.datetime().describe('Start, ISO date-time (UTC)'),
    end: z.iso.datetime().describe('End, ISO date-time (UTC)'),
    localDate: z.iso.date().describe('Start date at the location, ISO date'),
    localTime: z.string().describe('Start time at the location, HH:MM'),
    providerId: z.string().describe('User id of the provider'),
    providerName: z.string(),
    roomId: z.guid().nullable().describe('null when the service needs no room'),
    deviceId: z.guid().nullable().describe('null when the service needs no device'),
  })
  .meta({ id: 'Slot', description: 'A bookable start time and the resources it would hold', example: exampleSlot });

/** What can be booked for a service at a location; a client sees only the providers who may treat. */
export const Availability = z
  .object({
    location: z.object({ id: z.guid(), name: z.string(), timeZone: z.string().describe('IANA time zone'), state: z.string().describe('US state code') }),
    service: z.object({
      id: z.guid(),
      name: z.string(),
      kind: z.enum(['consultation', 'treatment']),
      modality: z.enum(['roller', 'pen', 'rf']).nullable(),
      durationMin: z.number().int().describe('Minutes the appointment holds its resources (numbing plus treatment)'),
    }),
    providers: z.array(
      z.object({
        id: z.string().describe('User id'),
        name: z.string(),
        title: z.string(),
        eligible: z.boolean().describe('May perform this service here'),
        supervised: z.boolean().describe('Eligible only under supervision'),
        reason: z.string().nullable().describe('Why not eligible; null when eligible'),
      }),
    ),
    slots: z.array(Slot),
    window: z.union([BookingWindow, z.null()]).describe('What the client may book; null when no client is named'),
    nextAvailable: z.iso.date().nullable().describe('The first local date from `from` with a time the client may book, within the window'),
  })
  .meta({
    id: 'Availability',
    description: 'Bookable start times for a service at a location over local dates',
    example: {
      location: { id: '8a1d5e2b-3c4f-4a6b-8d7e-9f0a1b2c3d4e', name: 'Downtown', timeZone: 'America/New_York', state: 'NY' },
      service: { id: 'c2b7e9a4-1f3d-4e5a-b6c7-d8e9f0a1b2c3', name: 'Microneedling, full face', kind: 'treatment', modality: 'pen', durationMin: 75 },
      providers: [{ id: 'usr_7Qm2kP9x', name: 'Dana Park, NP', title: 'Nurse practitioner', eligible: true, supervised: false, reason: null }],
      slots: [exampleSlot],
      window: null,
      nextAvailable: '2026-03-10',
    },
  });

export type SlotView = z.output<typeof Slot>;
export type AvailabilityView = z.output<typeof Availability>;

export function slotView(ctx: AvailabilityContext, s: FoundSlot, clock = localClock(ctx.location.timeZone)): SlotView {
  const local = clock(s.start);
  return {
    start: new Date(s.start).toISOString(),
    end: new Date(s.end).toISOString(),
    localDate: local.date,
    localTime: local.time,
    providerId: s.providerId,
    providerName: ctx.providers.find((p) => p.id === s.providerId)?.name ?? '',
    roomId: s.roomId,
    deviceId: s.deviceId,
  };
}

/** The client whose window applies: a client always; staff when they name one. */
const clientOf = (ctx: Ctx, q: z.infer<typeof availabilityQuery>) => (ctx.principal.role === 'client' ? ctx.principal.clientId : (q.clientId ?? null));

/**
 * Real availability for a service at a location over local dates: only what can be booked. With a
 * client, only the dates they may book (booking-window.ts), and the first date with a free time.
 */
export async function findAvailability(ctx: Ctx, locationId: string, q: z.infer<typeof availabilityQuery>): Promise<AvailabilityView> {
  if (q.to < q.from) throw invalid('to', 'The end date must be on or after the start date.');
  if (Temporal.PlainDate.from(q.from).until(q.to).days > MAX_SEARCH_DAYS) throw invalid('to', `Search at most ${MAX_SEARCH_DAYS} days at a time.`);
  const clientId = clientOf(ctx, q);
  const window = clientId ? await clientWindow(ctx, locationId, q.serviceId, clientId, { planId: q.planId ?? null, ignoreBookingId: q.rescheduling ?? null }) : null;
  const a = await loadAvailability(ctx.db, ctx.principal.organizationId, { locationId, serviceId: q.serviceId, from: q.from, to: q.to, now: ctx.now() });
  const pick = (ctxA: AvailabilityContext) => {
    const query = { ...ctxA.query, window: ctxA.window, providers: q.providerId ? ctxA.query.providers.filter((p) => p.id === q.providerId) : ctxA.query.providers };
    const clock = localClock(ctxA.location.timeZone);
    return findSlots(query)
      .map((s) => slotView(ctxA, s, clock))
      .filter((s) => !window || windowAllows(window, s.localDate));
  };
  const slots = pick(a);
  const staff = ctx.principal.role !== 'client';
  return {
    location: a.location,
    service: { id: a.service.id, name: a.service.name, kind: a.service.kind, modality: a.service.modality, durationMin: a.query.durationMin },
    providers: a.providers
      .filter((p) => staff || p.eligibility.ok)
      .map((p) => ({ id: p.id, name: p.name, title: p.title, eligible: p.eligibility.ok, supervised: p.eligibility.ok && p.eligibility.supervised, reason: p.eligibility.ok ? null : p.eligibility.reason })),
    slots,
    window,
    nextAvailable: slots[0]?.localDate ?? (await nextAvailableAfter(ctx, locationId, q, window, pick)),
  };
}

const CHUNK_DAYS = 14;
const MAX_CHUNKS = 8;

/** Nothing free in the range asked: look ahead, two weeks at a time, to the window's end or the horizon. */
async function nextAvailableAfter(ctx: Ctx, locationId: string, q: z.infer<typeof availabilityQuery>, window: BookingWindowView | null, pick: (a: AvailabilityContext) => SlotView[]): Promise<string | null> {
  if (window && !window.bookable) return null;
  let from = Temporal.PlainDate.from(q.to).add({ days: 1 }).toString();
  if (window?.from && window.from > from) from = window.from;
  for (let i = 0; i < MAX_CHUNKS; i++) {
    let to = Temporal.PlainDate.from(from).add({ days: CHUNK_DAYS - 1 }).toString();
    if (window?.until && to > window.until) to = window.until;
    if (to < from) return null;
    const a = await loadAvailability(ctx.db, ctx.principal.organizationId, { locationId, serviceId: q.serviceId, from, to, now: ctx.now() });
    const first = pick(a)[0];
    if (first) return first.localDate;
    // past the booking horizon nothing more can turn up
    if (a.window.start > ctx.now().getTime() + a.query.horizonDays * 86_400_000) return null;
    from = Temporal.PlainDate.from(to).add({ days: 1 }).toString();
  }
  return null;
}
