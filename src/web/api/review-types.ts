// Shapes of the client-review and public-directory answers (src/http/routes/reviews.routes.ts).
export interface RatingSummary {
  average: number | null;
  count: number;
}

export interface ReviewableVisit {
  bookingId: string;
  date: string;
  serviceName: string;
  providerName: string;
  locationName: string;
}

export type ReviewStatus = 'pending' | 'published' | 'hidden';

export interface StaffReview {
  id: string;
  clientId: string;
  clientName: string;
  providerName: string;
  locationName: string;
  serviceName: string;
  visitDate: string;
  rating: number;
  body: string;
  displayName: string;
  status: ReviewStatus;
  hiddenReason: string | null;
  reply: string | null;
  repliedAt: string | null;
  createdAt: string;
}

export interface PublicLocationSummary {
  id: string;
  name: string;
  address: string;
  state: string;
  timeZone: string;
  rating: RatingSummary;
}

export interface PublicProviderCard {
  id: string;
  name: string;
  title: string;
  licenceType: string | null;
  licenceState: string | null;
  credentials: string[];
  yearsExperience: number | null;
  services: string[];
  rating: RatingSummary;
}

export interface PublicReview {
  id: string;
  rating: number;
  body: string;
  displayName: string;
  date: string;
  reply: { text: string; date: string | null } | null;
}

export interface PublicProviderPage {
  organization: { name: string; slug: string };
  provider: Omit<PublicProviderCard, 'services'> & { bio: string; locations: { id: string; name: string; services: string[] }[] };
  reviews: { items: PublicReview[]; total: number; limit: number; offset: number };
}

/** '4.5 of 5 (12 reviews)' or 'No reviews yet' */
export const ratingText = (r: RatingSummary) => (r.count ? `${r.average} of 5 (${r.count} ${r.count === 1 ? 'review' : 'reviews'})` : 'No reviews yet');
