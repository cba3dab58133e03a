import type { Db } from '../../db/connect.js';
import { findOrganization } from '../../db/repositories/organizations.repository.js';
import type { Principal, RequestMeta } from '../context.js';
import { AppError } from '../errors.js';
import type { SecretBox } from '../ports.js';
import { startVerification } from './register-client.js';

/** A signed-in client who has not confirmed their email asks for a new link (the old ones stop working). */
export async function resendVerification(deps: { db: Db; secrets: SecretBox; publicUrl: string; now: () => Date; meta: RequestMeta }, p: Principal) {
  if (p.role !== 'client' || p.emailVerified) throw new AppError('conflict', 'Your email address is already confirmed.');
  return deps.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('client_signups')
      .selectAll()
      .where('organization_id', '=', p.organizationId)
      .where('user_id', '=', p.userId)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (!last) throw new AppError('not_found', 'No registration is waiting for confirmation.');
    // one link at a time: older links expire now
    await trx.updateTable('client_signups').set({ expires_at: deps.now() }).where('organization_id', '=', p.organizationId).where('user_id', '=', p.userId).where('verified_at', 'is', null).execute();
    const org = await findOrganization(trx, p.organizationId);
    await startVerification(trx, deps, {
      organizationId: p.organizationId,
      organizationName: org?.name ?? 'your MedSpa',
      userId: p.userId,
      email: p.email,
      input: { firstName: last.first_name, lastName: last.last_name, phone: last.phone ?? undefined, dateOfBirth: last.date_of_birth ?? undefined },
    });
    return { email: p.email };
  });
}
