import type { Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { DevicesTable, RoomsTable } from '../schema.js';

export const insertRoom = (db: Db, row: Insertable<RoomsTable>) => db.insertInto('rooms').values(row).returningAll().executeTakeFirstOrThrow();
export const insertDevice = (db: Db, row: Insertable<DevicesTable>) => db.insertInto('devices').values(row).returningAll().executeTakeFirstOrThrow();
export const listRooms = (db: Db, organizationId: string) => db.selectFrom('rooms').selectAll().where('organization_id', '=', organizationId).orderBy('name').execute();
export const listDevices = (db: Db, organizationId: string) => db.selectFrom('devices').selectAll().where('organization_id', '=', organizationId).orderBy('model').execute();
export const findDevice = (db: Db, organizationId: string, id: string) => db.selectFrom('devices').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
