import type { Db } from '../../db/connect.js';
import { countOrganizations, insertLocation, insertOrganization } from '../../db/repositories/organizations.repository.js';
import { insertMembership } from '../../db/repositories/memberships.repository.js';
import { insertClient } from '../../db/repositories/clients.repository.js';
import { insertDevice, insertRoom } from '../../db/repositories/resources.repository.js';
import { insertPackage, insertPriceItem } from '../../db/repositories/pricing.repository.js';
import { DEMO_MEMBERSHIP_PLANS, DEMO_PACKAGES, DEMO_PRICES, DEMO_PRICES_EFFECTIVE } from './demo-prices.js';
import { DEMO_CREDENTIALS, DEMO_LOCATION_HOURS, DEMO_PROVIDER_HOURS, DEMO_SCOPE_RULES, DEMO_SERVICES } from './demo-scheduling.js';
import { seedDemoBilling } from './demo-billing.js';
import { seedDemoHistory } from './demo-history.js';
import { appendAudit } from '../audit/record-audit-event.js';
import { DEMO_RECALL_CLIENT, seedDemoRecallClient } from './demo-recall.js';
import type { IdentityPort } from '../ports.js';
import { DEMO_CLIENTS, DEMO_DEVICES, DEMO_LOCATIONS, DEMO_ORG, DEMO_PASSWORD, DEMO_ROOMS, DEMO_STAFF } from './demo-data.js';

export interface SeedOutcome {
  seeded: boolean;
  organization: string;
  signIns: { role: string; email: string; password: string }[];
}

export const demoSignIns = () => [
  ...DEMO_STAFF.map((s) => ({ role: s.role, email: s.email, password: DEMO_PASSWORD })),
  { role: 'client', email: DEMO_CLIENTS[0].email, password: DEMO_PASSWORD },
];

