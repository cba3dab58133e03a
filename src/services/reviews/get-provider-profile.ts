import type { Ctx } from '../context.js';
import { loadProfileOwner, profileOf } from './provider-profile-access.js';

/** The public profile of a clinician, for editing. */
export async function getProviderProfile(ctx: Ctx, userId: string) {
  const m = await loadProfileOwner(ctx.db, ctx, userId);
  return profileOf(ctx.db, ctx.principal.organizationId, m.user_id, m.name);
}
