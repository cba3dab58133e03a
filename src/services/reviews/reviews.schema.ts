// The shapes the client-review routes and the public clinic pages answer with. The services return
// these types, so what the OpenAPI document promises cannot drift from what is sent.
import { z } from 'zod';

const isoDateTime = (what: string) => z.iso.datetime().describe(`${what} (ISO 8601 date-time, UTC)`);
const isoDay = (what: string) => z.iso.date().describe(`${what} (ISO 8601 date)`);
const ReviewStatus = z.enum(['pending', 'published', 'hidden']);
const PROVIDER_ID = 'u_7Hk2pQ9xL4mN';
const LOCATION_ID = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

export const Rating = z
  .object({ average: z.number().nullable().describe('average of published reviews, to one decimal; null with none'), count: z.number().int() })
  .meta({ id: 'Rating', description: 'The average and number of published reviews', example: { average: 4.7, count: 23 } });

export const ReviewableVisits = z
  .object({
    items: z.array(z.object({ bookingId: z.uuid(), date: isoDateTime('When the visit started'), serviceName: z.string(), providerName: z.string(), locationName: z.string() })),
  })
  .meta({
    id: 'ReviewableVisits',
    description: 'Completed visits the client may review now',
    example: { items: [{ bookingId: 'c4d5e6f7-0819-4a2b-9c3d-4e5f60718293', date: '2026-11-20T16:00:00.000Z', serviceName: 'Microneedling', providerName: 'Dana Reyes, NP', locationName: 'Downtown' }] },
  });
export type ReviewableVisitsView = z.output<typeof ReviewableVisits>;

export const SubmittedClientReview = z
  .object({
    id: z.uuid(),
    bookingId: z.uuid(),
    status: ReviewStatus,
    rating: z.number().int().min(1).max(5),
    body: z.string(),
    displayName: z.string().describe('how the client is named in public: first name and initial, or Anonymous'),
    createdAt: isoDateTime('When it was written'),
  })
  .meta({
    id: 'SubmittedClientReview',
    description: "The client's own review, waiting for the clinic to publish it",
    example: { id: '2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901', bookingId: 'c4d5e6f7-0819-4a2b-9c3d-4e5f60718293', status: 'pending', rating: 5, body: 'Lovely results.', displayName: 'Maria G.', createdAt: '2026-11-28T09:30:00.000Z' },
  });
export type SubmittedClientReviewView = z.output<typeof SubmittedClientReview>;

export const ClientReview = z
  .object({
    id: z.uuid(),
    bookingId: z.uuid(),
    clientId: z.uuid(),
    clientName: z.string(),
    providerUserId: z.string(),
    providerName: z.string(),
    locationName: z.string(),
    serviceName: z.string(),
    visitDate: isoDateTime('When the visit started'),
    rating: z.number().int().min(1).max(5),
    body: z.string(),
    displayName: z.string(),
    status: ReviewStatus,
    hiddenReason: z.string().nullable().describe('why staff hid it (never public)'),
    reply: z.string().nullable().describe("the clinic's public reply"),
    repliedAt: isoDateTime('When the reply was written').nullable(),
    moderatedAt: isoDateTime('When it was last published, hidden or replied to').nullable(),
    createdAt: isoDateTime('When it was written'),
  })
  .meta({
    id: 'ClientReview',
    description: 'A client review as staff see it: with the client, provider, location and service',
    example: {
      id: '2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901', bookingId: 'c4d5e6f7-0819-4a2b-9c3d-4e5f60718293', clientId: '0b5c2d7e-1f3a-4b6c-8d9e-a0b1c2d3e4f5', clientName: 'Maria Garcia',
      providerUserId: PROVIDER_ID, providerName: 'Dana Reyes, NP', locationName: 'Downtown', serviceName: 'Microneedling', visitDate: '2026-11-20T16:00:00.000Z', rating: 5,
      body: 'Lovely results.', displayName: 'Maria G.', status: 'published', hiddenReason: null, reply: 'Thank you, Maria!', repliedAt: '2026-11-29T10:00:00.000Z',
      moderatedAt: '2026-11-29T10:00:00.000Z', createdAt: '2026-11-28T09:30:00.000Z',
    },
  });
export type ClientReviewView = z.output<typeof ClientReview>;

export const ClientReviewList = z
  .object({ items: z.array(ClientReview), total: z.number().int().describe('reviews of this status in all') })
  .meta({ id: 'ClientReviewList', description: 'Client reviews of one status, newest first', example: { items: [], total: 0 } });
export type ClientReviewListView = z.output<typeof ClientReviewList>;

