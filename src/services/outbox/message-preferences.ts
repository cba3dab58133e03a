import { z } from 'zod';
import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { loadClient } from '../clients/load-client.js';
import type { ClientMessageView, MessagePreferencesView } from './message.schema.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM');
export const preferencesInput = z.strictObject({ email: z.boolean(), sms: z.boolean(), quietStart: hhmm, quietEnd: hhmm });

export async function getPreferences(ctx: Ctx, clientId: string): Promise<MessagePreferencesView> {
  const client = await loadClient(ctx.db, ctx, clientId);
  const p = await ctx.db.selectFrom('message_preferences').selectAll().where('organization_id', '=', ctx.principal.organizationId).where('client_id', '=', client.id).executeTakeFirst();
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'message_preferences.read', entityType: 'client', entityId: client.id, clientId: client.id }));
  return { email: p?.email ?? true, sms: p?.sms ?? false, quietStart: p?.quiet_start ?? '21:00', quietEnd: p?.quiet_end ?? '08:00' };
}

/** The client's channels (opt in or out of each) and quiet hours; equal times mean none. */
export async function putPreferences(ctx: Ctx, clientId: string, input: z.infer<typeof preferencesInput>): Promise<MessagePreferencesView> {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClient(trx, ctx, clientId);
    const row = { organization_id: ctx.principal.organizationId, client_id: client.id, email: input.email, sms: input.sms, quiet_start: input.quietStart, quiet_end: input.quietEnd };
    await trx
      .insertInto('message_preferences')
      .values(row)
      .onConflict((oc) => oc.columns(['organization_id', 'client_id']).doUpdateSet({ email: row.email, sms: row.sms, quiet_start: row.quiet_start, quiet_end: row.quiet_end, updated_at: sql`now()` }))
      .execute();
    await recordAudit(trx, ctx, { action: 'message_preferences.update', entityType: 'client', entityId: client.id, clientId: client.id, details: { email: input.email, sms: input.sms } });
    return input;
  });
}

/** What was sent to the client, when, on which channel (subjects only: bodies may hold health data). */
export async function clientMessages(ctx: Ctx, clientId: string): Promise<ClientMessageView[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClient(trx, ctx, clientId);
    const rows = await trx
      .selectFrom('outbox_messages')
      .select(['id', 'channel', 'kind', 'subject', 'status', 'send_after', 'sent_at', 'created_at'])
      .where('organization_id', '=', ctx.principal.organizationId)
      .where('client_id', '=', client.id)
      .orderBy('send_after', 'desc')
      .limit(200)
      .execute();
    await recordAudit(trx, ctx, { action: 'message.list', entityType: 'client', entityId: client.id, clientId: client.id });
    return rows.map((r) => ({ id: r.id, channel: r.channel, kind: r.kind, subject: r.subject, status: r.status, sendAfter: new Date(r.send_after).toISOString(), sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null }));
  });
}
