import { z } from 'zod';
import type { Db } from '../../db/connect.js';
import { findOrganizationBySlug } from '../../db/repositories/organizations.repository.js';
import { findClientByEmail, insertClient, updateClient } from '../../db/repositories/clients.repository.js';
import { insertMembership } from '../../db/repositories/memberships.repository.js';
import { appendAudit } from '../audit/record-audit-event.js';
import { phoneSchema } from '../clients/client-input.js';
import type { IdentityPort } from '../ports.js';
import { AppError, invalid } from '../errors.js';
import type { RequestMeta } from '../context.js';

export const registerClientInput = z.strictObject({
  organizationSlug: z.string().min(2).max(63),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  email: z.email().max(254),
  password: z.string().min(10, 'at least 10 characters').max(128),
  phone: phoneSchema.optional(),
  dateOfBirth: z.iso.date().optional(),
});
export type RegisterClientInput = z.infer<typeof registerClientInput>;

/**
 * Client self-registration. If the front desk already created a client record with this email,
 * the new account is linked to it rather than creating a duplicate.
 */
export async function registerClient(
  deps: { db: Db; identity: IdentityPort; now: () => Date; meta: RequestMeta },
  input: RegisterClientInput,
) {
  const org = await findOrganizationBySlug(deps.db, input.organizationSlug);
  if (!org) throw invalid('organizationSlug', 'no such MedSpa');
  const email = input.email.toLowerCase();
  const existing = await deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) {
    throw new AppError('conflict', 'an account with this email already exists; sign in or reset your password', [
      { path: 'email', message: 'already registered' },
    ]);
  }
  const { userId } = await deps.identity.createUser({ name: `${input.firstName} ${input.lastName}`, email, password: input.password });
  try {
    return await linkAccount(deps, org.id, userId, email, input);
  } catch (err) {
    // Compensate: an identity without a membership would block the email from registering again.
    await deps.db.deleteFrom('users').where('id', '=', userId).execute();
    throw err;
  }
}

async function linkAccount(
  deps: { db: Db; now: () => Date; meta: RequestMeta },
  orgId: string,
  userId: string,
  email: string,
  input: RegisterClientInput,
) {
  const org = { id: orgId };
  return deps.db.transaction().execute(async (trx) => {
    await insertMembership(trx, { organization_id: org.id, user_id: userId, role: 'client' });
    const prior = await findClientByEmail(trx, org.id, email);
    const client =
      prior && !prior.user_id
        ? await updateClient(trx, org.id, prior.id, { user_id: userId, updated_at: deps.now() })
        : await insertClient(trx, {
            organization_id: org.id,
            user_id: userId,
            first_name: input.firstName,
            last_name: input.lastName,
            email,
            phone: input.phone ?? null,
            date_of_birth: input.dateOfBirth ?? null,
            preferred_location_id: null,
          });
    await appendAudit(
      trx,
      { organizationId: org.id, userId, role: 'client', requestId: deps.meta.requestId, ip: deps.meta.ip },
      { action: 'client.register', entityType: 'client', entityId: client!.id, clientId: client!.id, details: { linked: Boolean(prior) } },
      deps.now(),
    );
    return { userId, clientId: client!.id, organizationId: org.id };
  });
}
