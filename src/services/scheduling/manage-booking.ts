// Changing a booking: confirm a hold, cancel (with the location's late-cancel policy), reschedule
// (the same rows move, so the exclusion constraint checks the new time), check in and no-show.
import { z } from 'zod';
import { isoDateTime, line, text } from '../../domain/shared/input.js';
import type { Db } from '../../db/connect.js';
import { findBooking, lockBooking, moveBooking, releaseResources, setBookingStatus, type BookingRecord } from '../../db/repositories/bookings.repository.js';
import { latestIntake } from '../../db/repositories/clinical.repository.js';
import { getLocationSchedule } from '../../db/repositories/scheduling.repository.js';
import { localDateOf } from '../../domain/scheduling/local-time.js';
import type { Modality } from '../../domain/screening/engine/contract.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { humanDate } from '../../domain/shared/human-date.js';
import { AppError, forbidden, invalid, notFound } from '../errors.js';
import { loadClientOf } from '../clients/load-client.js';
import { todayIn } from '../clinical/today.js';
import { moveResources } from './move-resources.js';
import { treatmentReadiness } from '../clinical/treatment-readiness.js';
import { drawOrAskDeposit, settleAttendance } from '../billing/booking-billing.js';
import { loadAvailability } from './availability-context.js';
import { assertTreatmentBookable } from './booking-rules.js';
import { bookingView } from './booking-view.js';
import { queueBookingMessages } from './booking-messages.js';
import { markWaitlistBooked, offerFreedTime } from './waitlist/offer-freed-time.js';
import { isOverlap, OVERRIDE_ROLES, overrideInput, retryOnDeadlock, slotAt, taken } from './place-booking.js';

async function load(trx: Db, ctx: Ctx, id: string): Promise<BookingRecord> {
  if (!(await lockBooking(trx, ctx.principal.organizationId, id))) throw notFound('booking');
  const b = (await findBooking(trx, ctx.principal.organizationId, id))!;
  // a client reaches only their own bookings; anything else is "not found"
  await loadClientOf(trx, ctx, b.client_id, 'booking');
  return b;
}

const view = async (ctx: Ctx, id: string) => bookingView((await findBooking(ctx.db, ctx.principal.organizationId, id))!);

export async function confirmHold(ctx: Ctx, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const b = await load(trx, ctx, id);
    if (b.status !== 'held') throw new AppError('conflict', `the booking is ${b.status.replace('_', ' ')}, not held`);
    if (new Date(b.hold_expires_at!).getTime() <= ctx.now().getTime()) throw new AppError('conflict', 'the hold expired; choose a time again', [{ path: 'holdExpiresAt', message: 'expired' }]);
    await setBookingStatus(trx, ctx.principal.organizationId, id, { status: 'confirmed', hold_expires_at: null });
    await drawOrAskDeposit(trx, ctx.principal.organizationId, id);
    await recordAudit(trx, ctx, { action: 'booking.confirm', entityType: 'booking', entityId: id, clientId: b.client_id });
    await markWaitlistBooked(trx, ctx.principal.organizationId, id);
    await queueBookingMessages(trx, ctx.principal.organizationId, id, 'confirmed', ctx.now());
  });
  return view(ctx, id);
}

export const cancelInput = z.strictObject({ reason: text({ min: 2, max: 500 }) });

