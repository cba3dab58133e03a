import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isoDate, isoDateTime, line, token } from '../../domain/shared/input.js';
import { findBookingByKey, listClientBookings } from '../../db/repositories/bookings.repository.js';
import { findPlan } from '../../db/repositories/plans.repository.js';
import { findSlots } from '../../domain/scheduling/availability.js';
import { addDays } from '../../domain/scheduling/local-time.js';
import { planSeries } from '../../domain/scheduling/series.js';
import type { TreatmentPlan } from '../../domain/plans/recommend.js';
import type { Ctx } from '../context.js';
import { AppError, invalid } from '../errors.js';
import { loadClient } from '../clients/load-client.js';
import { assertOnlineBookingOpen } from './online-booking.js';
import { callerKey } from '../idempotency.js';
import { loadAvailability } from './availability-context.js';
import { Booking, bookingView } from './booking-view.js';
import { isOverlap, placeIn, replayBooking, retryOnDeadlock, taken } from './place-booking.js';
import { Slot, slotView } from './slot.schema.js';

/** The proposed sessions of a series; `missing` names the first session no free time was found for. */
export const SeriesProposal = z
  .object({
    slots: z.array(Slot).describe('One slot per session found, in order'),
    missing: z
      .object({
        session: z.number().int().describe('1-based session number'),
        from: z.iso.date().describe('First local date searched, ISO date'),
        to: z.iso.date().describe('Last local date searched, ISO date'),
      })
      .nullable()
      .describe('null when every session has a slot'),
  })
  .meta({
    id: 'SeriesProposal',
    description: 'One proposed slot per session of a series, each inside its interval window',
    example: {
      slots: [{ start: '2026-03-10T15:00:00.000Z', end: '2026-03-10T16:15:00.000Z', localDate: '2026-03-10', localTime: '10:00', providerId: 'usr_7Qm2kP9x', providerName: 'Dana Park, NP', roomId: null, deviceId: null }],
      missing: { session: 2, from: '2026-04-07', to: '2026-04-21' },
    },
  });

/** A booked series: every session, in order; `replayed` is true when the same request came again. */
export const SeriesBooking = z
  .object({
    seriesId: z.guid(),
    bookings: z.array(Booking).describe('The sessions in series order'),
    replayed: z.boolean().describe('true when this repeats an earlier request with the same idempotency key'),
  })
  .meta({ id: 'SeriesBooking', description: 'Every session of a booked series', example: { seriesId: '5c4b3a29-1807-4f6e-9d5c-4b3a29180706', bookings: [], replayed: false } });

export type SeriesProposalView = z.output<typeof SeriesProposal>;
export type SeriesBookingView = z.output<typeof SeriesBooking>;

export const seriesPlanInput = z.strictObject({
  serviceId: z.uuid(),
  sessions: z.number().int().min(1).max(12),
  intervalDays: z.strictObject({ min: z.number().int().min(14).max(120), max: z.number().int().min(14).max(180) }),
  firstFrom: isoDate(),
  firstTo: isoDate(),
  providerId: line({ max: 64 }).optional(),
});

/** Finds one slot per session, each inside its window after the previous one, same provider if possible. */
export async function planSeriesSlots(ctx: Ctx, locationId: string, q: z.infer<typeof seriesPlanInput>): Promise<SeriesProposalView> {
  if (q.intervalDays.max < q.intervalDays.min) throw invalid('intervalDays.max', 'must not be shorter than the minimum');
  if (q.firstTo < q.firstFrom) throw invalid('firstTo', 'must be on or after firstFrom');
  const last = addDays(q.firstTo, (q.sessions - 1) * q.intervalDays.max);
  // one load covers every window of the series
  const a = await loadAvailability(ctx.db, ctx.principal.organizationId, { locationId, serviceId: q.serviceId, from: q.firstFrom, to: last, now: ctx.now() });
  const result = planSeries({
    sessions: q.sessions,
    intervalDays: q.intervalDays,
    firstFrom: q.firstFrom,
    firstTo: q.firstTo,
    timeZone: a.location.timeZone,
    preferProviderId: q.providerId,
    slotsIn: (window) => findSlots({ ...a.query, window }),
  });
  return { slots: result.slots.map((s) => slotView(a, s)), missing: result.missing };
}

export const bookSeriesInput = z.strictObject({
  locationId: z.uuid(),
  serviceId: z.uuid(),
  clientId: z.uuid(),
  planId: z.uuid().optional(),
  sessions: z.array(z.strictObject({ start: isoDateTime(), providerId: line({ max: 64 }).optional() })).min(1).max(12),
  idempotencyKey: token({ min: 8, max: 100 }),
});

/** Books every session of a series, or none: one transaction, one series id. */
export async function bookSeries(ctx: Ctx, input: z.infer<typeof bookSeriesInput>): Promise<SeriesBookingView> {
  const org = ctx.principal.organizationId;
  // authorised before the key is looked up; the key is the caller's own
  await loadClient(ctx.db, ctx, input.clientId);
  await assertOnlineBookingOpen(ctx);
  const key = `series:${callerKey(ctx, input.idempotencyKey)}`;
  const replay = await findBookingByKey(ctx.db, org, key);
  const fetchSeries = async (seriesId: string, clientId: string) =>
    (await listClientBookings(ctx.db, org, clientId)).filter((b) => b.series_id === seriesId).sort((x, y) => (x.series_index ?? 0) - (y.series_index ?? 0)).map(bookingView);
  if (replay) {
    await replayBooking(ctx, replay, input, 'booking.series.replay');
    return { seriesId: replay.series_id!, bookings: await fetchSeries(replay.series_id!, replay.client_id), replayed: true };
  }
  const seriesId = randomUUID();
  try {
    await retryOnDeadlock(() => ctx.db.transaction().execute(async (trx) => {
      const client = await loadClient(trx, ctx, input.clientId);
      if (input.planId) {
        const plan = await findPlan(trx, org, input.planId);
        if (!plan || plan.client_id !== client.id) throw invalid('planId', 'no such plan for this client');
        const sessions = (plan.plan as TreatmentPlan).sessions;
        if (input.sessions.length > sessions) throw invalid('sessions', `the plan has ${sessions} sessions`);
      }
      for (const [i, s] of input.sessions.entries()) {
        // the first session carries the series key, so a repeated request finds the whole series
        await placeIn(trx, ctx, { locationId: input.locationId, serviceId: input.serviceId, clientId: input.clientId, planId: input.planId, start: s.start, providerId: s.providerId, hold: false, idempotencyKey: key }, { id: seriesId, index: i + 1, firstStart: Date.parse(input.sessions[0]!.start) }).catch((e: unknown) => {
          if (e instanceof AppError) throw new AppError(e.code, `session ${i + 1}: ${e.message}`, e.fields.map((f) => ({ ...f, path: `sessions.${i}.${f.path}` })), e.extra);
          throw e;
        });
      }
    }));
  } catch (e) {
    if (isOverlap(e)) throw taken();
    throw e;
  }
  const first = await findBookingByKey(ctx.db, org, key);
  return { seriesId, bookings: await fetchSeries(seriesId, first!.client_id), replayed: false };
}

