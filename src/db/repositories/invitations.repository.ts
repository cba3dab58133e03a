import type { Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { InvitationsTable } from '../schema.js';

export const insertInvitation = (db: Db, row: Insertable<InvitationsTable>) =>
  db.insertInto('invitations').values(row).returning(['id', 'created_at']).executeTakeFirstOrThrow();

export const findInvitationByTokenHash = (db: Db, tokenHash: string) =>
  db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst();

export const markAccepted = (db: Db, organizationId: string, id: string, at: Date) =>
  db.updateTable('invitations').set({ accepted_at: at }).where('organization_id', '=', organizationId).where('id', '=', id).execute();

export const listInvitations = (db: Db, organizationId: string) =>
  db
    .selectFrom('invitations')
    .select(['id', 'email', 'role', 'expires_at', 'accepted_at', 'created_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .execute();
