import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, jsonBody, Paging, TextParam, UuidParam } from '../schemas/common.schema.js';
import { listReviewable } from '../../services/reviews/list-reviewable.js';
import { submitReview, submitReviewInput } from '../../services/reviews/submit-review.js';
import { listReviews } from '../../services/reviews/list-reviews.js';
import { moderateReview, moderateReviewInput } from '../../services/reviews/moderate-review.js';
import { getProviderProfile } from '../../services/reviews/get-provider-profile.js';
import { providerProfileInput, updateProviderProfile } from '../../services/reviews/update-provider-profile.js';
import { getPublicOrganization } from '../../services/reviews/get-public-organization.js';
import { getPublicLocation } from '../../services/reviews/get-public-location.js';
import { getPublicProvider } from '../../services/reviews/get-public-provider.js';
import {
  ClientReview, ClientReviewList, ProviderProfile, PublicLocationPage, PublicOrganizationPage, PublicProviderPage, ReviewableVisits, SubmittedClientReview,
} from '../../services/reviews/reviews.schema.js';

// '/api/reviews' is the screening review queue: client reviews live under '/api/client-reviews'.
const tags = ['Client reviews'];
const MODERATORS = ['owner', 'medical_director', 'front_desk'] as const;
const conflict = { 409: errorResponses[404] };
const userParam = TextParam('userId', 64);
const slugParam = TextParam('slug', 100);

const reviewable = defineRoute('signed_in', {
  operationId: 'listReviewableVisits', method: 'get', path: '/api/clients/{clientId}/reviewable', tags, summary: 'Completed visits the client may review now',
  request: { params: z.object({ clientId: UuidParam('clientId') }) },
  responses: { 200: json(ReviewableVisits, 'Reviewable visits'), ...errorResponses },
});
const submit = defineRoute(['client'], {
  operationId: 'submitClientReview', method: 'post', path: '/api/client-reviews', tags, summary: 'Review a completed visit (a week after it, or once the day-7 check-in is answered); the clinic publishes it after a check',
  request: { body: jsonBody(submitReviewInput.openapi('NewClientReview')) },
  responses: { 201: json(SubmittedClientReview, 'Waiting for moderation'), ...conflict, ...errorResponses },
});
const list = defineRoute(MODERATORS, {
  operationId: 'listClientReviews', method: 'get', path: '/api/client-reviews', tags, summary: 'Client reviews of one status, newest first, with client names (for moderation)',
  request: { query: Paging.extend({ status: z.enum(['pending', 'published', 'hidden']).default('pending') }) },
  responses: { 200: json(ClientReviewList, 'Reviews'), ...errorResponses },
});
const moderate = defineRoute(MODERATORS, {
  operationId: 'moderateClientReview', method: 'post', path: '/api/client-reviews/{reviewId}/moderate', tags, summary: 'Publish, hide with a reason, or reply in public',
  request: { params: z.object({ reviewId: UuidParam('reviewId') }), body: jsonBody(moderateReviewInput.openapi('ReviewModeration')) },
  responses: { 200: json(ClientReview, 'Moderated'), ...conflict, ...errorResponses },
});
const PROFILE_ROLES = ['owner', 'medical_director', 'provider'] as const;
const getProfile = defineRoute(PROFILE_ROLES, {
  operationId: 'getProviderProfile', method: 'get', path: '/api/providers/{userId}/profile', tags, summary: "A clinician's public profile (the clinician, the owner or the medical director)",
  request: { params: z.object({ userId: userParam }) }, responses: { 200: json(ProviderProfile, 'Profile'), ...errorResponses },
});
const putProfile = defineRoute(PROFILE_ROLES, {
  operationId: 'updateProviderProfile', method: 'put', path: '/api/providers/{userId}/profile', tags, summary: 'Edit bio, year practice began and whether it is published (the clinician, the owner or the medical director)',
  request: { params: z.object({ userId: userParam }), body: jsonBody(providerProfileInput.openapi('ProviderProfileInput')) },
  responses: { 200: json(ProviderProfile, 'Saved'), ...errorResponses },
});
const publicOrg = defineRoute('public', {
  operationId: 'getPublicOrganizationPage', method: 'get', path: '/api/public/organizations/{slug}', tags, summary: "A MedSpa's public page: locations and their ratings",
  request: { params: z.object({ slug: slugParam }) },
  responses: { 200: json(PublicOrganizationPage, 'Organization'), ...errorResponses },
});
const publicLocation = defineRoute('public', {
  operationId: 'getPublicLocationPage', method: 'get', path: '/api/public/organizations/{slug}/locations/{locationId}', tags, summary: 'A location with its clinicians: licence, credentials, experience, services and ratings',
  request: { params: z.object({ slug: slugParam, locationId: UuidParam('locationId') }) },
  responses: { 200: json(PublicLocationPage, 'Location'), ...errorResponses },
});
const publicProvider = defineRoute('public', {
  operationId: 'getPublicProviderPage', method: 'get', path: '/api/public/organizations/{slug}/providers/{userId}', tags, summary: "A clinician's public profile with published reviews and replies, 20 a page",
  request: { params: z.object({ slug: slugParam, userId: userParam }), query: z.object({ offset: z.coerce.number().int().min(0).max(100_000).default(0) }) },
  responses: { 200: json(PublicProviderPage, 'Provider'), ...errorResponses },
});

export function reviewRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(reviewable, async (c) => c.json(await listReviewable(ctxOf(c), c.req.valid('param').clientId), 200));
  app.openapi(submit, async (c) => c.json(await submitReview(ctxOf(c), c.req.valid('json')), 201));
  app.openapi(list, async (c) => c.json(await listReviews(ctxOf(c), c.req.valid('query')), 200));
  app.openapi(moderate, async (c) => c.json(await moderateReview(ctxOf(c), c.req.valid('param').reviewId, c.req.valid('json')), 200));
  app.openapi(getProfile, async (c) => c.json(await getProviderProfile(ctxOf(c), c.req.valid('param').userId), 200));
  app.openapi(putProfile, async (c) => c.json(await updateProviderProfile(ctxOf(c), c.req.valid('param').userId, c.req.valid('json')), 200));
  // public: no principal, the services name the organization by its slug
  app.openapi(publicOrg, async (c) => c.json(await getPublicOrganization(c.get('deps'), c.req.valid('param').slug), 200));
  app.openapi(publicLocation, async (c) => {
    const p = c.req.valid('param');
    return c.json(await getPublicLocation(c.get('deps'), p.slug, p.locationId), 200);
  });
  app.openapi(publicProvider, async (c) => {
    const p = c.req.valid('param');
    return c.json(await getPublicProvider(c.get('deps'), p.slug, p.userId, c.req.valid('query')), 200);
  });
}
