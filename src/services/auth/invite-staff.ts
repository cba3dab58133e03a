import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { insertInvitation } from '../../db/repositories/invitations.repository.js';
import { findOrganization } from '../../db/repositories/organizations.repository.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { enqueueMessage, SECRET_LINK, sealLink } from '../outbox/enqueue-message.js';
import type { SecretBox } from '../ports.js';

export const inviteStaffInput = z.strictObject({
  email: z.email().max(254),
  role: z.enum(['owner', 'medical_director', 'provider', 'front_desk']),
});

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** short-lived: an unused invitation is a standing key to the clinic */
export const INVITE_HOURS = 72;

/**
 * Only the token's hash is stored, and the link in the queued email is sealed until delivery:
 * nobody who can read the outbox can accept an invitation meant for someone else.
 */
export async function inviteStaff(ctx: Ctx, input: z.infer<typeof inviteStaffInput>, out: { publicUrl: string; secrets: SecretBox }) {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const expires = new Date(now.getTime() + INVITE_HOURS * 3_600_000);
  return ctx.db.transaction().execute(async (trx) => {
    const org = await findOrganization(trx, ctx.principal.organizationId);
    const inv = await insertInvitation(trx, {
      organization_id: ctx.principal.organizationId,
      email: input.email.toLowerCase(),
      role: input.role,
      token_hash: hashToken(token),
      invited_by: ctx.principal.userId,
      expires_at: expires,
    });
    await enqueueMessage(trx, {
      organizationId: ctx.principal.organizationId,
      channel: 'email',
      kind: 'staff_invitation',
      to: input.email,
      subject: `You are invited to ${org?.name ?? 'Dermis'}`,
      text:
        `${ctx.principal.name} invited you to join ${org?.name ?? 'a MedSpa'} on Dermis as ${input.role.replace('_', ' ')}.\n\n` +
        `Accept within ${INVITE_HOURS / 24} days: ${SECRET_LINK}\n\nThe link works once, for ${input.email.toLowerCase()} only.\n`,
      ...sealLink(out.secrets, `${out.publicUrl}/accept-invite?token=${token}`),
    });
    await recordAudit(trx, ctx, { action: 'invitation.create', entityType: 'invitation', entityId: inv.id, details: { role: input.role } });
    return { id: inv.id, email: input.email.toLowerCase(), role: input.role, expiresAt: expires.toISOString() };
  });
}
