import type { Db } from '../../db/connect.js';
import { findMemberOfRoles } from '../../db/repositories/memberships.repository.js';
import type { Ctx } from '../context.js';
import { forbidden, notFound } from '../errors.js';
import type { ProviderProfileView } from './reviews.schema.js';

/**
 * A clinician's profile is edited by the clinician, the owner, or the medical director (who
 * supervises the clinicians). Another provider is refused. Someone not in the organization, or not
 * a provider or medical director, is not found.
 */
export async function loadProfileOwner(trx: Db, ctx: Ctx, userId: string) {
  const m = await findMemberOfRoles(trx, ctx.principal.organizationId, userId, ['provider', 'medical_director']);
  if (!m) throw notFound('provider');
  const supervisor = ctx.principal.role === 'owner' || ctx.principal.role === 'medical_director';
  if (!supervisor && ctx.principal.userId !== userId) throw forbidden('only the clinician, the owner or the medical director edits this profile', 'own_profile_only');
  return m;
}

export async function profileOf(trx: Db, organizationId: string, userId: string, name: string): Promise<ProviderProfileView> {
  const p = await trx.selectFrom('provider_profiles').selectAll().where('organization_id', '=', organizationId).where('user_id', '=', userId).executeTakeFirst();
  // no row yet: the defaults of the table (published, empty bio)
  return { userId, name, bio: p?.bio ?? '', practisingSince: p?.practising_since ?? null, published: p?.published ?? true, updatedAt: p ? new Date(p.updated_at).toISOString() : null };
}
