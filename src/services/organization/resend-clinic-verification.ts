import type { Db } from '../../db/connect.js';
import { findOrganization } from '../../db/repositories/organizations.repository.js';
import type { Principal } from '../context.js';
import { AppError } from '../errors.js';
import { startClinicVerification, type VerificationDeps } from './clinic-verification.js';

/** A signed-in owner who has not confirmed their email asks for a new link (the old ones stop working). */
export async function resendClinicVerification(deps: VerificationDeps & { db: Db }, p: Principal) {
  if (p.emailVerified) throw new AppError('conflict', 'Your email address is already confirmed.');
  return deps.db.transaction().execute(async (trx) => {
    const pending = await trx
      .selectFrom('clinic_signups')
      .select('id')
      .where('organization_id', '=', p.organizationId)
      .where('user_id', '=', p.userId)
      .where('verified_at', 'is', null)
      .execute();
    if (pending.length === 0) throw new AppError('not_found', 'No sign-up is waiting for confirmation.');
    // one link at a time: older links expire now
    await trx.updateTable('clinic_signups').set({ expires_at: deps.now() }).where('organization_id', '=', p.organizationId).where('user_id', '=', p.userId).where('verified_at', 'is', null).execute();
    const org = await findOrganization(trx, p.organizationId);
    await startClinicVerification(trx, deps, { organizationId: p.organizationId, organizationName: org?.name ?? 'your clinic', userId: p.userId, email: p.email, ownerName: p.name });
    return { email: p.email };
  });
}
