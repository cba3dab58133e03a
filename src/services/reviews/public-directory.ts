// What the public pages show of a MedSpa's clinicians: only active providers and medical directors
// whose profile is published (or who have none yet), their licence as a label (never its number),
// credential names, the services the scope-of-practice rules let them perform at each location, and
// the average of published reviews. Read without a principal: every query names the organization.
import type { Db } from '../../db/connect.js';
import { findOrganizationBySlug, listLocations } from '../../db/repositories/organizations.repository.js';
import { listMembersWithPublishedProfile } from '../../db/repositories/memberships.repository.js';
import { listCredentials, listProviderLocations, listScopeRules, listServices } from '../../db/repositories/scheduling.repository.js';
import { providerEligibility } from '../../domain/scheduling/scope.js';
import { credentialLabel, LICENCE_LABEL, summaryOf, yearsSince, type RatingSummary } from '../../domain/reviews/reviews.js';
import { localDateOf } from '../../domain/scheduling/local-time.js';
import { notFound } from '../errors.js';
import type { PublicProviderView } from './reviews.schema.js';

export interface PublicDeps {
  db: Db;
  now: () => Date;
}

export async function findPublicOrganization(db: Db, slug: string) {
  const org = await findOrganizationBySlug(db, slug);
  // listed only while it takes online bookings: a new clinic is not public until its owner says so
  if (!org || !org.online_booking) throw notFound('organization');
  return org;
}

/** Published-review counts and sums, by provider or by location. */
export async function ratingsBy(db: Db, organizationId: string, by: 'provider_user_id' | 'location_id'): Promise<Map<string, RatingSummary>> {
  const rows = await db
    .selectFrom('reviews')
    .select((eb) => [`${by} as key`, eb.fn.countAll<string>().as('n'), eb.fn.sum<string>('rating').as('total')])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'published')
    .groupBy(by)
    .execute();
  return new Map(rows.map((r) => [r.key, summaryOf(Number(r.n), Number(r.total))]));
}

export const NO_RATING: RatingSummary = { average: null, count: 0 };

/** A clinician as the public pages show them (PublicProvider in reviews.schema.ts). */
export type PublicProvider = PublicProviderView;

/** The listed clinicians of an organization; `userId` narrows to one. */
export async function publicProviders(deps: PublicDeps, organizationId: string, userId?: string): Promise<PublicProvider[]> {
  const { db } = deps;
  const rows = await listMembersWithPublishedProfile(db, organizationId, ['provider', 'medical_director'], userId);
  if (!rows.length) return [];
  const [locations, hours, services, rules, credentials, ratings] = await Promise.all([
    listLocations(db, organizationId),
    listProviderLocations(db, organizationId),
    listServices(db, organizationId),
    listScopeRules(db, organizationId),
    listCredentials(db, organizationId),
    ratingsBy(db, organizationId, 'provider_user_id'),
  ]);
  const scope = rules.map((r) => ({ state: r.state, licenceType: r.licence_type, modality: r.modality, maxDepthMm: r.max_depth_mm === null ? null : Number(r.max_depth_mm), outcome: r.outcome }));
  const now = deps.now();
  const out: PublicProvider[] = [];
  for (const m of rows) {
    const own = credentials.filter((c) => c.user_id === m.user_id).map((c) => ({ credential: c.credential, expiresOn: c.expires_on }));
    const today = now.toISOString().slice(0, 10);
    // an expired licence is never offered for booking, so it is not advertised either
    if (m.licence_expires_on && m.licence_expires_on < today) continue;
    const at = locations.filter((l) => hours.some((h) => h.user_id === m.user_id && h.location_id === l.id));
    out.push({
      id: m.user_id,
      name: m.name,
      title: m.title,
      bio: m.bio ?? '',
      licenceType: m.licence_type ? (LICENCE_LABEL[m.licence_type] ?? m.licence_type) : null,
      licenceState: m.licence_state,
      credentials: own.filter((c) => !c.expiresOn || c.expiresOn >= today).map((c) => credentialLabel(c.credential)),
      yearsExperience: yearsSince(m.practising_since ?? null, now.getUTCFullYear()),
      rating: ratings.get(m.user_id) ?? NO_RATING,
      locations: at.map((l) => {
        // the same scope check as booking, on the location's date and state
        const date = localDateOf(now.getTime(), l.time_zone);
        const facts = { role: m.role, licenceType: m.licence_type, licenceExpiresOn: m.licence_expires_on, licenceState: m.licence_state, credentials: own };
        const allowed = services.filter((s) => s.active && providerEligibility(facts, { kind: s.kind, modality: s.modality, credential: s.credential }, l.state, date, scope).ok);
        return { id: l.id, name: l.name, services: allowed.map((s) => s.name) };
      }),
    });
  }
  return out;
}
