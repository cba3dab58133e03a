import type { Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { MembershipsTable } from '../schema.js';

/** A user's active memberships with their organization, oldest first. */
export function membershipsOfUser(db: Db, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['m.organization_id', 'm.role', 'o.slug', 'o.name as organization_name', 'o.require_staff_two_factor'])
    .where('m.user_id', '=', userId)
    .where('m.active', '=', true)
    .orderBy('m.created_at')
    .execute();
}

export function insertMembership(db: Db, row: Insertable<MembershipsTable>) {
  return db.insertInto('memberships').values(row).execute();
}

export function listStaff(db: Db, organizationId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'u.id as user_id', 'u.name', 'u.email', 'u.two_factor_enabled', 'm.role', 'm.title', 'm.licence_type',
      'm.licence_number', 'm.licence_state', 'm.licence_expires_on', 'm.active',
    ])
    .where('m.organization_id', '=', organizationId)
    .where('m.role', '!=', 'client')
    .orderBy('u.name')
    .execute();
}
