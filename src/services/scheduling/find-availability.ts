import { z } from 'zod';
import { isoDate, line } from '../../domain/shared/input.js';
import { Temporal } from 'temporal-polyfill';
import type { Slot } from '../../domain/scheduling/availability.js';
import { slotsAt } from '../../domain/scheduling/slots-at.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { preparedAvailability, type PreparedAvailability } from './availability-cache.js';
import { freeDays, type AvailabilityView } from './availability.schema.js';
import type { BookingWindowView } from './booking-window.schema.js';
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

/** The client whose window applies: a client always; staff when they name one. */
const clientOf = (ctx: Ctx, q: z.infer<typeof availabilityQuery>) => (ctx.principal.role === 'client' ? ctx.principal.clientId : (q.clientId ?? null));

/**
 * Real availability for a service at a location over local dates: only what can be booked. With a
 * client, only the dates they may book (booking-window.ts), and the first date with a free time.
 */
export async function findAvailability(ctx: Ctx, locationId: string, q: z.infer<typeof availabilityQuery>): Promise<AvailabilityView> {
  if (q.to < q.from) throw invalid('to', 'The end date must be on or after the start date.');
  if (daysBetween(q.from, q.to) > MAX_SEARCH_DAYS) throw invalid('to', `Search at most ${MAX_SEARCH_DAYS} days at a time.`);
  const clientId = clientOf(ctx, q);
  const now = ctx.now();
  const [window, a] = await Promise.all([
    clientId ? clientWindow(ctx, locationId, q.serviceId, clientId, { planId: q.planId ?? null, ignoreBookingId: q.rescheduling ?? null }) : Promise.resolve(null),
    preparedAvailability(ctx.db, ctx.principal.organizationId, { locationId, serviceId: q.serviceId, from: q.from, to: q.to, now }),
  ]);
  const staff = ctx.principal.role !== 'client';
  const providers = a.context.providers.filter((p) => staff || p.eligibility.ok);
  const days = freeDays(
    offered(a, now, q.providerId),
    a.context.location.timeZone,
    providers.map((p) => p.id),
    (date) => !window || windowAllows(window, date),
  );
  const { context } = a;
  return {
    location: context.location,
    service: { id: context.service.id, name: context.service.name, kind: context.service.kind, modality: context.service.modality, durationMin: context.query.durationMin },
    providers: providers.map((p) => ({ id: p.id, name: p.name, title: p.title, eligible: p.eligibility.ok, supervised: p.eligibility.ok && p.eligibility.supervised, reason: p.eligibility.ok ? null : p.eligibility.reason })),
    days,
    window,
    nextAvailable: days[0]?.date ?? (await nextAvailableAfter(ctx, locationId, q, window)),
  };
}

/** The starts that may be offered now (one provider's when named): the engine's, cut to this moment. */
function offered(a: PreparedAvailability, now: Date, providerId: string | undefined): Slot[] {
  const q = a.context.query;
  const slots = slotsAt(a.open, { now: now.getTime(), minNoticeMin: q.minNoticeMin, horizonDays: q.horizonDays });
  return providerId ? slots.filter((s) => s.providerId === providerId) : slots;
}

/** Whole days from one ISO date to another (both already validated as dates). */
function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

const CHUNK_DAYS = 14;
const MAX_CHUNKS = 8;

/** Nothing free in the range asked: look ahead, two weeks at a time, to the window's end or the horizon. */
async function nextAvailableAfter(ctx: Ctx, locationId: string, q: z.infer<typeof availabilityQuery>, window: BookingWindowView | null): Promise<string | null> {
  if (window && !window.bookable) return null;
  let from = Temporal.PlainDate.from(q.to).add({ days: 1 }).toString();
  if (window?.from && window.from > from) from = window.from;
  const now = ctx.now();
  for (let i = 0; i < MAX_CHUNKS; i++) {
    let to = Temporal.PlainDate.from(from).add({ days: CHUNK_DAYS - 1 }).toString();
    if (window?.until && to > window.until) to = window.until;
    if (to < from) return null;
    const a = await preparedAvailability(ctx.db, ctx.principal.organizationId, { locationId, serviceId: q.serviceId, from, to, now });
    const first = freeDays(offered(a, now, q.providerId), a.context.location.timeZone, a.context.providers.map((p) => p.id), (date) => !window || windowAllows(window, date))[0];
    if (first) return first.date;
    // past the booking horizon nothing more can turn up
    if (a.context.window.start > now.getTime() + a.context.query.horizonDays * 86_400_000) return null;
    from = Temporal.PlainDate.from(to).add({ days: 1 }).toString();
  }
  return null;
}
