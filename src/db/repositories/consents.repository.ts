import type { Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { ConsentsTable } from '../schema-clinical.js';

export const insertConsent = (db: Db, row: Insertable<ConsentsTable>) => db.insertInto('consents').values(row).returningAll().executeTakeFirstOrThrow();

const consentQuery = (db: Db, organizationId: string) =>
  db
    .selectFrom('consents as k')
    .innerJoin('users as u', 'u.id', 'k.signed_by')
    .leftJoin('users as w', 'w.id', 'k.witnessed_by')
    .selectAll('k')
    .select(['u.name as signed_by_name', 'w.name as witnessed_by_name'])
    .where('k.organization_id', '=', organizationId);

export const findConsent = (db: Db, organizationId: string, id: string) => consentQuery(db, organizationId).where('k.id', '=', id).executeTakeFirst();

export const listConsents = (db: Db, organizationId: string, clientId: string) =>
  consentQuery(db, organizationId).where('k.client_id', '=', clientId).orderBy('k.signed_at', 'desc').limit(100).execute();

export const withdrawConsent = (db: Db, organizationId: string, id: string, by: string, at: Date) =>
  db
    .updateTable('consents')
    .set({ withdrawn_at: at, withdrawn_by: by })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .returning(['id', 'withdrawn_at'])
    .executeTakeFirst();

export type ConsentRecord = NonNullable<Awaited<ReturnType<typeof findConsent>>>;
