import { loadLocation } from '../organization/load-location.js';
import { findPublicOrganization, NO_RATING, publicProviders, ratingsBy, type PublicDeps } from './public-directory.js';
import type { PublicLocationPageView } from './reviews.schema.js';

/** A location's public page: its clinicians with what they may perform there and their ratings. */
export async function getPublicLocation(deps: PublicDeps, slug: string, locationId: string): Promise<PublicLocationPageView> {
  const org = await findPublicOrganization(deps.db, slug);
  const loc = await loadLocation(deps.db, org.id, locationId);
  const [providers, ratings] = await Promise.all([publicProviders(deps, org.id), ratingsBy(deps.db, org.id, 'location_id')]);
  return {
    organization: { name: org.name, slug: org.slug },
    location: { id: loc.id, name: loc.name, address: loc.address, phone: loc.phone, state: loc.state, timeZone: loc.time_zone, rating: ratings.get(loc.id) ?? NO_RATING },
    providers: providers.flatMap((p) => {
      const here = p.locations.find((l) => l.id === loc.id);
      if (!here) return [];
      return [{ id: p.id, name: p.name, title: p.title, licenceType: p.licenceType, licenceState: p.licenceState, credentials: p.credentials, yearsExperience: p.yearsExperience, services: here.services, rating: p.rating }];
    }),
  };
}
