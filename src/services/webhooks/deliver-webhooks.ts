// The worker's round for webhooks: claims due deliveries with a lease (FOR UPDATE SKIP LOCKED, so
// several processes share the queue and no transaction stays open during a request), POSTs each
// signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature), and records the
// outcome: 2xx delivered; anything else retried with growing waits, then failed (the log can replay).
import { sql } from 'kysely';
import { Webhook } from 'standardwebhooks';
import type { Db } from '../../db/connect.js';
import type { SecretBox } from '../ports.js';

/** Waits after each failed attempt; after the last the delivery is failed. */
export const RETRY_WAITS_S = [30, 120, 600, 3600, 6 * 3600, 24 * 3600];
const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;
const BATCH = 20;

interface Claimed {
  organization_id: string;
  id: string;
  endpoint_id: string;
  payload: unknown;
  attempts: number;
  replay_of: string | null;
  url: string;
  secret_sealed: string;
}

function claim(db: Db, now: Date) {
  return sql<Claimed>`
    with due as (
      select organization_id, id from webhook_deliveries
       where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
       order by next_attempt_at limit ${BATCH}
       for update skip locked
    )
    update webhook_deliveries d set next_attempt_at = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz
      from due, webhook_endpoints e
     where d.organization_id = due.organization_id and d.id = due.id
       and e.organization_id = d.organization_id and e.id = d.endpoint_id
    returning d.organization_id, d.id, d.endpoint_id, d.payload, d.attempts, d.replay_of, e.url, e.secret_sealed`.execute(db);
}

/** Why an attempt failed, in words an owner can act on. */
function failureOf(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `No answer within ${TIMEOUT_MS / 1000} seconds`;
  const code = e.cause?.code;
  if (code === 'ECONNREFUSED') return 'The endpoint refused the connection';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'The endpoint’s host name could not be found';
  return 'The endpoint could not be reached';
}

async function send(d: Claimed, secrets: SecretBox, now: Date): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  const body = JSON.stringify(d.payload);
  const msgId = `msg_${d.replay_of ?? d.id}`;
  const signature = new Webhook(secrets.open(d.secret_sealed)).sign(msgId, now, body);
  try {
    const res = await fetch(d.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { 'content-type': 'application/json', 'user-agent': 'Dermis-Webhooks/1', 'webhook-id': msgId, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': signature },
      body,
    });
    await res.body?.cancel();
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, error: null };
    return { ok: false, status: res.status, error: res.status >= 300 && res.status < 400 ? `The endpoint answered ${res.status} (a redirect, which is not followed)` : `The endpoint answered ${res.status}` };
  } catch (err) {
    return { ok: false, status: null, error: failureOf(err) };
  }
}

/** Delivers what is due; returns how many were attempted. */
export async function deliverWebhooks(db: Db, secrets: SecretBox, now: () => Date): Promise<number> {
  const claimed = (await claim(db, now())).rows;
  await Promise.all(
    claimed.map(async (d) => {
      const at = now();
      const outcome = await send(d, secrets, at);
      const attempts = d.attempts + 1;
      const wait = RETRY_WAITS_S[attempts - 1];
      const set = outcome.ok
        ? { status: 'delivered' as const, delivered_at: at, last_status: outcome.status, last_error: null, attempts }
        : { status: wait === undefined ? ('failed' as const) : ('pending' as const), last_status: outcome.status, last_error: outcome.error, attempts, next_attempt_at: new Date(at.getTime() + (wait ?? 0) * 1000) };
      await db.updateTable('webhook_deliveries').set(set).where('organization_id', '=', d.organization_id).where('id', '=', d.id).execute();
    }),
  );
  return claimed.length;
}
