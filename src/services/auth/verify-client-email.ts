import { z } from 'zod';
import type { Db } from '../../db/connect.js';
import { findClientByEmail, insertClient, updateClient } from '../../db/repositories/clients.repository.js';
import { appendAudit } from '../audit/record-audit-event.js';
import type { RequestMeta } from '../context.js';
import { AppError } from '../errors.js';
import { hashToken } from './invite-staff.js';

export const verifyEmailInput = z.strictObject({ token: z.string().min(20).max(200) });

const invalidLink = () =>
  new AppError('validation', 'This confirmation link is not valid or has expired. Sign in and ask for a new one.', [{ path: 'token', message: 'The link is not valid or has expired' }]);

/**
 * Step two of registration: the link reached the mailbox, so the address is the registrant's.
 * Only now is the account tied to a client record: the one the clinic already made with this
 * email (if no one else holds it), or a new one. The link works once.
 */
export async function verifyClientEmail(deps: { db: Db; now: () => Date; meta: RequestMeta }, input: z.infer<typeof verifyEmailInput>) {
  return deps.db.transaction().execute(async (trx) => {
    const s = await trx.selectFrom('client_signups').selectAll().where('token_hash', '=', hashToken(input.token)).forUpdate().executeTakeFirst();
    if (!s || s.verified_at || new Date(s.expires_at) <= deps.now()) throw invalidLink();
    const now = deps.now();
    const prior = await findClientByEmail(trx, s.organization_id, s.email);
    const client =
      prior && !prior.user_id
        ? await updateClient(trx, s.organization_id, prior.id, { user_id: s.user_id, updated_at: now })
        : await insertClient(trx, {
            organization_id: s.organization_id,
            user_id: s.user_id,
            first_name: s.first_name,
            last_name: s.last_name,
            email: s.email,
            phone: s.phone,
            date_of_birth: s.date_of_birth,
            preferred_location_id: null,
          });
    await trx.updateTable('client_signups').set({ verified_at: now }).where('organization_id', '=', s.organization_id).where('id', '=', s.id).execute();
    await trx.updateTable('users').set({ email_verified: true, updated_at: now }).where('id', '=', s.user_id).execute();
    await appendAudit(
      trx,
      { organizationId: s.organization_id, userId: s.user_id, role: 'client', requestId: deps.meta.requestId, ip: deps.meta.ip },
      { action: 'client.register', entityType: 'client', entityId: client!.id, clientId: client!.id, details: { linked: Boolean(prior && !prior.user_id) } },
      now,
    );
    return { clientId: client!.id };
  });
}
