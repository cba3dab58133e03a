import type { Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { LocationsTable, OrganizationsTable } from '../schema.js';

export const findOrganization = (db: Db, id: string) =>
  db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();

export const findOrganizationBySlug = (db: Db, slug: string) =>
  db.selectFrom('organizations').selectAll().where('slug', '=', slug).executeTakeFirst();

/** The organizations that take online bookings: the ones clients can find, register with and book. */
export const listOnlineOrganizations = (db: Db) => db.selectFrom('organizations').select(['id', 'slug', 'name']).where('online_booking', '=', true).orderBy('name').execute();

export const insertOrganization = (db: Db, row: Insertable<OrganizationsTable>) =>
  db.insertInto('organizations').values(row).returningAll().executeTakeFirstOrThrow();

/** Whether a slug is taken (slugs are unique across the installation). */
export const slugTaken = async (db: Db, slug: string) => Boolean(await db.selectFrom('organizations').select('id').where('slug', '=', slug).executeTakeFirst());

export const listLocations = (db: Db, organizationId: string) =>
  db.selectFrom('locations').selectAll().where('organization_id', '=', organizationId).orderBy('name').execute();

export const insertLocation = (db: Db, row: Insertable<LocationsTable>) =>
  db.insertInto('locations').values(row).returningAll().executeTakeFirstOrThrow();

export const countOrganizations = async (db: Db) =>
  (await db.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

/** A location that must exist (a booking's, say): Kysely's NoResultError otherwise. */
export const findLocationOrThrow = (db: Db, organizationId: string, id: string) =>
  db.selectFrom('locations').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirstOrThrow();

/** An organization that must exist: Kysely's NoResultError otherwise. */
export const findOrganizationOrThrow = (db: Db, id: string) => db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** The organization's first location (by creation), if it has one. */
export const findFirstLocation = (db: Db, organizationId: string) =>
  db.selectFrom('locations').selectAll().where('organization_id', '=', organizationId).orderBy('created_at').executeTakeFirst();
