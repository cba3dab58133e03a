// The new owner's email confirmation, shared by sign-up and "send a new link": a token stored only as
// its hash, and an email through the clinic's outbox with the link sealed (decision 0012).
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connect.js';
import type { RequestMeta } from '../context.js';
import { appendAudit } from '../audit/record-audit-event.js';
import { hashToken } from '../auth/invite-staff.js';
import { VERIFY_HOURS } from '../auth/register-client.js';
import { enqueueMessage, SECRET_LINK, sealLink } from '../outbox/enqueue-message.js';
import type { SecretBox } from '../ports.js';

export interface VerificationDeps {
  secrets: SecretBox;
  publicUrl: string;
  now: () => Date;
  meta: RequestMeta;
}

export async function startClinicVerification(trx: Db, deps: VerificationDeps, s: { organizationId: string; organizationName: string; userId: string; email: string; ownerName: string }) {
  const token = randomBytes(32).toString('base64url');
  const now = deps.now();
  const row = await trx
    .insertInto('clinic_signups')
    .values({ organization_id: s.organizationId, user_id: s.userId, email: s.email, token_hash: hashToken(token), expires_at: new Date(now.getTime() + VERIFY_HOURS * 3_600_000) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await enqueueMessage(trx, {
    organizationId: s.organizationId,
    channel: 'email',
    kind: 'clinic.verify',
    to: s.email,
    subject: `Confirm your email to set up ${s.organizationName}`,
    text:
      `Welcome to Dermis, ${s.ownerName}.\n\nConfirm this is your email address to open ${s.organizationName}: ${SECRET_LINK}\n\n` +
      `Then sign in: you will set up two-step sign-in and find the set-up checklist.\n\n` +
      `The link works once, for ${VERIFY_HOURS} hours. If you did not sign up, ignore this email.\n`,
    ...sealLink(deps.secrets, `${deps.publicUrl}/start/confirm?token=${token}`),
  });
  await appendAudit(
    trx,
    { organizationId: s.organizationId, userId: s.userId, role: 'owner', requestId: deps.meta.requestId, ip: deps.meta.ip },
    { action: 'organization.owner_verification_sent', entityType: 'clinic_signup', entityId: row.id },
    now,
  );
}