/** Cancels and frees the time; within the location's late-cancel window it is a late cancel. */
export async function cancelBooking(ctx: Ctx, id: string, input: z.infer<typeof cancelInput>) {
  await ctx.db.transaction().execute(async (trx) => {
    const b = await load(trx, ctx, id);
    if (!['held', 'confirmed'].includes(b.status)) throw new AppError('conflict', `a ${b.status.replace('_', ' ')} booking cannot be cancelled`);
    const schedule = await getLocationSchedule(trx, ctx.principal.organizationId, b.location_id);
    const hoursBefore = (new Date(b.starts_at).getTime() - ctx.now().getTime()) / 3_600_000;
    const late = b.status === 'confirmed' && hoursBefore < (schedule?.late_cancel_hours ?? 24);
    await setBookingStatus(trx, ctx.principal.organizationId, id, { status: late ? 'late_cancelled' : 'cancelled', cancel_reason: input.reason, hold_expires_at: null });
    await releaseResources(trx, ctx.principal.organizationId, id);
    const money = b.status === 'confirmed' ? await settleAttendance(trx, ctx, id, { kind: 'cancel', at: ctx.now().getTime(), start: new Date(b.starts_at).getTime() }) : null;
    await recordAudit(trx, ctx, { action: late ? 'booking.cancel.late' : 'booking.cancel', entityType: 'booking', entityId: id, clientId: b.client_id, details: { hoursBefore: Math.round(hoursBefore), ...(money ? { deposit: money.deposit, packageSession: money.packageSession } : {}) } });
    if (b.status === 'confirmed') await queueBookingMessages(trx, ctx.principal.organizationId, id, 'cancelled', ctx.now());
    await offerFreedTime(trx, ctx.principal.organizationId, { locationId: b.location_id, start: new Date(b.starts_at).getTime(), end: new Date(b.ends_at).getTime() }, ctx.now());
  });
  return view(ctx, id);
}

export const rescheduleInput = z.strictObject({
  start: isoDateTime(),
  providerId: line({ max: 64 }).optional(),
  override: overrideInput.optional(),
  /** the caller may move it back for a few seconds (POST /api/bookings/{id}/undo); the notice waits until then */
  undoable: z.boolean().optional(),
});

export async function rescheduleBooking(ctx: Ctx, id: string, input: z.infer<typeof rescheduleInput>) {
  if (input.override && !(OVERRIDE_ROLES as readonly string[]).includes(ctx.principal.role)) throw forbidden('only the owner, the medical director or the front desk may override booking rules', 'override_not_allowed');
  try {
    await retryOnDeadlock(() => ctx.db.transaction().execute(async (trx) => {
      const org = ctx.principal.organizationId;
      const b = await load(trx, ctx, id);
      if (!['held', 'confirmed'].includes(b.status)) throw new AppError('conflict', `a ${b.status.replace('_', ' ')} booking cannot be moved`);
      const start = Date.parse(input.start);
      const date = localDateOf(start, b.time_zone);
      const override = input.override !== undefined;
      const a = await loadAvailability(trx, org, { locationId: b.location_id, serviceId: b.service_id, from: date, to: date, now: ctx.now(), ignoreBookingId: id, override });
      if (a.service.kind === 'treatment' && !override) {
        await assertTreatmentBookable(trx, org, { clientId: b.client_id, modality: a.service.modality as Modality, start, timeZone: b.time_zone, today: await todayIn(trx, ctx, b.location_id), planId: b.plan_id, ignoreBookingId: id, reader: ctx.principal.role });
      }
      const slot = slotAt(a, start, input.providerId ?? b.provider_user_id) ?? (input.providerId ? undefined : slotAt(a, start, undefined));
      if (!slot) throw taken();
      await moveBooking(trx, org, id, { starts_at: new Date(slot.start), ends_at: new Date(slot.end), provider_user_id: slot.providerId, room_id: slot.roomId, device_id: slot.deviceId, override_reason: input.override?.reason ?? b.override_reason });
      await moveResources(trx, org, id, a, slot);
      await recordAudit(trx, ctx, { action: override ? 'booking.reschedule.override' : 'booking.reschedule', entityType: 'booking', entityId: id, clientId: b.client_id, details: { from: new Date(b.starts_at).toISOString(), to: input.start, providerId: slot.providerId, fromProviderId: b.provider_user_id, ...(input.undoable ? { undoable: true } : {}) } });
      if (b.status === 'confirmed') await queueBookingMessages(trx, org, id, 'moved', ctx.now(), { undoable: input.undoable === true });
      await offerFreedTime(trx, org, { locationId: b.location_id, start: new Date(b.starts_at).getTime(), end: new Date(b.ends_at).getTime() }, ctx.now());
    }));
  } catch (e) {
    if (isOverlap(e)) throw taken();
    throw e;
  }
  return view(ctx, id);
}

