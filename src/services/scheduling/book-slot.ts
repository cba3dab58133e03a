// One booking, on the path every booking request takes (POST /api/bookings). Its reads are one
// statement (slot-check.ts: the client, a first booking with the same key, and the start's day for
// the chosen provider, rooms and devices); its writes are one statement (the booking, its resource
// rows, one follow-up row in the outbox and the audit event). The confirmation and reminders are
// rendered by the worker from the follow-up row (booking-follow-up.ts); expired holds are released
// by the worker too (jobs/release-holds.ts), and here only when one stands in the way.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connect.js';
import type { SlotFacts } from '../../db/repositories/booking-facts.repository.js';
import { findBookingByKey, type BookingRecord } from '../../db/repositories/bookings.repository.js';
import { insertBookingAtOnce, type HeldResource } from '../../db/repositories/booking-write.repository.js';
import type { Slot } from '../../domain/scheduling/availability.js';
import { localDateOf } from '../../domain/scheduling/local-time.js';
import type { Modality } from '../../domain/screening/engine/contract.js';
import type { Ctx } from '../context.js';
import { actorOf } from '../audit/record-audit-event.js';
import { eventOfAction } from '../webhooks/events.js';
import { webhookBody } from '../webhooks/emit-webhooks.js';
import { drawOrAskDeposit } from '../billing/booking-billing.js';
import { notFound } from '../errors.js';
import { assertTreatmentBookable } from './booking-rules.js';
import { bookingFollowUp } from './booking-follow-up.js';
import { bookingView } from './booking-view.js';
import { planPriceLine } from './plan-price.js';
import { assertBookable, readSlotFacts, slotFrom } from './slot-check.js';
import { releaseExpiredHolds } from './waitlist/offer-freed-time.js';
import type { PlaceBookingInput } from './place-booking.js';

export type Placed = { booking: ReturnType<typeof bookingView>; replayed: boolean } | { replayOf: BookingRecord };

/** The booking as the API shows it, from the row just written and the names already read. */
function recordOf(row: Omit<BookingRecord, 'service_name' | 'service_kind' | 'modality' | 'first_name' | 'last_name' | 'client_email' | 'client_phone' | 'provider_name' | 'location_name' | 'time_zone' | 'room_name' | 'device_model' | 'device_serial'>, f: SlotFacts, slot: Slot): BookingRecord {
  const room = f.rooms.find((r) => r.id === slot.roomId);
  const device = f.devices.find((d) => d.id === slot.deviceId);
  return {
    ...row,
    service_name: f.service!.name,
    service_kind: f.service!.kind,
    modality: f.service!.modality,
    first_name: f.client!.first_name,
    last_name: f.client!.last_name,
    client_email: f.client!.email,
    client_phone: f.client!.phone,
    provider_name: f.providers.find((p) => p.user_id === slot.providerId)!.name,
    location_name: f.location!.name,
    time_zone: f.location!.time_zone,
    room_name: room?.name ?? null,
    device_model: device?.model ?? null,
    device_serial: device?.serial ?? null,
  };
}

/**
 * Checks and writes one booking. Returns the first booking when the key was used before (the caller
 * replays it); throws 'taken' (a 409) when the slot is not free, and lets an overlap from the
 * database through (the caller decides whether to try again).
 */
