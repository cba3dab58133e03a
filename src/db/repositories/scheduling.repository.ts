import { sql } from 'kysely';
import type { Db } from '../connect.js';

/** A tstzrange from two instants, half-open. */
export const range = (start: Date, end: Date) => sql<string>`tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)')`;

export const getLocationSchedule = (db: Db, organizationId: string, locationId: string) =>
  db.selectFrom('location_schedules').selectAll().where('organization_id', '=', organizationId).where('location_id', '=', locationId).executeTakeFirst();

export const listClosures = (db: Db, organizationId: string, locationId: string, from: string, to: string) =>
  db.selectFrom('location_closures').selectAll().where('organization_id', '=', organizationId).where('location_id', '=', locationId).where('date', '>=', from).where('date', '<=', to).orderBy('date').execute();

/** Providers with hours at the location, with what scope checks need. */
export const listProvidersAt = (db: Db, organizationId: string, locationId: string) =>
  db
    .selectFrom('provider_schedules as ps')
    .innerJoin('memberships as m', (j) => j.onRef('m.organization_id', '=', 'ps.organization_id').onRef('m.user_id', '=', 'ps.user_id'))
    .innerJoin('users as u', 'u.id', 'ps.user_id')
    .select(['ps.user_id', 'ps.weekly', 'u.name', 'm.role', 'm.title', 'm.licence_type', 'm.licence_state', 'm.licence_expires_on', 'm.active'])
    .where('ps.organization_id', '=', organizationId)
    .where('ps.location_id', '=', locationId)
    .where('m.active', '=', true)
    .orderBy('u.name')
    .orderBy('ps.user_id')
    .execute();

export const listOverrides = (db: Db, organizationId: string, locationId: string, from: string, to: string) =>
  db.selectFrom('provider_overrides').selectAll().where('organization_id', '=', organizationId).where('location_id', '=', locationId).where('date', '>=', from).where('date', '<=', to).execute();

export const listCredentials = (db: Db, organizationId: string) => db.selectFrom('provider_credentials').selectAll().where('organization_id', '=', organizationId).execute();

export const listScopeRules = (db: Db, organizationId: string) => db.selectFrom('scope_rules').selectAll().where('organization_id', '=', organizationId).orderBy('state').orderBy('licence_type').orderBy('modality').execute();

export const listTimeOff = (db: Db, organizationId: string, start: Date, end: Date) =>
  db
    .selectFrom('provider_time_off')
    .select(['id', 'user_id', 'reason', sql<Date>`lower(during)`.as('start'), sql<Date>`upper(during)`.as('end')])
    .where('organization_id', '=', organizationId)
    .where(sql<boolean>`during && ${range(start, end)}`)
    .execute();

export const listMaintenance = (db: Db, organizationId: string, start: Date, end: Date) =>
  db
    .selectFrom('device_maintenance')
    .select(['id', 'device_id', 'reason', sql<Date>`lower(during)`.as('start'), sql<Date>`upper(during)`.as('end')])
    .where('organization_id', '=', organizationId)
    .where(sql<boolean>`during && ${range(start, end)}`)
    .execute();

export const listRoomsAt = (db: Db, organizationId: string, locationId: string) =>
  db.selectFrom('rooms').selectAll().where('organization_id', '=', organizationId).where('location_id', '=', locationId).where('active', '=', true).orderBy('name').orderBy('id').execute();

export const listDevicesAt = (db: Db, organizationId: string, locationId: string) =>
  db.selectFrom('devices').selectAll().where('organization_id', '=', organizationId).where('location_id', '=', locationId).where('active', '=', true).orderBy('model').orderBy('id').execute();

export const listServices = (db: Db, organizationId: string) => db.selectFrom('services').selectAll().where('organization_id', '=', organizationId).orderBy('kind').orderBy('name').execute();

export const findService = (db: Db, organizationId: string, id: string) => db.selectFrom('services').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();

/** Time held by active bookings (with each resource's buffers); expired holds no longer count. */
export const listBusy = (db: Db, organizationId: string, start: Date, end: Date, now: Date, resourceIds: string[]) =>
  db
    .selectFrom('booking_resources as r')
    // epoch milliseconds as numbers: thousands of rows parse far faster than timestamps
    .select(['r.resource_kind', 'r.resource_id', 'r.booking_id', sql<number>`(extract(epoch from lower(r.during)) * 1000)::float8`.as('start'), sql<number>`(extract(epoch from upper(r.during)) * 1000)::float8`.as('end')])
    .where('r.organization_id', '=', organizationId)
    .where('r.active', '=', true)
    .where('r.resource_id', 'in', resourceIds.length ? resourceIds : [''])
    .where(sql<boolean>`r.during && ${range(start, end)}`)
    // expired holds are few: look them up by the partial index instead of joining every booking
    .where('r.booking_id', 'not in', (eb) =>
      eb.selectFrom('bookings').select('id').where('organization_id', '=', organizationId).where('status', '=', 'held').where('hold_expires_at', '<=', now),
    )
    .execute();

export type ServiceRow = NonNullable<Awaited<ReturnType<typeof findService>>>;

/** A service that must exist: Kysely's NoResultError otherwise. */
export const findServiceOrThrow = (db: Db, organizationId: string, id: string) =>
  db.selectFrom('services').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirstOrThrow();

/** Active services by name, each with its deposit rule (kind and value null without one). */
export const listActiveServicesWithDeposits = (db: Db, organizationId: string) =>
  db
    .selectFrom('services as s')
    .leftJoin('service_deposits as d', (j) => j.onRef('d.organization_id', '=', 's.organization_id').onRef('d.service_id', '=', 's.id'))
    .select(['s.id', 's.name', 'd.kind', 'd.value'])
    .where('s.organization_id', '=', organizationId)
    .where('s.active', '=', true)
    .orderBy('s.name')
    .execute();

/** Which provider has hours at which location, across the organization. */
export const listProviderLocations = (db: Db, organizationId: string) =>
  db.selectFrom('provider_schedules').select(['user_id', 'location_id']).where('organization_id', '=', organizationId).execute();

/** When the next hold at the organization runs out: its time becomes free then, whatever else happens. */
export const nextHoldExpiry = async (db: Db, organizationId: string, now: Date): Promise<number | null> => {
  const r = await db
    .selectFrom('bookings')
    .select((eb) => eb.fn.min('hold_expires_at').as('at'))
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'held')
    .where('hold_expires_at', '>', now)
    .executeTakeFirst();
  return r?.at ? new Date(r.at).getTime() : null;
};
