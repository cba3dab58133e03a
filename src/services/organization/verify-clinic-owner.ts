import { z } from 'zod';
import type { Db } from '../../db/connect.js';
import { findOrganization } from '../../db/repositories/organizations.repository.js';
import { markEmailVerified } from '../../db/repositories/users.repository.js';
import { token } from '../../domain/shared/input.js';
import { appendAudit } from '../audit/record-audit-event.js';
import { hashToken } from '../auth/invite-staff.js';
import type { RequestMeta } from '../context.js';
import { AppError } from '../errors.js';

export const verifyClinicOwnerInput = z.strictObject({ token: token({ min: 20, max: 200 }) });

const invalidLink = () =>
  new AppError('validation', 'This confirmation link is not valid or has expired. Sign in and ask for a new one.', [{ path: 'token', message: 'The link is not valid or has expired' }]);

/**
 * Step two of clinic sign-up: the link reached the mailbox, so the address is the owner's and the
 * console opens to them (after two-step sign-in is set up). The link works once.
 */
export async function verifyClinicOwner(deps: { db: Db; now: () => Date; meta: RequestMeta }, input: z.infer<typeof verifyClinicOwnerInput>) {
  return deps.db.transaction().execute(async (trx) => {
    const s = await trx.selectFrom('clinic_signups').selectAll().where('token_hash', '=', hashToken(input.token)).forUpdate().executeTakeFirst();
    const now = deps.now();
    if (!s || s.verified_at || new Date(s.expires_at) <= now) throw invalidLink();
    await trx.updateTable('clinic_signups').set({ verified_at: now }).where('organization_id', '=', s.organization_id).where('id', '=', s.id).execute();
    await markEmailVerified(trx, s.user_id, now);
    await appendAudit(
      trx,
      { organizationId: s.organization_id, userId: s.user_id, role: 'owner', requestId: deps.meta.requestId, ip: deps.meta.ip },
      { action: 'organization.owner_verified', entityType: 'clinic_signup', entityId: s.id },
      now,
    );
    const org = await findOrganization(trx, s.organization_id);
    return { organizationName: org!.name, email: s.email };
  });
}
