import { listMessages } from '../../db/repositories/outbox.repository.js';
import type { Ctx } from '../context.js';
import { staffView } from '../outbox/staff-view.js';

/** The outbox as this staff member may see it: secret links and clinical text held back. */
export async function listOutbox(ctx: Ctx, limit = 100) {
  const rows = await listMessages(ctx.db, ctx.principal.organizationId, limit);
  return rows.map((r) => {
    const view = staffView(ctx.principal.role, r);
    return {
      id: r.id,
      channel: r.channel,
      kind: r.kind,
      to: r.to_address,
      subject: view.subject,
      body: view.body,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
    };
  });
}