/** Seeds the demo MedSpa; does nothing when any organization exists (unless force). */
export async function seedDemo(deps: { db: Db; identity: IdentityPort; now: () => Date }, opts: { onlyIfEmpty: boolean }): Promise<SeedOutcome> {
  if (opts.onlyIfEmpty && (await countOrganizations(deps.db)) > 0) {
    return { seeded: false, organization: DEMO_ORG.slug, signIns: [] };
  }
  // Identities first (better-auth hashes the passwords), then every tenant row in one transaction.
  // All at once: each password hash takes a slow scrypt on the thread pool, so together they take
  // about the time of one per core instead of one after another (the first start's budget is 5 s).
  const people = [...DEMO_STAFF, ...[...DEMO_CLIENTS.filter((c) => c.account), DEMO_RECALL_CLIENT].map((c) => ({ email: c.email, name: `${c.first} ${c.last}` }))];
  const ids = await Promise.all(
    people.map(async (person) => {
      const existing = await deps.db.selectFrom('users').select('id').where('email', '=', person.email).executeTakeFirst();
      return existing?.id ?? (await deps.identity.createUser({ name: person.name, email: person.email, password: DEMO_PASSWORD })).userId;
    }),
  );
  const userIds = new Map(people.map((p, i) => [p.email, ids[i]!]));
  // the demo's addresses count as confirmed, as if each person had opened their first email
  await deps.db.updateTable('users').set({ email_verified: true }).where('id', 'in', [...userIds.values()]).execute();
  await deps.db.transaction().execute(async (trx) => {
    // the demo is a clinic already running: its consent documents were read long ago
    const org = await insertOrganization(trx, { ...DEMO_ORG, online_booking: true, consents_reviewed_at: new Date('2026-01-01T15:00:00Z') });
    const locationIds = new Map<string, string>();
    for (const l of DEMO_LOCATIONS) {
      const row = await insertLocation(trx, { organization_id: org.id, name: l.name, time_zone: l.time_zone, state: l.state, address: l.address, phone: l.phone });
      locationIds.set(l.key, row.id);
    }
    for (const r of DEMO_ROOMS) await insertRoom(trx, { organization_id: org.id, location_id: locationIds.get(r.location)!, name: r.name });
    for (const d of DEMO_DEVICES) {
      await insertDevice(trx, { organization_id: org.id, location_id: locationIds.get(d.location)!, modality: d.modality, manufacturer: d.manufacturer, model: d.model, serial: d.serial });
    }
    for (const [key, locationId] of locationIds) {
      const at = key as 'austin' | 'sandiego';
      for (const p of DEMO_PRICES) {
        await insertPriceItem(trx, { organization_id: org.id, location_id: locationId, service_code: p.serviceCode, name: p.name, modality: p.modality, price_cents: p[at], effective_from: DEMO_PRICES_EFFECTIVE });
      }
      for (const p of DEMO_PACKAGES) {
        await insertPackage(trx, { organization_id: org.id, location_id: locationId, service_code: p.serviceCode, name: p.name, sessions: p.sessions, price_cents: p[at], valid_days: p.validDays });
      }
      for (const p of DEMO_MEMBERSHIP_PLANS) {
        await trx.insertInto('membership_plans').values({
          organization_id: org.id, location_id: locationId, name: p.name, description: p.description, period: p.period, fee_cents: p[at], signup_fee_cents: p.signupFee, min_term_periods: p.minTerm,
          max_pause_days: p.maxPauseDays, percent_off_bp: p.percentOffBp, member_prices: JSON.stringify(p.memberPrices.map((m) => ({ serviceCode: m.serviceCode, priceCents: m[at] }))), credits: JSON.stringify(p.credits), currency: 'USD',
        }).execute();
      }
    }
    for (const s of DEMO_STAFF) {
      await insertMembership(trx, {
        organization_id: org.id,
        user_id: userIds.get(s.email)!,
        role: s.role,
        title: s.title,
        licence_type: s.licence?.type ?? null,
        licence_number: s.licence?.number ?? null,
        licence_state: s.licence?.state ?? null,
        licence_expires_on: s.licence?.expiresOn ?? null,
      });
    }
    for (const [key, weekly] of Object.entries(DEMO_LOCATION_HOURS)) {
      await trx.insertInto('location_schedules').values({ organization_id: org.id, location_id: locationIds.get(key)!, weekly: JSON.stringify(weekly), min_notice_min: 60 }).execute();
    }
    for (const p of DEMO_PROVIDER_HOURS) {
      await trx.insertInto('provider_schedules').values({ organization_id: org.id, user_id: userIds.get(p.email)!, location_id: locationIds.get(p.location)!, weekly: JSON.stringify(p.weekly) }).execute();
    }
    for (const c of DEMO_CREDENTIALS) {
      await trx.insertInto('provider_credentials').values({ organization_id: org.id, user_id: userIds.get(c.email)!, credential: c.credential, expires_on: c.expiresOn }).execute();
    }
    for (const sv of DEMO_SERVICES) await trx.insertInto('services').values({ organization_id: org.id, ...sv, modality: sv.modality }).execute();
    for (const r of DEMO_SCOPE_RULES) {
      await trx
        .insertInto('scope_rules')
        .values({ organization_id: org.id, state: r.state, licence_type: r.licence, modality: r.modality, outcome: r.outcome, max_depth_mm: r.maxDepthMm === undefined ? null : String(r.maxDepthMm), note: r.note ?? '' })
        .execute();
    }
    const clientIds = new Map<string, string>();
    for (const c of DEMO_CLIENTS) {
      const userId = c.account ? userIds.get(c.email)! : null;
      if (userId) await insertMembership(trx, { organization_id: org.id, user_id: userId, role: 'client' });
      const client = await insertClient(trx, {
        organization_id: org.id, user_id: userId, first_name: c.first, last_name: c.last, email: c.email, phone: c.phone,
        date_of_birth: c.dob, preferred_location_id: locationIds.get(c.location)!,
      });
      clientIds.set(c.email, client.id);
    }
    await seedDemoBilling(trx, org.id, locationIds, userIds);
    // six months of visits and the next four weeks, so the calendar and reports have something to show
    await seedDemoHistory(trx, { organizationId: org.id, now: deps.now(), locationIds, userIds, clientIds });
    // one client whose series' next session is due, for the recall flows (docs/recall.md)
    await seedDemoRecallClient(trx, {
      organizationId: org.id, now: deps.now(), locationId: locationIds.get('austin')!, userId: userIds.get(DEMO_RECALL_CLIENT.email)!,
      providerId: userIds.get('nurse@glow.example.com')!, createdBy: userIds.get('frontdesk@glow.example.com')!,
    });
    await appendAudit(trx, { organizationId: org.id, userId: null, role: 'system', requestId: null, ip: null }, { action: 'seed.demo', entityType: 'organization', entityId: org.id }, deps.now());
  });
  return { seeded: true, organization: DEMO_ORG.slug, signIns: demoSignIns() };
}
