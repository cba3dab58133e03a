import { z } from 'zod';
import { isoDateTime, line, text, token } from '../../domain/shared/input.js';
import type { Db } from '../../db/connect.js';
import { findBookingByKey, insertBooking, insertResource, type BookingRecord } from '../../db/repositories/bookings.repository.js';
import { lockResources } from '../../db/repositories/resource-locks.repository.js';
import { noteRetry, retryReason } from './write-retries.js';
import { releaseExpiredHolds } from './waitlist/offer-freed-time.js';
import { getLocationSchedule } from '../../db/repositories/scheduling.repository.js';
import { findSlots, type Slot } from '../../domain/scheduling/availability.js';
import { localDateOf } from '../../domain/scheduling/local-time.js';
import type { Modality } from '../../domain/screening/engine/contract.js';
import type { Ctx } from '../context.js';
import { actorOf, recordAudit } from '../audit/record-audit-event.js';
import { auditReplay, callerKey } from '../idempotency.js';
import { AppError, forbidden } from '../errors.js';
import { loadClient } from '../clients/load-client.js';
import { todayIn } from '../clinical/today.js';
import { loadAvailability, type AvailabilityContext } from './availability-context.js';
import { assertTreatmentBookable } from './booking-rules.js';
import { bookingView } from './booking-view.js';
import { queueBookingFollowUp } from './booking-follow-up.js';
import { bookSlot, releaseHoldsNow } from './book-slot.js';
import { loadLocation } from '../organization/load-location.js';
import { drawOrAskDeposit } from '../billing/booking-billing.js';
import { planPriceLine } from './plan-price.js';
import { assertOnlineBookingOpen } from './online-booking.js';

export const OVERRIDE_ROLES = ['owner', 'medical_director', 'front_desk'] as const;

export const overrideInput = z.strictObject({ reason: text({ min: 5, max: 500, tooShort: 'say why the rules are overridden' }) });

export const bookingRequest = z.strictObject({
  start: isoDateTime(),
  providerId: line({ max: 64 }).optional(),
});

export const placeBookingInput = z.strictObject({
  locationId: z.uuid(),
  serviceId: z.uuid(),
  clientId: z.uuid(),
  start: isoDateTime(),
  providerId: line({ max: 64 }).optional(),
  /** the room and device are picked for the slot when not named (the availability answer does not name them) */
  roomId: z.uuid().optional(),
  deviceId: z.uuid().optional(),
  planId: z.uuid().optional(),
  /** a short hold while the client confirms; it blocks like a booking and expires */
  hold: z.boolean().default(false),
  idempotencyKey: token({ min: 8, max: 100 }),
  override: overrideInput.optional(),
  /** the caller may undo it for a few seconds (POST /api/bookings/{id}/undo); the confirmation waits until then */
  undoable: z.boolean().optional(),
});
export type PlaceBookingInput = z.infer<typeof placeBookingInput>;

/** Exclusion-constraint violation: another booking took an overlapping time of the same resource. */
export const isOverlap = (e: unknown) => (e as { code?: string }).code === '23P01';

/**
 * Two bookings that each hold one resource the other wants (one's provider, the other's room) can
 * deadlock while PostgreSQL checks the exclusion constraint; it aborts one of them. That is not an
 * error the caller made: the transaction is run again, and then either fits or meets a clear 409.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (e) {
      const reason = retryReason(e);
      if (!reason || i >= attempts) throw e;
      noteRetry(reason);
      await new Promise((r) => setTimeout(r, 5 * i + Math.floor(Math.random() * 10)));
    }
  }
}
const isDuplicateKey = (e: unknown) => (e as { code?: string; constraint?: string }).code === '23505';

export const taken = () => new AppError('conflict', 'that time was just taken; choose another', [{ path: 'start', message: 'no longer available' }], { rule: 'overlap' });

/** The slot at exactly this start, with the requested provider if any, as availability sees it. */
export function slotAt(a: AvailabilityContext, start: number, providerId: string | undefined): Slot | undefined {
  const providers = providerId ? a.query.providers.filter((p) => p.id === providerId) : a.query.providers;
  const durationMs = a.query.durationMin * 60_000;
  return findSlots({ ...a.query, providers, window: { start, end: start + durationMs } }).find((s) => s.start === start);
}

