import type { Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { IntakesTable, ScreeningReviewsTable, ScreeningsTable } from '../schema-clinical.js';

// ---- settings ----
export const latestSettings = (db: Db, organizationId: string) =>
  db.selectFrom('clinical_settings').selectAll().where('organization_id', '=', organizationId).orderBy('version', 'desc').limit(1).executeTakeFirst();

export const settingsHistory = (db: Db, organizationId: string) =>
  db
    .selectFrom('clinical_settings as s')
    .leftJoin('users as u', 'u.id', 's.changed_by')
    .select(['s.version', 's.settings', 's.reason', 's.changed_at', 's.changed_by', 'u.name as changed_by_name'])
    .where('s.organization_id', '=', organizationId)
    .orderBy('s.version', 'desc')
    .execute();

export const insertSettings = (db: Db, row: { organization_id: string; version: number; settings: unknown; reason: string; changed_by: string }) =>
  db.insertInto('clinical_settings').values({ ...row, settings: JSON.stringify(row.settings) }).execute();

// ---- intakes ----
export const latestIntake = (db: Db, organizationId: string, clientId: string) =>
  db.selectFrom('intakes').selectAll().where('organization_id', '=', organizationId).where('client_id', '=', clientId).orderBy('version', 'desc').limit(1).executeTakeFirst();

export const intakeVersion = (db: Db, organizationId: string, clientId: string, version: number) =>
  db.selectFrom('intakes').selectAll().where('organization_id', '=', organizationId).where('client_id', '=', clientId).where('version', '=', version).executeTakeFirst();

export const listIntakeVersions = (db: Db, organizationId: string, clientId: string) =>
  db
    .selectFrom('intakes as i')
    .innerJoin('users as u', 'u.id', 'i.recorded_by')
    .select(['i.version', 'i.answered_on', 'i.source', 'i.created_at', 'u.name as recorded_by_name'])
    .where('i.organization_id', '=', organizationId)
    .where('i.client_id', '=', clientId)
    .orderBy('i.version', 'desc')
    .execute();

export const insertIntake = (db: Db, row: Omit<Insertable<IntakesTable>, 'data'> & { data: unknown }) =>
  db.insertInto('intakes').values({ ...row, data: JSON.stringify(row.data) }).execute();

export const getDraft = (db: Db, organizationId: string, clientId: string) =>
  db.selectFrom('intake_drafts').selectAll().where('organization_id', '=', organizationId).where('client_id', '=', clientId).executeTakeFirst();

export const upsertDraft = (db: Db, row: { organization_id: string; client_id: string; data: unknown; step: number; updated_by: string; updated_at: Date }) =>
  db
    .insertInto('intake_drafts')
    .values({ ...row, data: JSON.stringify(row.data) })
    .onConflict((oc) => oc.columns(['organization_id', 'client_id']).doUpdateSet({ data: JSON.stringify(row.data), step: row.step, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();

export const deleteDraft = (db: Db, organizationId: string, clientId: string) =>
  db.deleteFrom('intake_drafts').where('organization_id', '=', organizationId).where('client_id', '=', clientId).execute();

// ---- screenings and reviews ----
export const insertScreening = (db: Db, row: Omit<Insertable<ScreeningsTable>, 'plan' | 'result' | 'settings'> & { plan: unknown; result: unknown; settings: unknown }) =>
  db
    .insertInto('screenings')
    .values({ ...row, plan: JSON.stringify(row.plan), result: JSON.stringify(row.result), settings: JSON.stringify(row.settings) })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();

const screeningColumns = [
  's.id', 's.client_id', 's.intake_version', 's.plan', 's.plan_date', 's.modality', 's.result', 's.decision', 's.earliest_date', 's.clears_from', 's.protocol',
  's.settings', 's.settings_version', 's.valid_until', 's.created_at', 's.created_by',
  'r.id as review_id', 'r.outcome as review_outcome', 'r.note as review_note', 'r.adjustments as review_adjustments', 'r.rule_ids as review_rule_ids',
  'r.signed_name as review_signed_name', 'r.reviewer_role', 'r.reviewer_licence_type', 'r.signature_hash as review_signature_hash', 'r.created_at as reviewed_at',
] as const;

const screeningQuery = (db: Db, organizationId: string) =>
  db
    .selectFrom('screenings as s')
    .leftJoin('screening_reviews as r', (j) => j.onRef('r.organization_id', '=', 's.organization_id').onRef('r.screening_id', '=', 's.id'))
    .select(screeningColumns)
    .where('s.organization_id', '=', organizationId);

export const findScreening = (db: Db, organizationId: string, id: string) => screeningQuery(db, organizationId).where('s.id', '=', id).executeTakeFirst();

export const listScreenings = (db: Db, organizationId: string, clientId: string) =>
  screeningQuery(db, organizationId).where('s.client_id', '=', clientId).orderBy('s.created_at', 'desc').limit(50).execute();

export type ScreeningRecord = NonNullable<Awaited<ReturnType<typeof findScreening>>>;

/** needs_review screenings with no decision yet, oldest first. */
export const pendingReviews = (db: Db, organizationId: string) =>
  screeningQuery(db, organizationId)
    .innerJoin('clients as c', (j) => j.onRef('c.organization_id', '=', 's.organization_id').onRef('c.id', '=', 's.client_id'))
    .select(['c.first_name', 'c.last_name'])
    .where('s.decision', '=', 'needs_review')
    .where('r.id', 'is', null)
    .orderBy('s.created_at')
    .limit(200)
    .execute();

export const insertReview = (db: Db, row: Omit<Insertable<ScreeningReviewsTable>, 'adjustments'> & { adjustments: unknown[] }) =>
  db.insertInto('screening_reviews').values({ ...row, adjustments: JSON.stringify(row.adjustments) }).returning(['id', 'created_at']).executeTakeFirstOrThrow();
