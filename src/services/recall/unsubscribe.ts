// The unsubscribe link of a recall message (docs/recall.md): a random token, stored only as its
// SHA-256 hash and delivered sealed through the outbox. Following it shows plainly what it stops
// (marketing messages from the clinic, or reminders to book a series' next session); the person may
// undo it on the same page. Public and rate limited; every change is on the clinic's audit trail.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/connect.js';
import { findMessagePreferences, setCareRecalls, setMarketingOptIn } from '../../db/repositories/message-preferences.repository.js';
import { appendAudit } from '../audit/record-audit-event.js';
import type { RequestMeta } from '../context.js';
import { AppError } from '../errors.js';
import type { UnsubscribeStateView } from './recall.schema.js';

export const newUnsubscribeToken = () => randomBytes(32).toString('base64url');
export const hashUnsubscribeToken = (token: string) => createHash('sha256').update(`dermis-unsubscribe:${token}`).digest('hex');

const gone = () => new AppError('not_found', 'This unsubscribe link is not valid. Use the link in your most recent message, or change your message preferences in the portal.');

async function findSend(db: Db, token: string) {
  const send = await db
    .selectFrom('recall_sends as s')
    .innerJoin('recall_flows as f', (j) => j.onRef('f.organization_id', '=', 's.organization_id').onRef('f.flow', '=', 's.flow'))
    .innerJoin('organizations as o', 'o.id', 's.organization_id')
    .select(['s.organization_id', 's.id', 's.client_id', 'f.purpose', 'o.name as clinic_name'])
    .where('s.unsubscribe_hash', '=', hashUnsubscribeToken(token))
    .executeTakeFirst();
  if (!send) throw gone();
  return send;
}

async function stateOf(db: Db, send: Awaited<ReturnType<typeof findSend>>): Promise<UnsubscribeStateView> {
  const p = await findMessagePreferences(db, send.organization_id, send.client_id);
  const marketing = send.purpose === 'marketing';
  return {
    clinicName: send.clinic_name,
    purpose: send.purpose,
    what: marketing ? `marketing messages from ${send.clinic_name}` : `reminders from ${send.clinic_name} to book the next session of your treatment course`,
    subscribed: marketing ? (p?.marketing ?? false) : (p?.care_recalls ?? true),
  };
}

export async function readUnsubscribe(db: Db, token: string): Promise<UnsubscribeStateView> {
  return stateOf(db, await findSend(db, token));
}

/** subscribed false: stop those messages; true: undo (the link stays valid to change it again). */
export async function setUnsubscribe(deps: { db: Db; now: () => Date }, token: string, subscribed: boolean, meta: RequestMeta): Promise<UnsubscribeStateView> {
  return deps.db.transaction().execute(async (trx) => {
    const send = await findSend(trx, token);
    const at = deps.now();
    if (send.purpose === 'marketing') await setMarketingOptIn(trx, send.organization_id, send.client_id, { optedIn: subscribed, at, source: 'unsubscribe_link' });
    else await setCareRecalls(trx, send.organization_id, send.client_id, subscribed);
    const actor = { organizationId: send.organization_id, userId: null, role: null, requestId: meta.requestId, ip: meta.ip };
    const action = send.purpose === 'marketing' ? 'marketing_consent.update' : 'care_recalls.update';
    await appendAudit(trx, actor, { action, entityType: 'client', entityId: send.client_id, clientId: send.client_id, details: { optedIn: subscribed, source: 'unsubscribe_link', recallSendId: send.id } }, at);
    return stateOf(trx, send);
  });
}
