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

/** One member of the organization, any role, active or not. */
export function findMembership(db: Db, organizationId: string, userId: string) {
  return db.selectFrom('memberships').selectAll().where('organization_id', '=', organizationId).where('user_id', '=', userId).executeTakeFirst();
}

/** One member who must exist: Kysely's NoResultError otherwise. */
export function findMembershipOrThrow(db: Db, organizationId: string, userId: string) {
  return db.selectFrom('memberships').selectAll().where('organization_id', '=', organizationId).where('user_id', '=', userId).executeTakeFirstOrThrow();
}

/** Active members of the given roles with their weekly hours at one location (null without any), by name. */
export function listMembersWithHoursAt(db: Db, organizationId: string, locationId: string, roles: MembershipsTable['role'][]) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('provider_schedules as ps', (j) => j.onRef('ps.organization_id', '=', 'm.organization_id').onRef('ps.user_id', '=', 'm.user_id').on('ps.location_id', '=', locationId))
    .select(['m.user_id', 'u.name', 'm.role', 'm.title', 'm.licence_type', 'm.licence_number', 'm.licence_state', 'm.licence_expires_on', 'ps.weekly'])
    .where('m.organization_id', '=', organizationId)
    .where('m.role', 'in', roles)
    .where('m.active', '=', true)
    .orderBy('u.name')
    .execute();
}

/** E-mail addresses (and roles) of the active members of the given roles, and of one more active member when named. */
export function listActiveMemberEmails(db: Db, organizationId: string, roles: MembershipsTable['role'][], alsoUserId: string | null = null) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email', 'm.role'])
    .where('m.organization_id', '=', organizationId)
    .where('m.active', '=', true)
    .where((eb) => eb.or([eb('m.role', 'in', roles), ...(alsoUserId ? [eb('m.user_id', '=', alsoUserId)] : [])]))
    .execute();
}

/** A member of one of the given roles (active or not), with their name. */
export function findMemberOfRoles(db: Db, organizationId: string, userId: string, roles: MembershipsTable['role'][]) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'm.role', 'u.name'])
    .where('m.organization_id', '=', organizationId)
    .where('m.user_id', '=', userId)
    .where('m.role', 'in', roles)
    .executeTakeFirst();
}

/**
 * Active members of the given roles whose provider profile is published (or who have none yet), with
 * their licence and profile, by name; `userId` narrows to one.
 */
export function listMembersWithPublishedProfile(db: Db, organizationId: string, roles: MembershipsTable['role'][], userId?: string) {
  let q = db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('provider_profiles as p', (j) => j.onRef('p.organization_id', '=', 'm.organization_id').onRef('p.user_id', '=', 'm.user_id'))
    .select(['m.user_id', 'm.role', 'm.title', 'm.licence_type', 'm.licence_state', 'm.licence_expires_on', 'u.name', 'p.bio', 'p.practising_since'])
    .where('m.organization_id', '=', organizationId)
    .where('m.active', '=', true)
    .where('m.role', 'in', roles)
    .where((eb) => eb.or([eb('p.user_id', 'is', null), eb('p.published', '=', true)]));
  if (userId) q = q.where('m.user_id', '=', userId);
  return q.orderBy('u.name').execute();
}