/** Writes the booking and one row per resource it holds; overlapping rows are refused by PostgreSQL. */
export interface Actor {
  organizationId: string;
  userId: string;
  now: Date;
}

export async function insertBookingRows(
  trx: Db,
  who: Actor,
  a: AvailabilityContext,
  slot: Slot,
  args: { clientId: string; planId: string | null; priceLineId?: string | null; hold: boolean; key: string | null; seriesId?: string | null; seriesIndex?: number | null; overrideReason: string | null },
) {
  const org = who.organizationId;
  const schedule = (await getLocationSchedule(trx, org, a.location.id))!;
  const b = a.query.buffers;
  const row = await insertBooking(trx, {
    organization_id: org,
    location_id: a.location.id,
    client_id: args.clientId,
    service_id: a.service.id,
    status: args.hold ? 'held' : 'confirmed',
    starts_at: new Date(slot.start),
    ends_at: new Date(slot.end),
    provider_user_id: slot.providerId,
    room_id: slot.roomId,
    device_id: slot.deviceId,
    hold_expires_at: args.hold ? new Date(who.now.getTime() + schedule.hold_min * 60_000) : null,
    idempotency_key: args.key,
    series_id: args.seriesId ?? null,
    series_index: args.seriesIndex ?? null,
    plan_id: args.planId,
    price_line_id: args.priceLineId ?? null,
    override_reason: args.overrideReason,
    created_by: who.userId,
  });
  const at = (min: number) => new Date(slot.start + min * 60_000);
  const until = (min: number) => new Date(slot.end + min * 60_000);
  const held = [
    { id: slot.providerId, start: at(-b.provider.beforeMin), end: until(b.provider.afterMin) },
    ...(slot.roomId ? [{ id: slot.roomId, start: at(-b.room.beforeMin), end: until(b.room.afterMin) }] : []),
    ...(slot.deviceId ? [{ id: slot.deviceId, start: at(-b.device.beforeMin), end: until(b.device.afterMin) }] : []),
  ];
  // the rows are written in turn with other bookings of these resources (decision 0025)
  await lockResources(trx, held);
  await insertResource(trx, org, row.id, 'provider', slot.providerId, at(-b.provider.beforeMin), until(b.provider.afterMin));
  if (slot.roomId) await insertResource(trx, org, row.id, 'room', slot.roomId, at(-b.room.beforeMin), until(b.room.afterMin));
  if (slot.deviceId) await insertResource(trx, org, row.id, 'device', slot.deviceId, at(-b.device.beforeMin), until(b.device.afterMin));
  return row.id;
}

const assertMayOverride = (ctx: Ctx, override: unknown) => {
  if (override && !(OVERRIDE_ROLES as readonly string[]).includes(ctx.principal.role)) throw forbidden('only the owner, the medical director or the front desk may override booking rules', 'override_not_allowed');
};