export async function bookSlot(ctx: Ctx, input: PlaceBookingInput, key: string, taken: () => Error): Promise<Placed & { picked?: boolean }> {
  const org = ctx.principal.organizationId;
  const now = ctx.now();
  const start = Date.parse(input.start);
  const override = input.override !== undefined;
  // the one gate to a client record (load-client.ts): a client books only for themselves
  if (ctx.principal.role === 'client' && ctx.principal.clientId !== input.clientId) throw notFound('client');
  const f = await readSlotFacts(ctx.db, org, { locationId: input.locationId, serviceId: input.serviceId, clientId: input.clientId, start, providerId: input.providerId, roomId: input.roomId, deviceId: input.deviceId, idempotencyKey: key, now, override });
  if (!f.client) throw notFound('client');
  if (f.existing_id) {
    const first = await findBookingByKey(ctx.db, org, key);
    if (first) return { replayOf: first };
  }
  assertBookable(f);
  const service = f.service;
  const tz = f.location.time_zone;
  if (service.kind === 'treatment' && !override) {
    await assertTreatmentBookable(ctx.db, org, {
      clientId: input.clientId,
      modality: service.modality as Modality,
      start,
      timeZone: tz,
      today: localDateOf(now.getTime(), tz),
      planId: input.planId ?? null,
      reader: ctx.principal.role,
    });
  }
  // the plan's quoted price line travels with the booking (deposit and invoice use it)
  const priceLineId = await planPriceLine(ctx.db, org, { planId: input.planId ?? null, clientId: input.clientId, locationId: input.locationId, service, override });
  const slot = slotFrom(f, { start, providerId: input.providerId, roomId: input.roomId, deviceId: input.deviceId, now, override });
  if (!slot) throw taken();
  const id = randomUUID();
  const b = service;
  const at = (min: number) => new Date(slot.start + min * 60_000);
  const until = (min: number) => new Date(slot.end + min * 60_000);
  const resources: HeldResource[] = [{ kind: 'provider', id: slot.providerId, start: at(-b.provider_before_min), end: until(b.provider_after_min) }];
  if (slot.roomId) resources.push({ kind: 'room', id: slot.roomId, start: at(-b.room_before_min), end: until(b.room_after_min) });
  if (slot.deviceId) resources.push({ kind: 'device', id: slot.deviceId, start: at(-b.device_before_min), end: until(b.device_after_min) });
  const actor = actorOf(ctx);
  const action = override ? 'booking.create.override' : input.hold ? 'booking.hold' : 'booking.create';
  const event = eventOfAction(action);
  const write = (db: Db) =>
    insertBookingAtOnce(db, {
      booking: {
        organization_id: org,
        id,
        location_id: input.locationId,
        client_id: input.clientId,
        service_id: service.id,
        status: input.hold ? 'held' : 'confirmed',
        starts_at: new Date(slot.start),
        ends_at: new Date(slot.end),
        provider_user_id: slot.providerId,
        room_id: slot.roomId,
        device_id: slot.deviceId,
        hold_expires_at: input.hold ? new Date(now.getTime() + f.schedule.hold_min * 60_000) : null,
        idempotency_key: key,
        plan_id: input.planId ?? null,
        price_line_id: priceLineId,
        override_reason: input.override?.reason ?? null,
        created_by: ctx.principal.userId,
      },
      resources,
      followUp: input.hold ? null : bookingFollowUp(org, id, { event: 'confirmed', undoable: input.undoable === true, at: now.toISOString() }),
      audit: {
        organization_id: org,
        // millisecond precision so the stored value and the hashed value are identical
        occurred_at: new Date(Math.floor(now.getTime())),
        actor_user_id: actor.userId,
        actor_role: actor.role,
        action,
        entity_type: 'booking',
        entity_id: id,
        client_id: input.clientId,
        ip: actor.ip,
        request_id: actor.requestId,
        details: { serviceId: service.id, start: input.start, providerId: slot.providerId, ...(override ? { reason: input.override!.reason } : {}), ...(input.undoable ? { undoable: true } : {}) },
      },
      // the audit trail announces its events (decision 0018); this write bypasses appendAudit, so it says so itself
      webhook: event ? { type: event, payload: webhookBody(event, now, { organizationId: org, bookingId: id, clientId: input.clientId }), at: now } : null,
    });
  // packages and deposits: only when the service asks a deposit or the client holds a package
  const row = !input.hold && (f.deposit_rule || f.client_packages)
    ? await ctx.db.transaction().execute(async (trx) => {
        const r = await write(trx);
        await drawOrAskDeposit(trx, org, id);
        return r;
      })
    : await write(ctx.db);
  return { booking: bookingView(recordOf(row, f, slot)), replayed: false, picked: !input.roomId || !input.deviceId };
}

/** After an overlap: expired holds in the way are released now rather than at the worker's next round. */
export async function releaseHoldsNow(ctx: Ctx): Promise<number> {
  return ctx.db.transaction().execute((trx) => releaseExpiredHolds(trx, ctx.principal.organizationId, ctx.now()));
}
