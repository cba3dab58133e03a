import { z } from 'zod';
import { isoDate, line } from '../../domain/shared/input.js';
import { Temporal } from 'temporal-polyfill';
import type { Slot } from '../../domain/scheduling/availability.js';
import { slotsAt } from '../../domain/scheduling/slots-at.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { preparedAvailability, type PreparedAvailability } from './availability-cache.js';
import { freeDays, type AvailabilityView, type FreeDayView } from './availability.schema.js';
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
  const days = daysOf(a, offered(a, now, q.providerId), providers.map((p) => p.id), window, q.providerId);
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

/**
 * The answer's days from one cached entry, remembered per cut of its starts: between two changes a
 * search asked again (a calendar refreshing, many clients looking at the same week) gets the days
 * already built, with nothing allocated but the key. The entry itself is dropped on any change, and
 * the days with it (they hang off it in a WeakMap).
 */
const daysMemo = new WeakMap<PreparedAvailability, Map<string, FreeDayView[]>>();
const MEMO_PER_ENTRY = 50;

function daysOf(a: PreparedAvailability, slots: Slot[], providerIds: string[], window: BookingWindowView | null, providerId: string | undefined): FreeDayView[] {
  const keep = (date: string) => !window || windowAllows(window, date);
  // the starts are cut from a.open by time alone, so their count and ends name the cut
  const cut = `${slots.length}|${slots[0]?.start ?? ''}|${slots.at(-1)?.start ?? ''}`;
  const key = `${providerId ?? ''}|${providerIds.join(',')}|${cut}|${window ? JSON.stringify([window.bookable, window.from, window.until, window.blocked]) : ''}`;
  let memo = daysMemo.get(a);
  if (!memo) daysMemo.set(a, (memo = new Map<string, FreeDayView[]>()));
  const known = memo.get(key);
  if (known) return known;
  const days = freeDays(slots, a.context.location.timeZone, providerIds, keep);
  if (memo.size >= MEMO_PER_ENTRY) memo.delete(memo.keys().next().value!);
  memo.set(key, days);
  return days;
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
