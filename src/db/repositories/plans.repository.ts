import type { Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { TreatmentPlansTable } from '../schema-clinical.js';

export const insertPlan = (db: Db, row: Omit<Insertable<TreatmentPlansTable>, 'plan' | 'quote'> & { plan: unknown; quote: unknown }) =>
  db
    .insertInto('treatment_plans')
    .values({ ...row, plan: JSON.stringify(row.plan), quote: JSON.stringify(row.quote) })
    .returningAll()
    .executeTakeFirstOrThrow();

const planQuery = (db: Db, organizationId: string) =>
  db
    .selectFrom('treatment_plans as p')
    .innerJoin('users as u', 'u.id', 'p.created_by')
    .leftJoin('users as d', 'd.id', 'p.director_approved_by')
    .selectAll('p')
    .select(['u.name as created_by_name', 'd.name as director_name'])
    .where('p.organization_id', '=', organizationId);

export const findPlan = (db: Db, organizationId: string, id: string) => planQuery(db, organizationId).where('p.id', '=', id).executeTakeFirst();

/** Locks the plan row so two edits of the same version cannot both supersede it. */
export const lockPlan = (db: Db, organizationId: string, id: string) =>
  db.selectFrom('treatment_plans').select(['id', 'status']).where('organization_id', '=', organizationId).where('id', '=', id).forUpdate().executeTakeFirst();

export const listPlans = (db: Db, organizationId: string, clientId: string) =>
  planQuery(db, organizationId).where('p.client_id', '=', clientId).orderBy('p.created_at', 'desc').limit(50).execute();

export const setPlanStatus = (db: Db, organizationId: string, id: string, patch: { status: TreatmentPlansTable['status']; director_approved_by?: string }) =>
  db.updateTable('treatment_plans').set(patch).where('organization_id', '=', organizationId).where('id', '=', id).execute();

export const awaitingDirector = (db: Db, organizationId: string) =>
  planQuery(db, organizationId)
    .innerJoin('clients as c', (j) => j.onRef('c.organization_id', '=', 'p.organization_id').onRef('c.id', '=', 'p.client_id'))
    .select(['c.first_name', 'c.last_name'])
    .where('p.status', '=', 'awaiting_director')
    .orderBy('p.created_at')
    .limit(200)
    .execute();

export type PlanRecord = NonNullable<Awaited<ReturnType<typeof findPlan>>>;
