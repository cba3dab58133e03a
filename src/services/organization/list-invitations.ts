import { listInvitations as listRows } from '../../db/repositories/invitations.repository.js';
import type { Ctx } from '../context.js';

export async function listInvitations(ctx: Ctx) {
  const rows = await listRows(ctx.db, ctx.principal.organizationId);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    expiresAt: new Date(r.expires_at).toISOString(),
    acceptedAt: r.accepted_at ? new Date(r.accepted_at).toISOString() : null,
    createdAt: r.created_at.toISOString(),
  }));
}
