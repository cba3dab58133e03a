import { z } from 'zod';
import { text } from '../../domain/shared/input.js';
import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { invalid } from '../errors.js';
import { loadProfileOwner, profileOf } from './provider-profile-access.js';

export const providerProfileInput = z.strictObject({
  bio: text({ min: 0, max: 1500 }),
  practisingSince: z.number().int().min(1950).max(2100).nullable(),
  published: z.boolean(),
});

/** Bio, the year practice began and whether the profile shows on the public pages. */
export async function updateProviderProfile(ctx: Ctx, userId: string, input: z.infer<typeof providerProfileInput>) {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const m = await loadProfileOwner(trx, ctx, userId);
    if (input.practisingSince !== null && input.practisingSince > ctx.now().getUTCFullYear()) throw invalid('practisingSince', 'a year in the future');
    const values = { bio: input.bio, practising_since: input.practisingSince, published: input.published };
    await trx
      .insertInto('provider_profiles')
      .values({ organization_id: org, user_id: m.user_id, ...values })
      .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doUpdateSet({ ...values, updated_at: sql`now()` }))
      .execute();
    await recordAudit(trx, ctx, { action: 'provider_profile.update', entityType: 'provider_profile', entityId: m.user_id, details: { published: input.published, practisingSince: input.practisingSince } });
    return profileOf(trx, org, m.user_id, m.name);
  });
}
