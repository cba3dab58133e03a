import type { Db } from '../../db/connect.js';
import { membershipsOfUser } from '../../db/repositories/memberships.repository.js';
import { findClientByUser } from '../../db/repositories/clients.repository.js';
import type { Principal } from '../context.js';

/** Roles that see and approve the most sensitive records: two-step sign-in is not optional. */
export const ROLES_REQUIRING_TWO_FACTOR: ReadonlySet<string> = new Set(['owner', 'medical_director']);

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  twoFactorEnabled?: boolean | null | undefined;
  emailVerified?: boolean | null | undefined;
}

/**
 * Maps a signed-in user to one organization and role. A user with several memberships picks one
 * with the X-Dermis-Organization header (slug); otherwise the oldest membership applies.
 */
export async function resolvePrincipal(db: Db, user: SessionUser, orgSlug?: string | null): Promise<Principal | null> {
  const memberships = await membershipsOfUser(db, user.id);
  const m = orgSlug ? memberships.find((x) => x.slug === orgSlug) : memberships[0];
  if (!m) return null;
  const needsTwoFactor = ROLES_REQUIRING_TWO_FACTOR.has(m.role) || (m.role !== 'client' && m.require_staff_two_factor);
  const client = m.role === 'client' ? await findClientByUser(db, m.organization_id, user.id) : undefined;
  return {
    userId: user.id,
    organizationId: m.organization_id,
    role: m.role,
    clientId: client?.id ?? null,
    name: user.name,
    email: user.email,
    twoFactorEnabled: Boolean(user.twoFactorEnabled),
    emailVerified: Boolean(user.emailVerified),
    twoFactorSetupRequired: needsTwoFactor && !user.twoFactorEnabled,
    twoFactorMandatory: needsTwoFactor,
  };
}
