import type { Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { PackagesTable, PriceListItemsTable } from '../schema-clinical.js';

export const listPriceItems = (db: Db, organizationId: string, locationId: string) =>
  db
    .selectFrom('price_list_items')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('location_id', '=', locationId)
    .orderBy('service_code')
    .orderBy('effective_from', 'desc')
    .execute();

export const insertPriceItem = (db: Db, row: Insertable<PriceListItemsTable>) =>
  db.insertInto('price_list_items').values(row).returningAll().executeTakeFirstOrThrow();

export const listPackages = (db: Db, organizationId: string, locationId: string) =>
  db.selectFrom('packages').selectAll().where('organization_id', '=', organizationId).where('location_id', '=', locationId).orderBy('service_code').orderBy('sessions').execute();

export const insertPackage = (db: Db, row: Insertable<PackagesTable>) => db.insertInto('packages').values(row).returningAll().executeTakeFirstOrThrow();

/** One package of the location, on sale or not. */
export const findPackageAt = (db: Db, organizationId: string, id: string, locationId: string) =>
  db.selectFrom('packages').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).where('location_id', '=', locationId).executeTakeFirst();

/** One price line by id (lines are never edited: a price change is a new line). */
export const findPriceItem = (db: Db, organizationId: string, id: string) =>
  db.selectFrom('price_list_items').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