export const checkInInput = z.strictObject({
  /** the client has looked at their health answers at the desk and nothing changed (a change goes through the questionnaire, which re-screens) */
  answersConfirmed: z.boolean().optional(),
  override: overrideInput.optional(),
});

/**
 * Check-in: a treatment needs the client's health answers confirmed as unchanged, a clearing
 * screening of the newest answers, a signed consent and the risks acknowledged.
 */
export async function checkIn(ctx: Ctx, id: string, input: z.infer<typeof checkInInput>) {
  if (input.override && !(OVERRIDE_ROLES as readonly string[]).includes(ctx.principal.role)) throw forbidden('only the owner, the medical director or the front desk may override check-in rules', 'override_not_allowed');
  await ctx.db.transaction().execute(async (trx) => {
    const b = await load(trx, ctx, id);
    if (b.status !== 'confirmed') throw new AppError('conflict', `a ${b.status.replace('_', ' ')} booking cannot be checked in`);
    // a client is checked in on the day of the visit (in the clinic's zone); only the medical
    // director may check in on another day, with a reason, which the audit records
    const visitDate = localDateOf(new Date(b.starts_at).getTime(), b.time_zone);
    const today = await todayIn(trx, ctx, b.location_id);
    const offDay = visitDate !== today;
    if (offDay && !(input.override && ctx.principal.role === 'medical_director')) {
      throw new AppError('conflict', `This visit is on ${humanDate(visitDate)}. Check the client in on that day; only the medical director may check in on another day, with a reason.`, [{ path: 'bookingId', message: `The visit is on ${humanDate(visitDate)}.` }], { rule: 'visit_date' });
    }
    if (b.service_kind === 'treatment' && !input.override) {
      if (input.answersConfirmed !== true) throw invalid('answersConfirmed', 'ask the client to confirm their health answers are unchanged, or to update them first (a change re-screens)');
      const r = await treatmentReadiness(trx, ctx.principal.organizationId, b.client_id, b.modality as Modality, visitDate, today);
      const missing = r.checks.filter((c) => !c.ok);
      if (missing.length) throw new AppError('conflict', `not ready for treatment: ${missing.map((m) => m.message).join('; ')}`, missing.map((m) => ({ path: m.id, message: m.message })));
    }
    await setBookingStatus(trx, ctx.principal.organizationId, id, { status: 'checked_in', ...(input.override ? { override_reason: input.override.reason } : {}) });
    const intakeVersion = (await latestIntake(trx, ctx.principal.organizationId, b.client_id))?.version ?? null;
    await recordAudit(trx, ctx, { action: input.override ? 'booking.check_in.override' : 'booking.check_in', entityType: 'booking', entityId: id, clientId: b.client_id, details: { answersConfirmed: input.answersConfirmed === true, intakeVersion, ...(offDay ? { visitDate, checkedInOn: today, reason: input.override?.reason } : {}) } });
  });
  return view(ctx, id);
}

export async function markNoShow(ctx: Ctx, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const b = await load(trx, ctx, id);
    if (b.status !== 'confirmed') throw new AppError('conflict', `a ${b.status.replace('_', ' ')} booking cannot be marked as a no-show`);
    if (new Date(b.starts_at).getTime() > ctx.now().getTime()) throw new AppError('conflict', 'a no-show can only be marked after the start time', [{ path: 'status', message: 'not started yet' }]);
    await setBookingStatus(trx, ctx.principal.organizationId, id, { status: 'no_show' });
    const money = await settleAttendance(trx, ctx, id, { kind: 'no_show' });
    await recordAudit(trx, ctx, { action: 'booking.no_show', entityType: 'booking', entityId: id, clientId: b.client_id, details: { deposit: money.deposit, packageSession: money.packageSession } });
  });
  return view(ctx, id);
}

