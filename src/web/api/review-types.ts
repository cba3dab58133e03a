// Names for the client-review and public-directory shapes of the generated contract (client.ts).
import type { Schemas } from './client.js';
export type RatingSummary = Schemas['Rating'];

export type ReviewableVisit = Schemas['ReviewableVisits']['items'][number];

export type ReviewStatus = Schemas['ClientReview']['status'];

export type StaffReview = Schemas['ClientReview'];

export type PublicLocationSummary = Schemas['PublicOrganizationPage']['locations'][number];

export type PublicProviderCard = Schemas['PublicProvider'];

export type PublicReview = Schemas['PublicProviderPage']['reviews']['items'][number];

export type PublicProviderPage = Schemas['PublicProviderPage'];

/** '4.5 of 5 (12 reviews)' or 'No reviews yet' */
export const ratingText = (r: RatingSummary) =>
  r.count ? `${r.average} of 5 (${r.count} ${r.count === 1 ? 'review' : 'reviews'})` : 'No reviews yet';
