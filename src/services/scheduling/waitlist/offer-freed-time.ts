// When time frees up (a cancel, a move, an expired hold) the first waiting client whose service,
// dates and provider fit gets it as an offer: a hold in their name that expires. If they let it
// expire, they go to the back of the queue and the time is offered to the next.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.js';
import { expireHolds, findBooking } from '../../../db/repositories/bookings.repository.js';
import { listLocations } from '../../../db/repositories/organizations.repository.js';
import { findSlots } from '../../../domain/scheduling/availability.js';
import { localDateOf } from '../../../domain/scheduling/local-time.js';
import type { Modality } from '../../../domain/screening/engine/contract.js';
import { appendAudit } from '../../audit/record-audit-event.js';
import { enqueueMessage } from '../../outbox/enqueue-message.js';
import { loadAvailability } from '../availability-context.js';
import { assertTreatmentBookable } from '../booking-rules.js';
import { insertBookingRows } from '../place-booking.js';

const SYSTEM = (organizationId: string) => ({ organizationId, userId: null, role: 'system', requestId: null, ip: null });

export async function offerFreedTime(trx: Db, organizationId: string, freed: { locationId: string; start: number; end: number }, now: Date): Promise<string | null> {
  if (freed.start <= now.getTime()) return null;
  const loc = (await listLocations(trx, organizationId)).find((l) => l.id === freed.locationId);
  if (!loc) return null;
  const date = localDateOf(freed.start, loc.time_zone);
  const entries = await trx
    .selectFrom('waitlist_entries')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('location_id', '=', loc.id)
    .where('status', '=', 'waiting')
    .where('from_date', '<=', date)
    .where('to_date', '>=', date)
    .orderBy('queued_at')
    .limit(20)
    .execute();
  for (const e of entries) {
    const a = await loadAvailability(trx, organizationId, { locationId: loc.id, serviceId: e.service_id, from: date, to: date, now });
    const providers = e.provider_user_id ? a.query.providers.filter((p) => p.id === e.provider_user_id) : a.query.providers;
    // starts inside the freed time; the appointment may run on into time that is free anyway
    const slot = findSlots({ ...a.query, providers, window: { start: freed.start, end: freed.end + a.query.durationMin * 60_000 } }).find((s) => s.start < freed.end);
    if (!slot) continue;
    // a savepoint, so an offer that cannot be made never undoes the cancel that freed the time
    await sql`savepoint waitlist_offer`.execute(trx);
    try {
      if (a.service.kind === 'treatment') {
        await assertTreatmentBookable(trx, organizationId, { clientId: e.client_id, modality: a.service.modality as Modality, start: slot.start, timeZone: loc.time_zone, today: localDateOf(now.getTime(), loc.time_zone), planId: null });
      }
      const id = await insertBookingRows(trx, { organizationId, userId: e.created_by, now }, a, slot, { clientId: e.client_id, planId: null, hold: true, key: null, overrideReason: null });
      await trx.updateTable('waitlist_entries').set({ status: 'offered', offer_booking_id: id, offers: sql`offers + 1` }).where('organization_id', '=', organizationId).where('id', '=', e.id).execute();
      const b = (await findBooking(trx, organizationId, id))!;
      if (b.client_email) {
        await enqueueMessage(trx, {
          organizationId, channel: 'email', kind: 'waitlist.offer', to: b.client_email, bookingId: id, clientId: e.client_id, idempotencyKey: `waitlist:${e.id}:${id}`,
          subject: `A time opened up: ${b.service_name}`,
          text: `Hello ${b.first_name},\n\nA time you were waiting for is free: ${b.service_name} on ${date} with ${b.provider_name} at ${b.location_name}.\nWe are holding it for you until ${new Date(b.hold_expires_at!).toISOString().slice(11, 16)} UTC. Confirm it in the portal under Book.\n`,
        });
      }
      await appendAudit(trx, SYSTEM(organizationId), { action: 'waitlist.offer', entityType: 'waitlist_entry', entityId: e.id, clientId: e.client_id, details: { bookingId: id } }, now);
      await sql`release savepoint waitlist_offer`.execute(trx);
      return id;
    } catch {
      await sql`rollback to savepoint waitlist_offer`.execute(trx);
    }
  }
  return null;
}

/** Expired holds stop blocking; an expired waitlist offer goes to the next in the queue. */
export async function releaseExpiredHolds(trx: Db, organizationId: string, now: Date) {
  const expired = await expireHolds(trx, organizationId, now);
  for (const x of expired) {
    const requeued = await trx
      .updateTable('waitlist_entries')
      .set({ status: 'waiting', offer_booking_id: null, queued_at: now })
      .where('organization_id', '=', organizationId)
      .where('offer_booking_id', '=', x.id)
      .returning('id')
      .execute();
    if (requeued.length) await offerFreedTime(trx, organizationId, { locationId: x.location_id, start: new Date(x.starts_at).getTime(), end: new Date(x.ends_at).getTime() }, now);
  }
  return expired.length;
}

/** A confirmed offer closes the waitlist entry. */
export async function markWaitlistBooked(trx: Db, organizationId: string, bookingId: string) {
  await trx.updateTable('waitlist_entries').set({ status: 'booked' }).where('organization_id', '=', organizationId).where('offer_booking_id', '=', bookingId).execute();
}
