// Stripe's word that a checkout was paid, for a client who closed the tab before coming back. The
// request is trusted only with a valid signature (HMAC-SHA256 of "timestamp.body" with the webhook
// secret, within five minutes), as Stripe documents; then the same recorder as the return path runs.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/connect.js';
import { findOrganization } from '../../db/repositories/organizations.repository.js';
import { AppError } from '../errors.js';
import { recordPaidCheckout } from './online-checkout.js';
import { recordCardIntent } from './card-payments.js';
import { recordPaidGiftCard } from './gift-card-online.js';
import { appendAudit, type AuditActor } from '../audit/record-audit-event.js';
import type { IntentState, SecretBox } from '../ports.js';

const TOLERANCE_S = 300;

export function verifyStripeSignature(raw: string, header: string | undefined, secret: string, nowMs: number): boolean {
  if (!header) return false;
  const parts = header.split(',').map((p) => p.split('=') as [string, string]);
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isFinite(t) || Math.abs(nowMs / 1000 - t) > TOLERANCE_S) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${raw}`).digest();
  return parts.filter(([k]) => k === 'v1').some(([, v]) => {
    const given = Buffer.from(v ?? '', 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

interface StripeEvent {
  id: string;
  type: string;
  data: { object: { id: string; payment_status?: string; amount_total?: number; currency?: string; metadata?: Record<string, string>; payment_intent?: string | null } & IntentObject };
}

interface IntentObject {
  object?: string;
  status?: string;
  amount?: number;
  customer?: string | null;
  payment_method?: string | { id: string; card?: { brand?: string; last4?: string } } | null;
  last_payment_error?: { code?: string; decline_code?: string } | null;
}

const INTENT_EVENTS = ['payment_intent.succeeded', 'payment_intent.payment_failed', 'setup_intent.succeeded', 'setup_intent.setup_failed'];

/** A signed PaymentIntent or SetupIntent event as the port's IntentState (the event is the processor's word). */
function intentOf(type: string, o: StripeEvent['data']['object']): IntentState {
  const pm = o.payment_method;
  const card = pm && typeof pm === 'object' ? pm.card : undefined;
  const err = o.last_payment_error;
  return {
    id: o.id, kind: type.startsWith('setup_intent.') ? 'setup' : 'payment', status: String(o.status), clientSecret: '', amountCents: Number(o.amount ?? 0), currency: String(o.currency ?? 'usd').toUpperCase(),
    customerId: o.customer ?? null, paymentMethodId: typeof pm === 'string' ? pm : (pm?.id ?? null), card: card?.brand && card.last4 ? { brand: card.brand, last4: card.last4 } : null,
    metadata: o.metadata ?? {}, lastErrorCode: err ? (err.decline_code ?? err.code ?? 'failed') : null,
  };
}

async function handleIntentEvent(db: Db, now: Date, event: StripeEvent, actor: AuditActor) {
  const intent = intentOf(event.type, event.data.object);
  // a fee charged by staff is recorded by that request (Stripe's key makes its retry the same charge)
  if (intent.metadata.purpose !== 'deposit' && intent.metadata.purpose !== 'card') return { received: true, recorded: false };
  if (event.type.endsWith('_failed')) {
    // nothing is paid: the deposit stays due; the attempt is kept in the trail for the desk
    await db.transaction().execute((trx) => appendAudit(trx, actor, { action: 'payment.card.declined', entityType: 'booking', entityId: intent.metadata.booking_id ?? null, clientId: intent.metadata.client_id ?? null, details: { intentId: intent.id, code: intent.lastErrorCode, event: event.id } }, now));
    return { received: true, recorded: false };
  }
  const out = await recordCardIntent(db, actor, now, intent);
  return { received: true, recorded: out.state === 'paid' || out.state === 'card_saved' };
}

export async function handleStripeWebhook(db: Db, now: Date, raw: string, signature: string | undefined, secret: string | null | undefined, requestId: string, giftCards?: { publicUrl: string; secrets: SecretBox }) {
  if (!secret) throw new AppError('not_found', 'Stripe webhooks are not set up');
  if (!verifyStripeSignature(raw, signature, secret, now.getTime())) throw new AppError('validation', 'the Stripe signature does not match', [{ path: 'stripe-signature', message: 'invalid or too old' }]);
  let event: StripeEvent;
  try {
    event = JSON.parse(raw) as StripeEvent;
  } catch {
    throw new AppError('validation', 'the body is not JSON', [{ path: 'body', message: 'not JSON' }]);
  }
  const s = event.data?.object;
  if (INTENT_EVENTS.includes(event.type) && s?.metadata?.organization_id) {
    const org = await findOrganization(db, s.metadata.organization_id);
    if (!org) return { received: true, recorded: false };
    return handleIntentEvent(db, now, event, { organizationId: org.id, userId: null, role: 'system', requestId, ip: null });
  }
  const paidEvent = event.type === 'checkout.session.completed' || event.type === 'checkout.session.async_payment_succeeded';
  if (!paidEvent || s?.payment_status !== 'paid' || !s.metadata?.organization_id) return { received: true, recorded: false };
  const org = await findOrganization(db, s.metadata.organization_id);
  if (!org) return { received: true, recorded: false };
  const state = { id: s.id, paid: true, amountCents: Number(s.amount_total), currency: String(s.currency).toUpperCase(), metadata: s.metadata, paymentRef: s.payment_intent ?? null };
  // a gift card bought online: its code is issued and sent once, whoever arrives first
  if (s.metadata.purpose === 'gift_card' && giftCards) {
    await recordPaidGiftCard(db, { organizationId: org.id, userId: null, role: 'system', requestId, ip: null }, now, state, giftCards);
    return { received: true, recorded: true };
  }
  const out = await recordPaidCheckout(db, { organizationId: org.id, userId: null, role: 'system', requestId, ip: null }, now, state);
  return { received: true, recorded: out.paid };
}
