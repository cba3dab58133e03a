import type { Db } from '../connect.js';

export function listNotes(db: Db, organizationId: string, clientId: string) {
  return db
    .selectFrom('clinical_notes as n')
    .innerJoin('users as u', 'u.id', 'n.author_user_id')
    .select(['n.id', 'n.client_id', 'n.body', 'n.created_at', 'n.author_user_id', 'u.name as author_name'])
    .where('n.organization_id', '=', organizationId)
    .where('n.client_id', '=', clientId)
    .orderBy('n.created_at', 'desc')
    .execute();
}

export function insertNote(db: Db, row: { organization_id: string; client_id: string; author_user_id: string; body: string }) {
  return db.insertInto('clinical_notes').values(row).returning(['id', 'created_at']).executeTakeFirstOrThrow();
}
