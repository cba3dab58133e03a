import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { isoDate, line, personName } from '../../domain/shared/input.js';
import type { Db } from '../../db/connect.js';
import { findOrganizationBySlug } from '../../db/repositories/organizations.repository.js';
import { insertMembership } from '../../db/repositories/memberships.repository.js';
import { appendAudit } from '../audit/record-audit-event.js';
import { phoneSchema } from '../clients/client-input.js';
import type { IdentityPort, SecretBox } from '../ports.js';
import { invalid } from '../errors.js';
import type { RequestMeta } from '../context.js';
import { enqueueMessage, SECRET_LINK, sealLink } from '../outbox/enqueue-message.js';
import { hashToken } from './invite-staff.js';
import { assertStrongPassword } from './password-policy.js';
import { assertDateOfBirth } from '../plausible-dates.js';

export const registerClientInput = z.strictObject({
  organizationSlug: line({ min: 2, max: 63 }),
  firstName: personName({ max: 100 }),
  lastName: personName({ max: 100 }),
  email: z.email().max(254),
  password: z.string().min(10, 'Use at least 10 characters for the password').max(128),
  phone: phoneSchema.optional(),
  dateOfBirth: isoDate().optional(),
});
export type RegisterClientInput = z.infer<typeof registerClientInput>;

export interface RegistrationDeps {
  db: Db;
  identity: IdentityPort;
  secrets: SecretBox;
  publicUrl: string;
  now: () => Date;
  meta: RequestMeta;
}

/** How long a verification link works. */
export const VERIFY_HOURS = 24;

/**
 * Client self-registration, step one. The answer is the same whether or not the email already has
 * an account (nobody learns who is a client), and what happens next is said in an email to that
 * address: a link to confirm it, or, for an existing account, how to sign in. Nothing links the new
 * account to a client record until the link is opened (verify-client-email.ts), so registering
 * with someone else's email reaches none of their records.
 */
export async function registerClient(deps: RegistrationDeps, input: RegisterClientInput): Promise<{ email: string }> {
  const org = await findOrganizationBySlug(deps.db, input.organizationSlug);
  // a clinic not taking online bookings (a new one being set up) is not in the list either
  if (!org || !org.online_booking) throw invalid('organizationSlug', 'Choose a MedSpa from the list');
  assertDateOfBirth(input.dateOfBirth, deps.now());
  const email = input.email.toLowerCase();
  // judged before anything else, so the answer says nothing about whether the email has an account
  assertStrongPassword(input.password, [email, input.firstName, input.lastName]);
  const existing = await deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) {
    await deps.db.transaction().execute((trx) =>
      enqueueMessage(trx, {
        organizationId: org.id,
        channel: 'email',
        kind: 'account.exists',
        to: email,
        subject: `Your ${org.name} account`,
        text:
          `Someone, probably you, tried to create an account at ${org.name} with this email address. You already have one.\n\n` +
          `Sign in at ${deps.publicUrl}/sign-in, or choose a new password at ${deps.publicUrl}/forgot-password.\n\n` +
          `If it was not you, ignore this email: nothing has changed.\n`,
      }),
    );
    return { email };
  }
  const { userId } = await deps.identity.createUser({ name: `${input.firstName} ${input.lastName}`, email, password: input.password });
  try {
    await deps.db.transaction().execute(async (trx) => {
      await insertMembership(trx, { organization_id: org.id, user_id: userId, role: 'client' });
      await startVerification(trx, deps, { organizationId: org.id, organizationName: org.name, userId, email, input });
    });
  } catch (err) {
    // Compensate: an identity without a membership would block the email from registering again.
    await deps.db.deleteFrom('users').where('id', '=', userId).execute();
    throw err;
  }
  return { email };
}

/** Records the registration and queues the confirmation email with its link sealed. */
export async function startVerification(
  trx: Db,
  deps: Pick<RegistrationDeps, 'secrets' | 'publicUrl' | 'now' | 'meta'>,
  s: { organizationId: string; organizationName: string; userId: string; email: string; input: Pick<RegisterClientInput, 'firstName' | 'lastName' | 'phone' | 'dateOfBirth'> },
) {
  const token = randomBytes(32).toString('base64url');
  const now = deps.now();
  const signup = await trx
    .insertInto('client_signups')
    .values({
      organization_id: s.organizationId,
      user_id: s.userId,
      email: s.email,
      first_name: s.input.firstName,
      last_name: s.input.lastName,
      phone: s.input.phone ?? null,
      date_of_birth: s.input.dateOfBirth ?? null,
      token_hash: hashToken(token),
      expires_at: new Date(now.getTime() + VERIFY_HOURS * 3_600_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await enqueueMessage(trx, {
    organizationId: s.organizationId,
    channel: 'email',
    kind: 'account.verify',
    to: s.email,
    subject: `Confirm your email for ${s.organizationName}`,
    text:
      `Welcome, ${s.input.firstName}.\n\nConfirm this is your email address to open your ${s.organizationName} portal: ${SECRET_LINK}\n\n` +
      `The link works once, for ${VERIFY_HOURS} hours. If you did not create an account, ignore this email.\n`,
    ...sealLink(deps.secrets, `${deps.publicUrl}/verify-email?token=${token}`),
  });
  await appendAudit(
    trx,
    { organizationId: s.organizationId, userId: s.userId, role: 'client', requestId: deps.meta.requestId, ip: deps.meta.ip },
    { action: 'client.register_requested', entityType: 'client_signup', entityId: signup.id },
    now,
  );
}
