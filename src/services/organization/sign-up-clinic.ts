// A new clinic from the public sign-up page: the organization, its first location and the owner's
// membership in one transaction, with the audit event; the owner's identity through the auth
// library (the password hashed there), and a link to confirm the email through the clinic's outbox.
// Until the link is opened the owner sees nothing of the console; until the owner switches online
// booking on, no client finds the clinic (setup-checklist.ts).
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/connect.js';
import { membershipsOfUser, insertMembership } from '../../db/repositories/memberships.repository.js';
import { insertLocation, insertOrganization, slugTaken } from '../../db/repositories/organizations.repository.js';
import { deleteUser, findUserIdByEmail } from '../../db/repositories/users.repository.js';
import { line, personName } from '../../domain/shared/input.js';
import { appendAudit } from '../audit/record-audit-event.js';
import { hitAddress } from '../auth/address-limits.js';
import { assertStrongPassword, PASSWORD_MIN } from '../auth/password-policy.js';
import type { RequestMeta } from '../context.js';
import { AppError } from '../errors.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import type { IdentityPort, SecretBox } from '../ports.js';
import { startClinicVerification } from './clinic-verification.js';
import { locationState, locationTimeZone } from './location.schema.js';

// an empty time zone or state is refused once, as missing (line's own check), not twice
export const signUpClinicInput = z.strictObject({
  clinicName: line({ max: 120 }),
  ownerName: personName({ max: 120 }),
  email: z.email().max(254),
  password: z.string().min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters for the password`).max(128),
  address: line({ max: 300 }),
  locationName: line({ max: 80 }),
  timeZone: locationTimeZone(),
  state: locationState(),
});
export type SignUpClinicInput = z.infer<typeof signUpClinicInput>;

export interface SignUpDeps {
  db: Db;
  identity: IdentityPort;
  secrets: SecretBox;
  publicUrl: string;
  now: () => Date;
  meta: RequestMeta;
}

/** Sign-ups naming one address in an hour: enough for a typo and a retry, too few to flood a mailbox. */
export const SIGN_UPS_PER_EMAIL = 3;
const HOUR_MS = 3_600_000;

/** A slug from the clinic's name ("Glow Skin Studio" -> "glow-skin-studio"), made unique if taken. */
async function freeSlug(db: Db, name: string): Promise<string> {
  const words = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const base = words.slice(0, 50).replace(/-+$/, '') || 'clinic';
  const padded = base.length >= 2 ? base : `${base}-clinic`;
  if (!(await slugTaken(db, padded))) return padded;
  for (;;) {
    const slug = `${padded}-${randomBytes(3).toString('hex')}`;
    if (!(await slugTaken(db, slug))) return slug;
  }
}

/**
 * The answer is the same whether or not the email has an account, as with client registration
 * (decision 0012): an account that exists gets an email saying so, sent from the clinic it belongs
 * to (as a password reset is), and no clinic is made.
 */
export async function signUpClinic(deps: SignUpDeps, input: SignUpClinicInput): Promise<{ email: string }> {
  const email = input.email.toLowerCase();
  const now = deps.now();
  // counted before anything else, for known and unknown addresses alike
  const hit = await hitAddress(deps.db, 'clinic-sign-up-email', email, now, HOUR_MS);
  if (hit.hits > SIGN_UPS_PER_EMAIL) {
    throw new AppError('rate_limited', 'Too many sign-ups with this email address. Check your mailbox for the link we sent, or try again in an hour.');
  }
  assertStrongPassword(input.password, [email, input.ownerName, input.clinicName]);
  const existing = await findUserIdByEmail(deps.db, email);
  if (existing) {
    await tellExistingAccount(deps, existing, email);
    return { email };
  }
  const { userId } = await deps.identity.createUser({ name: input.ownerName, email, password: input.password });
  try {
    await deps.db.transaction().execute(async (trx) => {
      const org = await insertOrganization(trx, { slug: await freeSlug(trx, input.clinicName), name: input.clinicName, online_booking: false, consents_reviewed_at: null });
      const location = await insertLocation(trx, { organization_id: org.id, name: input.locationName, time_zone: input.timeZone, state: input.state, address: input.address });
      await insertMembership(trx, { organization_id: org.id, user_id: userId, role: 'owner', title: 'Owner' });
      await appendAudit(
        trx,
        { organizationId: org.id, userId, role: 'owner', requestId: deps.meta.requestId, ip: deps.meta.ip },
        { action: 'organization.sign_up', entityType: 'organization', entityId: org.id, details: { locationId: location.id, state: input.state, timeZone: input.timeZone } },
        now,
      );
      await startClinicVerification(trx, deps, { organizationId: org.id, organizationName: org.name, userId, email, ownerName: input.ownerName });
    });
  } catch (err) {
    // an identity without its clinic would keep the address from signing up again
    await deleteUser(deps.db, userId);
    throw err;
  }
  return { email };
}

async function tellExistingAccount(deps: SignUpDeps, userId: string, email: string) {
  const [home] = await membershipsOfUser(deps.db, userId);
  if (!home) return; // an identity with no organization has nowhere to send from
  await deps.db.transaction().execute((trx) =>
    enqueueMessage(trx, {
      organizationId: home.organization_id,
      channel: 'email',
      kind: 'account.exists',
      to: email,
      subject: 'Your Dermis account',
      text:
        `Someone, probably you, tried to start a new clinic on Dermis with this email address. It already has a Dermis account, and an account belongs to one clinic.\n\n` +
        `To start a new clinic, sign up with another email address. To use your account, sign in at ${deps.publicUrl}/sign-in, or choose a new password at ${deps.publicUrl}/forgot-password.\n\n` +
        `If it was not you, ignore this email: nothing has changed.\n`,
    }),
  );
}
