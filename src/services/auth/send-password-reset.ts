import type { Db } from '../../db/connect.js';
import { membershipsOfUser } from '../../db/repositories/memberships.repository.js';
import { enqueueMessage, SECRET_LINK, sealLink } from '../outbox/enqueue-message.js';
import { appendAudit } from '../audit/record-audit-event.js';
import type { SecretBox } from '../ports.js';

/**
 * Password reset links go through the outbox of the user's organization, like every other email,
 * with the link sealed: staff who can read the outbox never see it.
 */
export async function enqueuePasswordReset(db: Db, secrets: SecretBox, input: { userId: string; email: string; url: string }) {
  const [m] = await membershipsOfUser(db, input.userId);
  if (!m) return; // an identity with no organization has nowhere to send from
  await db.transaction().execute(async (trx) => {
    await enqueueMessage(trx, {
      organizationId: m.organization_id,
      channel: 'email',
      kind: 'password_reset',
      to: input.email,
      subject: `Reset your ${m.organization_name} password`,
      text:
        `Someone asked to reset the password of your ${m.organization_name} account.\n\n` +
        `Choose a new password within an hour: ${SECRET_LINK}\n\nIf it was not you, ignore this email; your password stays the same.\n`,
      ...sealLink(secrets, input.url),
    });
    await appendAudit(trx, { organizationId: m.organization_id, userId: input.userId, role: m.role, requestId: null, ip: null }, { action: 'auth.password_reset_requested', entityType: 'user', entityId: input.userId }, new Date());
  });
}

/** The reset itself is on record too (better-auth calls this once the new password is set). */
export async function recordPasswordReset(db: Db, userId: string, now: Date) {
  const [m] = await membershipsOfUser(db, userId);
  if (!m) return;
  await db.transaction().execute((trx) =>
    appendAudit(trx, { organizationId: m.organization_id, userId, role: m.role, requestId: null, ip: null }, { action: 'auth.password_reset', entityType: 'user', entityId: userId }, now),
  );
}
