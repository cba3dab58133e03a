import { sql, type Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { BookingsTable, BookingStatus, ResourceKind } from '../schema-scheduling.js';
import { range } from './scheduling.repository.js';

const bookingQuery = (db: Db, organizationId: string) =>
  db
    .selectFrom('bookings as b')
    .innerJoin('services as s', (j) => j.onRef('s.organization_id', '=', 'b.organization_id').onRef('s.id', '=', 'b.service_id'))
    .innerJoin('clients as c', (j) => j.onRef('c.organization_id', '=', 'b.organization_id').onRef('c.id', '=', 'b.client_id'))
    .innerJoin('users as u', 'u.id', 'b.provider_user_id')
    .innerJoin('locations as l', (j) => j.onRef('l.organization_id', '=', 'b.organization_id').onRef('l.id', '=', 'b.location_id'))
    .leftJoin('rooms as r', (j) => j.onRef('r.organization_id', '=', 'b.organization_id').onRef('r.id', '=', 'b.room_id'))
    .leftJoin('devices as d', (j) => j.onRef('d.organization_id', '=', 'b.organization_id').onRef('d.id', '=', 'b.device_id'))
    .selectAll('b')
    .select([
      's.name as service_name', 's.kind as service_kind', 's.modality', 'c.first_name', 'c.last_name', 'c.email as client_email', 'c.phone as client_phone',
      'u.name as provider_name', 'l.name as location_name', 'l.time_zone', 'r.name as room_name', 'd.model as device_model', 'd.serial as device_serial',
    ])
    .where('b.organization_id', '=', organizationId);

export const findBooking = (db: Db, organizationId: string, id: string) => bookingQuery(db, organizationId).where('b.id', '=', id).executeTakeFirst();
export const findBookingByKey = (db: Db, organizationId: string, key: string) => bookingQuery(db, organizationId).where('b.idempotency_key', '=', key).executeTakeFirst();

export const lockBooking = (db: Db, organizationId: string, id: string) =>
  db.selectFrom('bookings').select(['id', 'status']).where('organization_id', '=', organizationId).where('id', '=', id).forUpdate().executeTakeFirst();

export const listBookingsBetween = (db: Db, organizationId: string, args: { locationId?: string | undefined; clientId?: string | undefined; start: Date; end: Date }) => {
  let q = bookingQuery(db, organizationId).where('b.starts_at', '<', args.end).where('b.ends_at', '>', args.start);
  if (args.locationId) q = q.where('b.location_id', '=', args.locationId);
  if (args.clientId) q = q.where('b.client_id', '=', args.clientId);
  return q.orderBy('b.starts_at').limit(2000).execute();
};

export const listClientBookings = (db: Db, organizationId: string, clientId: string) => bookingQuery(db, organizationId).where('b.client_id', '=', clientId).orderBy('b.starts_at', 'desc').limit(200).execute();

/** The client's treatment bookings that still count (not cancelled), for interval checks. */
export const listClientTreatments = (db: Db, organizationId: string, clientId: string) =>
  bookingQuery(db, organizationId)
    .where('b.client_id', '=', clientId)
    .where('s.kind', '=', 'treatment')
    .where('b.status', 'in', ['held', 'confirmed', 'checked_in', 'completed'])
    .execute();

export const insertBooking = (db: Db, row: Insertable<BookingsTable>) => db.insertInto('bookings').values(row).returning(['id']).executeTakeFirstOrThrow();

export const insertResource = (db: Db, organizationId: string, bookingId: string, kind: ResourceKind, resourceId: string, start: Date, end: Date) =>
  db.insertInto('booking_resources').values({ organization_id: organizationId, booking_id: bookingId, resource_kind: kind, resource_id: resourceId, during: range(start, end) }).execute();

export const deleteResources = (db: Db, organizationId: string, bookingId: string) =>
  db.deleteFrom('booking_resources').where('organization_id', '=', organizationId).where('booking_id', '=', bookingId).execute();

export const releaseResources = (db: Db, organizationId: string, bookingId: string) =>
  db.updateTable('booking_resources').set({ active: false }).where('organization_id', '=', organizationId).where('booking_id', '=', bookingId).execute();

export const setBookingStatus = (db: Db, organizationId: string, id: string, patch: { status: BookingStatus; cancel_reason?: string; hold_expires_at?: null; override_reason?: string | null }) =>
  db.updateTable('bookings').set({ ...patch, updated_at: sql`now()` }).where('organization_id', '=', organizationId).where('id', '=', id).execute();

export const moveBooking = (db: Db, organizationId: string, id: string, patch: { starts_at: Date; ends_at: Date; provider_user_id: string; room_id: string | null; device_id: string | null; override_reason: string | null }) =>
  db.updateTable('bookings').set({ ...patch, updated_at: sql`now()` }).where('organization_id', '=', organizationId).where('id', '=', id).execute();

/** Expired holds stop blocking: their resources are released and the hold is cancelled. */
export async function expireHolds(db: Db, organizationId: string, now: Date) {
  const expired = await db
    .updateTable('bookings')
    .set({ status: 'cancelled', cancel_reason: 'hold expired', hold_expires_at: null, updated_at: sql`now()` })
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'held')
    .where('hold_expires_at', '<=', now)
    .returning(['id', 'location_id', 'starts_at', 'ends_at'])
    .execute();
  if (expired.length) {
    await db.updateTable('booking_resources').set({ active: false }).where('organization_id', '=', organizationId).where('booking_id', 'in', expired.map((e) => e.id)).execute();
  }
  return expired;
}

export type BookingRecord = NonNullable<Awaited<ReturnType<typeof findBooking>>>;
