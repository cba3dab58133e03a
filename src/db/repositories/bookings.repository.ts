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

/** Who and where of one booking (its client, location and status), for the money and messages that follow it. */
export const findBookingSummary = (db: Db, organizationId: string, id: string) =>
  db.selectFrom('bookings').select(['id', 'client_id', 'location_id', 'status']).where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();

/** A booking that must exist, with its service, start, price line and its location's time zone: Kysely's NoResultError otherwise. */
export const findBookingTimeOrThrow = (db: Db, organizationId: string, id: string) =>
  db
    .selectFrom('bookings as b')
    .innerJoin('locations as l', (j) => j.onRef('l.organization_id', '=', 'b.organization_id').onRef('l.id', '=', 'b.location_id'))
    .select(['b.id', 'b.client_id', 'b.location_id', 'b.service_id', 'b.starts_at', 'b.price_line_id', 'l.time_zone'])
    .where('b.organization_id', '=', organizationId)
    .where('b.id', '=', id)
    .executeTakeFirstOrThrow();

/** Locks one booking (FOR UPDATE OF b) and reads its status, start, price line, service code and name and its location's time zone. */
export const lockBookingWithService = (db: Db, organizationId: string, id: string) =>
  db
    .selectFrom('bookings as b')
    .innerJoin('services as s', (j) => j.onRef('s.organization_id', '=', 'b.organization_id').onRef('s.id', '=', 'b.service_id'))
    .innerJoin('locations as l', (j) => j.onRef('l.organization_id', '=', 'b.organization_id').onRef('l.id', '=', 'b.location_id'))
    .select(['b.id', 'b.client_id', 'b.location_id', 'b.status', 'b.starts_at', 'b.price_line_id', 's.code', 's.name', 'l.time_zone'])
    .where('b.organization_id', '=', organizationId)
    .where('b.id', '=', id)
    .forUpdate('b')
    .executeTakeFirst();

/** Organizations with a completed booking that ended at or after `since` (across organizations: for the worker). */
export const listOrganizationsWithCompletedBookingsSince = (db: Db, since: Date) =>
  db.selectFrom('bookings as b').select('b.organization_id').distinct().where('b.status', '=', 'completed').where('b.ends_at', '>=', since).execute();

/**
 * A booking with what its review depends on: service, provider and location, the aftercare journey's
 * start, when the scheduled day-7 check-in was answered, and whether a review exists.
 */
const reviewFactsQuery = (db: Db, organizationId: string) =>
  db
    .selectFrom('bookings as b')
    .innerJoin('services as s', (j) => j.onRef('s.organization_id', '=', 'b.organization_id').onRef('s.id', '=', 'b.service_id'))
    .innerJoin('users as u', 'u.id', 'b.provider_user_id')
    .innerJoin('locations as l', (j) => j.onRef('l.organization_id', '=', 'b.organization_id').onRef('l.id', '=', 'b.location_id'))
    .leftJoin('aftercare_journeys as j', (j) => j.onRef('j.organization_id', '=', 'b.organization_id').onRef('j.booking_id', '=', 'b.id'))
    .select((eb) => [
      'b.id', 'b.organization_id', 'b.client_id', 'b.status', 'b.starts_at', 'b.ends_at', 'b.location_id', 'b.provider_user_id',
      's.name as service_name', 's.kind', 'u.name as provider_name', 'l.name as location_name', 'l.time_zone', 'j.treated_at',
      eb
        .selectFrom('aftercare_check_ins as ci')
        .select((e) => e.fn.max('ci.answered_at').as('at'))
        .whereRef('ci.organization_id', '=', 'b.organization_id')
        .whereRef('ci.journey_id', '=', 'j.id')
        .where('ci.day', '=', 7)
        .where('ci.scheduled', '=', true)
        .as('day7_answered_at'),
      eb
        .exists(eb.selectFrom('reviews as r').select('r.id').whereRef('r.organization_id', '=', 'b.organization_id').whereRef('r.booking_id', '=', 'b.id'))
        .as('reviewed'),
    ])
    .where('b.organization_id', '=', organizationId);

/** One booking's review facts. */
export const findBookingReviewFacts = (db: Db, organizationId: string, id: string) => reviewFactsQuery(db, organizationId).where('b.id', '=', id).executeTakeFirst();

/** A client's completed bookings with their review facts, latest first. */
export const listClientCompletedReviewFacts = (db: Db, organizationId: string, clientId: string, limit: number) =>
  reviewFactsQuery(db, organizationId).where('b.client_id', '=', clientId).where('b.status', '=', 'completed').orderBy('b.starts_at', 'desc').limit(limit).execute();

/**
 * Completed bookings that ended at or after `since`, whose client has an e-mail address and for which
 * no message keyed `keyPrefix || booking id` was queued yet, with their review facts and the client's
 * e-mail and first name.
 */
export const listCompletedReviewFactsNotMessaged = (db: Db, organizationId: string, since: Date, keyPrefix: string) =>
  reviewFactsQuery(db, organizationId)
    .innerJoin('clients as c', (j) => j.onRef('c.organization_id', '=', 'b.organization_id').onRef('c.id', '=', 'b.client_id'))
    .select(['c.email', 'c.first_name'])
    .where('b.status', '=', 'completed')
    .where('b.ends_at', '>=', since)
    .where('c.email', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('outbox_messages as o').select('o.id').whereRef('o.organization_id', '=', 'b.organization_id').where('o.idempotency_key', '=', sql<string>`${keyPrefix}::text || b.id`),
        ),
      ),
    )
    .execute();

export type BookingReviewFacts = NonNullable<Awaited<ReturnType<typeof findBookingReviewFacts>>>;

/** A booking of this client for this service starting at this instant, any status (an import's "already there"). */
export const findClientBookingAt = (db: Db, organizationId: string, clientId: string, serviceId: string, start: Date) =>
  db
    .selectFrom('bookings')
    .select(['id', 'status'])
    .where('organization_id', '=', organizationId)
    .where('client_id', '=', clientId)
    .where('service_id', '=', serviceId)
    .where('starts_at', '=', start)
    .orderBy('created_at')
    .executeTakeFirst();
