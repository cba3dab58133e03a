import type { Db } from '../connect.js';

/** The services an organization prices, one row per service code (latest name), for search. */
export const listServiceNames = (db: Db, organizationId: string) =>
  db
    .selectFrom('price_list_items')
    .select(['service_code', 'name', 'modality'])
    .distinctOn('service_code')
    .where('organization_id', '=', organizationId)
    .orderBy('service_code')
    .orderBy('effective_from', 'desc')
    .execute();

export const insertRiskAcknowledgement = (db: Db, row: { organization_id: string; client_id: string; summary_id: string; summary_version: string; modality: string; acknowledged_by: string; ip: string | null }) =>
  db.insertInto('risk_acknowledgements').values(row).returningAll().executeTakeFirstOrThrow();

export const listRiskAcknowledgements = (db: Db, organizationId: string, clientId: string) =>
  db.selectFrom('risk_acknowledgements').selectAll().where('organization_id', '=', organizationId).where('client_id', '=', clientId).orderBy('created_at', 'desc').execute();
