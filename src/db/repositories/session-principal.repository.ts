// A request's session and who it is, in one indexed query: the session by its token, the user, each
// active membership with its organization (oldest first, as membershipsOfUser) and, for a client
// membership, the client record. One row per membership; a user without any gives one row of nulls.
import type { Db } from '../connect.js';

export function findSessionPrincipal(db: Db, token: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('memberships as m', (j) => j.onRef('m.user_id', '=', 's.user_id').on('m.active', '=', true))
    .leftJoin('organizations as o', 'o.id', 'm.organization_id')
    .leftJoin('clients as c', (j) => j.onRef('c.organization_id', '=', 'm.organization_id').onRef('c.user_id', '=', 's.user_id').on('m.role', '=', 'client'))
    .select([
      's.id as session_id', 's.expires_at', 's.created_at', 's.last_seen_at', 'u.id as user_id', 'u.name', 'u.email', 'u.email_verified', 'u.two_factor_enabled',
      'm.organization_id', 'm.role', 'o.slug', 'o.require_staff_two_factor', 'c.id as client_id',
    ])
    .where('s.token', '=', token)
    .orderBy('m.created_at')
    .execute();
}

export const touchSession = (db: Db, id: string, now: Date) => db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();

export const deleteSessionById = (db: Db, id: string) => db.deleteFrom('sessions').where('id', '=', id).execute();
