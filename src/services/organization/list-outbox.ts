import { listMessages } from '../../db/repositories/outbox.repository.js';
import type { Ctx } from '../context.js';

export async function listOutbox(ctx: Ctx, limit = 100) {
  const rows = await listMessages(ctx.db, ctx.principal.organizationId, limit);
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    kind: r.kind,
    to: r.to_address,
    subject: r.subject,
    body: r.body_text,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
  }));
}
