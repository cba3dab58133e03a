import { z } from 'zod';
import { isoDate, line } from '../../domain/shared/input.js';
import { Temporal } from 'temporal-polyfill';
import { findSlots, type Slot } from '../../domain/scheduling/availability.js';
import { offsetFinder } from '../../domain/scheduling/local-time.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { loadAvailability, type AvailabilityContext } from './availability-context.js';

const date = isoDate();
export const availabilityQuery = z.object({
  serviceId: z.uuid(),
  from: date,
  to: date,
  providerId: line({ max: 64 }).optional(),
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

export function slotView(ctx: AvailabilityContext, s: Slot, clock = localClock(ctx.location.timeZone)) {
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

/** Real availability for a service at a location over local dates: only what can be booked. */
export async function findAvailability(ctx: Ctx, locationId: string, q: z.infer<typeof availabilityQuery>) {
  if (q.to < q.from) throw invalid('to', 'must be on or after from');
  if (Temporal.PlainDate.from(q.from).until(q.to).days > MAX_SEARCH_DAYS) throw invalid('to', `search at most ${MAX_SEARCH_DAYS} days at a time`);
  const a = await loadAvailability(ctx.db, ctx.principal.organizationId, { locationId, serviceId: q.serviceId, from: q.from, to: q.to, now: ctx.now() });
  const query = { ...a.query, window: a.window, providers: q.providerId ? a.query.providers.filter((p) => p.id === q.providerId) : a.query.providers };
  const slots = findSlots(query);
  const clock = localClock(a.location.timeZone);
  const staff = ctx.principal.role !== 'client';
  return {
    location: a.location,
    service: { id: a.service.id, name: a.service.name, kind: a.service.kind, modality: a.service.modality, durationMin: a.query.durationMin },
    providers: a.providers
      .filter((p) => staff || p.eligibility.ok)
      .map((p) => ({ id: p.id, name: p.name, title: p.title, eligible: p.eligibility.ok, supervised: p.eligibility.ok && p.eligibility.supervised, reason: p.eligibility.ok ? null : p.eligibility.reason })),
    slots: slots.map((s) => slotView(a, s, clock)),
  };
}