/** One booking in the caller's transaction: access, rules (unless overridden), slot, rows, audit. */
export async function placeIn(trx: Db, ctx: Ctx, input: PlaceBookingInput, series?: { id: string; index: number; firstStart: number }) {
  const org = ctx.principal.organizationId;
  assertMayOverride(ctx, input.override);
  const client = await loadClient(trx, ctx, input.clientId);
  await releaseExpiredHolds(trx, org, ctx.now());
  const start = Date.parse(input.start);
  const override = input.override !== undefined;
  // local date of the start in the location's zone decides hours, scope and screening
  const location = await loadLocation(trx, org, input.locationId, 'locationId');
  const date = localDateOf(start, location.time_zone);
  const a = await loadAvailability(trx, org, { locationId: input.locationId, serviceId: input.serviceId, from: date, to: date, now: ctx.now(), override });
  if (a.service.kind === 'treatment' && !override) {
    await assertTreatmentBookable(trx, org, {
      clientId: client.id,
      modality: a.service.modality as Modality,
      start,
      timeZone: a.location.timeZone,
      today: await todayIn(trx, ctx, a.location.id),
      planId: input.planId ?? null,
      seriesStart: series && series.index > 1 ? series.firstStart : undefined,
      reader: ctx.principal.role,
    });
  }
  // the plan's quoted price line travels with the booking (deposit and invoice use it)
  const priceLineId = await planPriceLine(trx, org, { planId: input.planId ?? null, clientId: client.id, locationId: a.location.id, service: a.service, override });
  const slot = slotAt(a, start, input.providerId);
  if (!slot) throw taken();
  const id = await insertBookingRows(trx, { organizationId: org, userId: ctx.principal.userId, now: ctx.now() }, a, slot, {
    clientId: client.id,
    planId: input.planId ?? null,
    priceLineId,
    hold: input.hold,
    key: !series || series.index === 1 ? input.idempotencyKey : null,
    seriesId: series?.id ?? null,
    seriesIndex: series?.index ?? null,
    overrideReason: input.override?.reason ?? null,
  });
  if (!input.hold) {
    await drawOrAskDeposit(trx, org, id);
    // the messages are rendered by the worker from one small outbox row (booking-follow-up.ts)
    await queueBookingFollowUp(trx, org, id, { event: 'confirmed', undoable: input.undoable === true, at: ctx.now().toISOString() });
  }
  // the audit append locks the organization's chain head until commit: it comes last
  await recordAudit(trx, ctx, {
    action: override ? 'booking.create.override' : input.hold ? 'booking.hold' : 'booking.create',
    entityType: 'booking',
    entityId: id,
    clientId: client.id,
    details: { serviceId: a.service.id, start: input.start, providerId: slot.providerId, ...(override ? { reason: input.override!.reason } : {}), ...(input.undoable ? { undoable: true } : {}) },
  });
  return id;
}

/**
 * The first booking of a repeated request, audited as a read. The key is the caller's own, and the
 * request must name the same client, location and service; anything else is a different booking.
 */
export async function replayBooking(ctx: Ctx, first: BookingRecord, want: { clientId: string; locationId: string; serviceId: string }, action: string) {
  if (first.client_id !== want.clientId || first.location_id !== want.locationId || first.service_id !== want.serviceId) {
    throw new AppError('conflict', 'this idempotency key was already used for a different booking', [{ path: 'idempotencyKey', message: 'already used' }]);
  }
  await auditReplay(ctx.db, actorOf(ctx), ctx.now(), { action, entityType: 'booking', entityId: first.id, clientId: first.client_id, details: { seriesId: first.series_id } });
}

/**
 * Books a slot all or nothing across its resources (book-slot.ts: one read, one write). The same
 * idempotency key from the same caller returns the first booking instead of making a second; a slot
 * taken meanwhile answers 409. The request is authorised (the override, the client) before the key
 * is looked up. An overlap refused by the database is tried again when it may not be final: an
 * expired hold was in the way (released now), or the room or device picked here was just taken
 * (another is picked); a provider taken meanwhile then fails the slot check with a clear 409.
 */
export async function placeBooking(ctx: Ctx, input: PlaceBookingInput) {
  const org = ctx.principal.organizationId;
  assertMayOverride(ctx, input.override);
  await assertOnlineBookingOpen(ctx);
  const key = callerKey(ctx, input.idempotencyKey);
  const replay = async (first: BookingRecord) => {
    await replayBooking(ctx, first, input, 'booking.replay');
    return { booking: bookingView(first), replayed: true };
  };
  for (let attempt = 1; ; attempt++) {
    try {
      const r = await bookSlot(ctx, input, key, taken);
      if ('replayOf' in r) return replay(r.replayOf);
      return { booking: r.booking, replayed: r.replayed };
    } catch (e) {
      if (isOverlap(e)) {
        if (attempt >= 3) throw taken();
        const released = await releaseHoldsNow(ctx);
        if (released > 0 || !input.roomId || !input.deviceId) continue;
        throw taken();
      }
      if (isDuplicateKey(e)) {
        const first = await findBookingByKey(ctx.db, org, key);
        if (first) return replay(first);
      }
      const reason = retryReason(e);
      if (reason && attempt < 4) {
        noteRetry(reason);
        continue;
      }
      throw e;
    }
  }
}
