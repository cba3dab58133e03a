import { z } from 'zod';
import { personName, token } from '../../domain/shared/input.js';
import type { Db } from '../../db/connect.js';
import { findInvitationByTokenHash, markAccepted } from '../../db/repositories/invitations.repository.js';
import { insertMembership } from '../../db/repositories/memberships.repository.js';
import { appendAudit } from '../audit/record-audit-event.js';
import type { RequestMeta } from '../context.js';
import { AppError } from '../errors.js';
import type { IdentityPort } from '../ports.js';
import { hashToken } from './invite-staff.js';
import { assertStrongPassword } from './password-policy.js';

export const acceptInvitationInput = z.strictObject({
  token: token({ min: 20, max: 200 }),
  name: personName({ max: 200 }),
  password: z.string().min(10, 'at least 10 characters').max(128),
});

const expired = () => new AppError('validation', 'This invitation link is not valid or has expired. Ask the clinic to send a new one.', [{ path: 'token', message: 'The link is not valid or has expired' }]);

/**
 * The invitation is for one email address: the account created is that address's, and it is
 * marked verified (the link reached that mailbox). When the address already has an account, the
 * password of that account is required, so a leaked link cannot attach a role to someone else's
 * account or create a second identity.
 */
export async function acceptInvitation(deps: { db: Db; identity: IdentityPort; now: () => Date; meta: RequestMeta }, input: z.infer<typeof acceptInvitationInput>) {
  const inv = await findInvitationByTokenHash(deps.db, hashToken(input.token));
  if (!inv || inv.accepted_at || new Date(inv.expires_at) <= deps.now()) throw expired();
  const existing = await deps.db.selectFrom('users').select('id').where('email', '=', inv.email).executeTakeFirst();
  if (existing && !(await deps.identity.verifyPassword(existing.id, input.password))) {
    throw new AppError('validation', `${inv.email} already has a Dermis account: enter that account's password to join.`, [
      { path: 'password', message: `Enter the password of your existing account (${inv.email})` },
    ]);
  }
  if (!existing) assertStrongPassword(input.password, [inv.email, input.name]);
  const userId = existing?.id ?? (await deps.identity.createUser({ name: input.name, email: inv.email, password: input.password })).userId;
  return deps.db.transaction().execute(async (trx) => {
    // re-read under lock: two clicks on the same link accept once
    const locked = await findInvitationByTokenHash(trx, hashToken(input.token));
    if (!locked || locked.accepted_at) throw expired();
    await insertMembership(trx, { organization_id: inv.organization_id, user_id: userId, role: inv.role });
    await markAccepted(trx, inv.organization_id, inv.id, deps.now());
    await trx.updateTable('users').set({ email_verified: true }).where('id', '=', userId).execute();
    await appendAudit(
      trx,
      { organizationId: inv.organization_id, userId, role: inv.role, requestId: deps.meta.requestId, ip: deps.meta.ip },
      { action: 'invitation.accept', entityType: 'invitation', entityId: inv.id, details: { role: inv.role, existingAccount: Boolean(existing) } },
      deps.now(),
    );
    return { userId, organizationId: inv.organization_id, role: inv.role, email: inv.email };
  });
}
