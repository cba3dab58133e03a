// What a clinic has set up so far, for its set-up checklist (services/organization/setup-checklist.ts):
// one small read per table, across the areas that own them (locations, scheduling, pricing, billing,
// staff), with the clinic's id in every query. No rules here; the checklist decides what is done.
import type { Db } from '../connect.js';

export async function readSetupFacts(db: Db, organizationId: string) {
  const org = organizationId;
  const [organization, locations, schedules, rooms, devices, services, prices, policies, clinicians] = await Promise.all([
    db.selectFrom('organizations').select(['name', 'online_booking', 'consents_reviewed_at']).where('id', '=', org).executeTakeFirstOrThrow(),
    db.selectFrom('locations').select(['id', 'name', 'time_zone']).where('organization_id', '=', org).orderBy('created_at').execute(),
    db.selectFrom('location_schedules').select(['location_id', 'weekly']).where('organization_id', '=', org).execute(),
    db.selectFrom('rooms').select('location_id').where('organization_id', '=', org).where('active', '=', true).execute(),
    db.selectFrom('devices').select('location_id').where('organization_id', '=', org).where('active', '=', true).execute(),
    db.selectFrom('services').select(['code', 'name', 'kind']).where('organization_id', '=', org).where('active', '=', true).execute(),
    db.selectFrom('price_list_items').select(['location_id', 'service_code']).distinct().where('organization_id', '=', org).execute(),
    db.selectFrom('billing_policies').select('location_id').where('organization_id', '=', org).execute(),
    db
      .selectFrom('memberships')
      .select(['user_id', 'licence_type', 'licence_number', 'licence_expires_on'])
      .where('organization_id', '=', org)
      .where('role', 'in', ['provider', 'medical_director'])
      .where('active', '=', true)
      .execute(),
  ]);
  return { organization, locations, schedules, rooms, devices, services, prices, policies, clinicians };
}

export type SetupFacts = Awaited<ReturnType<typeof readSetupFacts>>;
