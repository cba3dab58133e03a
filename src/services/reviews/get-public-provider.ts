import { notFound } from '../errors.js';
import { findPublicOrganization, publicProviders, type PublicDeps } from './public-directory.js';
import type { PublicProviderPageView } from './reviews.schema.js';

export const PUBLIC_REVIEWS_PAGE = 20;

/** A clinician's public page: profile, credentials, services and published reviews with replies. */
export async function getPublicProvider(deps: PublicDeps, slug: string, userId: string, page: { offset: number }): Promise<PublicProviderPageView> {
  const org = await findPublicOrganization(deps.db, slug);
  const [provider] = await publicProviders(deps, org.id, userId);
  if (!provider) throw notFound('provider');
  const published = deps.db.selectFrom('reviews').where('organization_id', '=', org.id).where('provider_user_id', '=', provider.id).where('status', '=', 'published');
  const rows = await published
    .select(['id', 'rating', 'body', 'display_name', 'created_at', 'reply', 'replied_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(PUBLIC_REVIEWS_PAGE)
    .offset(page.offset)
    .execute();
  return {
    organization: { name: org.name, slug: org.slug },
    provider,
    reviews: {
      // the public never sees the client behind a review: a display name and a date only
      items: rows.map((r) => ({
        id: r.id,
        rating: r.rating,
        body: r.body,
        displayName: r.display_name,
        date: new Date(r.created_at).toISOString().slice(0, 10),
        reply: r.reply ? { text: r.reply, date: r.replied_at ? new Date(r.replied_at).toISOString().slice(0, 10) : null } : null,
      })),
      total: provider.rating.count,
      limit: PUBLIC_REVIEWS_PAGE,
      offset: page.offset,
    },
  };
}
