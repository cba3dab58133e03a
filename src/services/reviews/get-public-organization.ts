import { listLocations } from '../../db/repositories/organizations.repository.js';
import { findPublicOrganization, NO_RATING, ratingsBy, type PublicDeps } from './public-directory.js';
import type { PublicOrganizationPageView } from './reviews.schema.js';

/** A MedSpa's public page: its locations with their published-review ratings. */
export async function getPublicOrganization(deps: PublicDeps, slug: string): Promise<PublicOrganizationPageView> {
  const org = await findPublicOrganization(deps.db, slug);
  const [locations, ratings] = await Promise.all([listLocations(deps.db, org.id), ratingsBy(deps.db, org.id, 'location_id')]);
  return {
    name: org.name,
    slug: org.slug,
    locations: locations.map((l) => ({ id: l.id, name: l.name, address: l.address, state: l.state, timeZone: l.time_zone, rating: ratings.get(l.id) ?? NO_RATING })),
  };
}
