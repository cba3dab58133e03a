// The owner's recall settings (Settings > Recall): each flow on or off, its delay, channel and text,
// and a preview rendered by the same renderer the job uses. Rows are made with the defaults on the
// first read, so every clinic has all four flows to look at.
import type { Db } from '../../db/connect.js';
import { findOrganization } from '../../db/repositories/organizations.repository.js';
import { listServices } from '../../db/repositories/scheduling.repository.js';
import type { RecallFlowName, RecallFlowsTable } from '../../db/schema-recall.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError } from '../errors.js';
import { FLOW_DEFAULTS, FLOW_NAMES } from './flow-defaults.js';
import { renderTemplate, unknownPlaceholders } from './render-recall.js';
import type { RecallFlowView, UpdateRecallFlowInput } from './recall.schema.js';

/** Makes the flows a clinic does not have yet, with their defaults (two readers at once make them once). */
export async function ensureFlows(db: Db, organizationId: string) {
  await db
    .insertInto('recall_flows')
    .values(FLOW_NAMES.map((flow) => ({ organization_id: organizationId, flow, enabled: false, delay_days: FLOW_DEFAULTS[flow].delayDays, channel: FLOW_DEFAULTS[flow].channel, subject: FLOW_DEFAULTS[flow].subject, body: FLOW_DEFAULTS[flow].body, purpose: FLOW_DEFAULTS[flow].purpose })))
    .onConflict((oc) => oc.columns(['organization_id', 'flow']).doNothing())
    .execute();
}

const view = (r: Pick<RecallFlowsTable, 'flow' | 'enabled' | 'delay_days' | 'channel' | 'subject' | 'body' | 'purpose'> & { updated_at: Date }): RecallFlowView => {
  const d = FLOW_DEFAULTS[r.flow];
  return { flow: r.flow, label: d.label, purpose: r.purpose, enabled: r.enabled && d.available, available: d.available, delayDays: r.delay_days, delayMeaning: d.delayMeaning, channel: r.channel, subject: r.subject, body: r.body, updatedAt: new Date(r.updated_at).toISOString() };
};

export async function listRecallFlows(ctx: Ctx): Promise<RecallFlowView[]> {
  const orgId = ctx.principal.organizationId;
  await ensureFlows(ctx.db, orgId);
  const rows = await ctx.db.selectFrom('recall_flows').selectAll().where('organization_id', '=', orgId).execute();
  return FLOW_NAMES.map((f) => rows.find((r) => r.flow === f)).filter((r) => r !== undefined).map(view);
}

/** What would stop a text being sent as written, in plain sentences. */
export function textProblems(subject: string, body: string): string[] {
  const out: string[] = [];
  for (const name of unknownPlaceholders(`${subject} ${body}`)) out.push(`{${name}} is not a placeholder Dermis knows; use {firstName}, {clinicName}, {serviceName}, {bookingLink} or {unsubscribeLink}.`);
  if (!body.includes('{bookingLink}')) out.push('The body needs {bookingLink}, so the client can book straight from the message.');
  if (!body.includes('{unsubscribeLink}')) out.push('The body needs {unsubscribeLink}: every recall message must let the client stop them.');
  if (subject.includes('{bookingLink}') || subject.includes('{unsubscribeLink}')) out.push('Links belong in the body, not the subject.');
  return out;
}

export async function updateRecallFlow(ctx: Ctx, flow: RecallFlowName, input: UpdateRecallFlowInput): Promise<RecallFlowView> {
  const problems = textProblems(input.subject, input.body);
  if (problems.length) throw new AppError('validation', problems[0]!, problems.map((message) => ({ path: message.includes('subject') ? 'subject' : 'body', message })));
  if (input.enabled && !FLOW_DEFAULTS[flow].available) throw new AppError('conflict', `${FLOW_DEFAULTS[flow].label} cannot be switched on yet.`, [{ path: 'enabled', message: 'not available yet' }]);
  const orgId = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    await ensureFlows(trx, orgId);
    const row = await trx
      .updateTable('recall_flows')
      .set({ enabled: input.enabled, delay_days: input.delayDays, channel: input.channel, subject: input.subject, body: input.body, updated_by: ctx.principal.userId, updated_at: ctx.now() })
      .where('organization_id', '=', orgId)
      .where('flow', '=', flow)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'recall_flow.update', entityType: 'recall_flow', entityId: flow, details: { enabled: input.enabled, delayDays: input.delayDays, channel: input.channel } });
    return view(row);
  });
}

/** The text as a sample client would read it, from the same renderer the job uses. */
export async function previewRecallFlow(ctx: Ctx, publicUrl: string, draft: { subject: string; body: string }) {
  const orgId = ctx.principal.organizationId;
  const org = await findOrganization(ctx.db, orgId);
  const service = (await listServices(ctx.db, orgId)).find((s) => s.kind === 'treatment' && s.active);
  const values = {
    firstName: 'Alex',
    clinicName: org?.name ?? 'your clinic',
    serviceName: service?.name ?? 'Microneedling',
    bookingLink: `${publicUrl}/portal/book?service=…`,
    unsubscribeLink: `${publicUrl}/unsubscribe?token=… (a private link for each client)`,
  };
  return { subject: renderTemplate(draft.subject, values), text: renderTemplate(draft.body, values), problems: textProblems(draft.subject, draft.body) };
}
