// The recall job's work (jobs/recall.ts, hourly): for each clinic's enabled flows, finds who is due,
// claims each recall with a row of recall_sends (unique per flow, client and subject: one process wins
// and a client is never recalled twice for the same thing) and queues the message in the same
// transaction. enqueueMessage applies the client's channel choices and quiet hours (sendAfter).
// sent_at is the database's clock, like bookings' created_at, which the report compares it with.
import type { Db } from '../../db/connect.js';
import { consultNoTreatmentCandidates, creditsExpiringCandidates, lapsedCandidates, seriesNextCandidates, type RecallCandidate } from '../../db/repositories/recall-candidates.repository.js';
import type { RecallFlowName, RecallFlowsTable } from '../../db/schema-recall.js';
import { INTERVAL_FLOOR_DAYS } from '../../domain/protocols/microneedling/sessions.js';
import { enqueueMessage, SECRET_LINK, sealLink } from '../outbox/enqueue-message.js';
import type { SecretBox } from '../ports.js';
import { bookingLink, renderTemplate, smsText, unsubscribeUrl } from './render-recall.js';
import { hashUnsubscribeToken, newUnsubscribeToken } from './unsubscribe.js';

export interface RecallDeps {
  db: Db;
  now: () => Date;
  publicUrl: string;
  secrets: SecretBox;
}

type Flow = Pick<RecallFlowsTable, 'organization_id' | 'flow' | 'delay_days' | 'channel' | 'subject' | 'body' | 'purpose'> & { clinic_name: string };

function candidates(db: Db, f: Flow, now: Date): Promise<RecallCandidate[]> {
  const a = { now, delayDays: f.delay_days };
  const by: Record<RecallFlowName, () => Promise<RecallCandidate[]>> = {
    series_next: () => seriesNextCandidates(db, f.organization_id, { ...a, floorDays: INTERVAL_FLOOR_DAYS }),
    consult_no_treatment: () => consultNoTreatmentCandidates(db, f.organization_id, a),
    lapsed: () => lapsedCandidates(db, f.organization_id, a),
    credits_expiring: () => creditsExpiringCandidates(db, f.organization_id, a),
  };
  return by[f.flow]();
}

/** Marketing needs the client's opt-in; care recalls go to everyone who has not stopped them. */
const mayReceive = (f: Flow, c: RecallCandidate) => (f.purpose === 'marketing' ? c.marketing : c.care_recalls);

/** Queues every recall that is due now; answers how many recalls were queued. */
export async function runRecalls(deps: RecallDeps): Promise<number> {
  const now = deps.now();
  const flows = await deps.db
    .selectFrom('recall_flows as f')
    .innerJoin('organizations as o', 'o.id', 'f.organization_id')
    .select(['f.organization_id', 'f.flow', 'f.delay_days', 'f.channel', 'f.subject', 'f.body', 'f.purpose', 'o.name as clinic_name'])
    .where('f.enabled', '=', true)
    .execute();
  let queued = 0;
  for (const f of flows) {
    for (const c of await candidates(deps.db, f, now)) {
      if (!mayReceive(f, c)) continue;
      if (await sendRecall(deps, f, c, now)) queued++;
    }
  }
  return queued;
}

async function sendRecall(deps: RecallDeps, f: Flow, c: RecallCandidate, now: Date): Promise<boolean> {
  const channels = (['email', 'sms'] as const).filter((ch) => (f.channel === 'both' || f.channel === ch) && (ch === 'email' ? c.email : c.phone));
  if (channels.length === 0) return false;
  const token = newUnsubscribeToken();
  return deps.db.transaction().execute(async (trx) => {
    const send = await trx
      .insertInto('recall_sends')
      .values({ organization_id: f.organization_id, flow: f.flow, client_id: c.client_id, subject_ref: c.subject_ref, service_id: c.service_id, location_id: c.location_id, unsubscribe_hash: hashUnsubscribeToken(token) })
      .onConflict((oc) => oc.columns(['organization_id', 'flow', 'client_id', 'subject_ref']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!send) return false;
    const values = {
      firstName: c.first_name,
      clinicName: f.clinic_name,
      serviceName: c.service_name ?? 'treatment',
      bookingLink: bookingLink(deps.publicUrl, { serviceId: c.service_id, locationId: c.location_id, from: c.from_date }),
      unsubscribeLink: SECRET_LINK,
    };
    const subject = renderTemplate(f.subject, { ...values, bookingLink: '', unsubscribeLink: '' });
    const body = renderTemplate(f.body, values);
    const sealed = body.includes(SECRET_LINK) ? sealLink(deps.secrets, unsubscribeUrl(deps.publicUrl, token)) : {};
    let messageId: string | null = null;
    for (const channel of channels) {
      const m = await enqueueMessage(trx, {
        organizationId: f.organization_id,
        channel,
        kind: `recall.${f.flow}`,
        to: channel === 'email' ? c.email! : c.phone!,
        subject,
        text: channel === 'email' ? body : smsText(subject, body),
        idempotencyKey: `recall:${send.id}:${channel}`,
        // scheduled, so the client's quiet hours move it
        sendAfter: now,
        clientId: c.client_id,
        ...sealed,
      });
      messageId ??= m?.id ?? null;
    }
    await trx.updateTable('recall_sends').set({ message_id: messageId }).where('organization_id', '=', f.organization_id).where('id', '=', send.id).execute();
    return true;
  });
}
