// Writing money movements once. An idempotency key names one intended payment or refund: the same
// key again returns the first record (a double-clicked "Take payment" charges once), and the same key
// for a different amount or invoice is refused rather than guessed at.
import type { Insertable } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { PaymentsTable } from '../../db/schema-money.js';
import { AppError } from '../errors.js';
import type { AuditActor } from '../audit/record-audit-event.js';
import { auditReplay } from '../idempotency.js';

export const STAFF_METHODS = ['cash', 'card_terminal', 'check', 'other'] as const;

export async function findByKey(db: Db, organizationId: string, key: string) {
  return db.selectFrom('payments').selectAll().where('organization_id', '=', organizationId).where('idempotency_key', '=', key).executeTakeFirst();
}

export function assertSameIntent(existing: { amount_cents: number; invoice_id: string | null; booking_id: string | null; kind: string; refund_of: string | null }, want: { amountCents: number; invoiceId?: string | null; bookingId?: string | null; kind: string; refundOf?: string | null }) {
  const same = existing.amount_cents === want.amountCents && existing.kind === want.kind && (want.invoiceId === undefined || existing.invoice_id === want.invoiceId) && (want.bookingId === undefined || existing.booking_id === want.bookingId) && (want.refundOf === undefined || existing.refund_of === want.refundOf);
  if (!same) throw new AppError('conflict', 'this idempotency key was already used for a different payment', [{ path: 'idempotencyKey', message: 'already used' }]);
}

export async function insertPayment(trx: Db, row: Insertable<PaymentsTable>) {
  return trx.insertInto('payments').values(row).returningAll().executeTakeFirstOrThrow();
}

export type PaymentRow = NonNullable<Awaited<ReturnType<typeof findByKey>>>;

export interface Replay<T> {
  /** the audit action of a replay, e.g. payment.record.replay */
  action: string;
  /** the answer from the first record (may refuse a different intent) */
  answer: (existing: PaymentRow) => Promise<T> | T;
}

/**
 * Does `work` once per idempotency key. A key already used answers with the replay of its record,
 * audited; when two requests with the same key race, the one that loses on the unique index answers
 * with the winner's record instead of an error. Callers authorise the request before calling this,
 * and pass a key scoped to the caller (`callerKey`) unless the key names an outside event (a
 * processor's session id).
 */
export async function oncePerKey<T>(db: Db, actor: AuditActor, now: Date, key: string, replay: Replay<T>, work: () => Promise<T>): Promise<T> {
  const again = async (existing: PaymentRow) => {
    const out = await replay.answer(existing);
    await auditReplay(db, actor, now, { action: replay.action, entityType: 'payment', entityId: existing.id, clientId: existing.client_id });
    return out;
  };
  const first = await findByKey(db, actor.organizationId, key);
  if (first) return again(first);
  try {
    return await work();
  } catch (e) {
    const winner = isDuplicateKey(e) ? await findByKey(db, actor.organizationId, key) : undefined;
    if (winner) return again(winner);
    throw e;
  }
}

/** PostgreSQL's unique violation: a concurrent request with the same key won the race. */
const isDuplicateKey = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';
