import type { Db } from '../../db/connect.js';
import { membershipsOfUser } from '../../db/repositories/memberships.repository.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import { appendAudit } from '../audit/record-audit-event.js';

/** Password reset links go through the outbox of the user's organization, like every other email. */
export async function enqueuePasswordReset(db: Db, input: { userId: string; email: string; url: string }) {
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
        `Choose a new password within an hour: ${input.url}\n\nIf it was not you, ignore this email; your password stays the same.\n`,
    });
    await appendAudit(trx, { organizationId: m.organization_id, userId: input.userId, role: m.role, requestId: null, ip: null }, { action: 'auth.password_reset_requested', entityType: 'user', entityId: input.userId }, new Date());
  });
}