export const ProviderProfile = z
  .object({
    userId: z.string(),
    name: z.string(),
    bio: z.string(),
    practisingSince: z.number().int().nullable().describe('the year practice began'),
    published: z.boolean(),
    updatedAt: isoDateTime('Last edit').nullable().describe('null until first edited'),
  })
  .meta({
    id: 'ProviderProfile',
    description: "A clinician's public profile, for editing",
    example: { userId: PROVIDER_ID, name: 'Dana Reyes, NP', bio: 'Ten years in aesthetic medicine.', practisingSince: 2016, published: true, updatedAt: '2026-10-01T12:00:00.000Z' },
  });
export type ProviderProfileView = z.output<typeof ProviderProfile>;

const OrganizationRef = z.object({ name: z.string(), slug: z.string() });

export const PublicOrganizationPage = z
  .object({
    name: z.string(),
    slug: z.string(),
    locations: z.array(z.object({ id: z.uuid(), name: z.string(), address: z.string(), state: z.string(), timeZone: z.string().describe('IANA time zone'), rating: Rating })),
  })
  .meta({
    id: 'PublicOrganizationPage',
    description: "A MedSpa's public page: its locations and their ratings",
    example: { name: 'Glow MedSpa', slug: 'glow', locations: [{ id: LOCATION_ID, name: 'Downtown', address: '12 Main St, Austin TX', state: 'TX', timeZone: 'America/Chicago', rating: { average: 4.7, count: 23 } }] },
  });
export type PublicOrganizationPageView = z.output<typeof PublicOrganizationPage>;

export const PublicProvider = z
  .object({
    id: z.string().describe('the user id'),
    name: z.string(),
    title: z.string(),
    bio: z.string(),
    licenceType: z.string().nullable().describe('a label, never the licence number'),
    licenceState: z.string().nullable(),
    credentials: z.array(z.string()).describe('names of current credentials'),
    yearsExperience: z.number().int().nullable(),
    rating: Rating,
    locations: z.array(z.object({ id: z.uuid(), name: z.string(), services: z.array(z.string()).describe('services they may perform there') })).describe('where they have hours'),
  })
  .meta({
    id: 'PublicProvider',
    description: 'A clinician as the public pages show them',
    example: {
      id: PROVIDER_ID, name: 'Dana Reyes', title: 'Nurse practitioner', bio: 'Ten years in aesthetic medicine.', licenceType: 'Nurse practitioner', licenceState: 'TX',
      credentials: ['Laser safety'], yearsExperience: 10, rating: { average: 4.8, count: 12 }, locations: [{ id: LOCATION_ID, name: 'Downtown', services: ['Microneedling'] }],
    },
  });
export type PublicProviderView = z.output<typeof PublicProvider>;

export const PublicLocationPage = z
  .object({
    organization: OrganizationRef,
    location: z.object({ id: z.uuid(), name: z.string(), address: z.string(), phone: z.string(), state: z.string(), timeZone: z.string().describe('IANA time zone'), rating: Rating }),
    providers: z.array(
      PublicProvider.pick({ id: true, name: true, title: true, licenceType: true, licenceState: true, credentials: true, yearsExperience: true, rating: true }).extend({
        services: z.array(z.string()).describe('services they may perform at this location'),
      }),
    ),
  })
  .meta({
    id: 'PublicLocationPage',
    description: 'A location with its clinicians: licence, credentials, experience, services and ratings',
    example: {
      organization: { name: 'Glow MedSpa', slug: 'glow' },
      location: { id: LOCATION_ID, name: 'Downtown', address: '12 Main St, Austin TX', phone: '+1 512 555 0100', state: 'TX', timeZone: 'America/Chicago', rating: { average: 4.7, count: 23 } },
      providers: [],
    },
  });
export type PublicLocationPageView = z.output<typeof PublicLocationPage>;

export const PublicProviderPage = z
  .object({
    organization: OrganizationRef,
    provider: PublicProvider,
    reviews: z.object({
      items: z.array(
        z.object({
          id: z.uuid(),
          rating: z.number().int().min(1).max(5),
          body: z.string(),
          displayName: z.string(),
          date: isoDay('When it was written'),
          reply: z.object({ text: z.string(), date: isoDay('When the clinic replied').nullable() }).nullable(),
        }),
      ),
      total: z.number().int(),
      limit: z.number().int(),
      offset: z.number().int(),
    }),
  })
  .meta({
    id: 'PublicProviderPage',
    description: "A clinician's public page with published reviews and replies, 20 a page",
    example: {
      organization: { name: 'Glow MedSpa', slug: 'glow' },
      provider: {
        id: PROVIDER_ID, name: 'Dana Reyes', title: 'Nurse practitioner', bio: '', licenceType: 'Nurse practitioner', licenceState: 'TX', credentials: [], yearsExperience: 10,
        rating: { average: 5, count: 1 }, locations: [],
      },
      reviews: { items: [{ id: '2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901', rating: 5, body: 'Lovely results.', displayName: 'Maria G.', date: '2026-11-28', reply: null }], total: 1, limit: 20, offset: 0 },
    },
  });
export type PublicProviderPageView = z.output<typeof PublicProviderPage>;
