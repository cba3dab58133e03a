// Stripe's word that a checkout was paid, for a client who closed the tab before coming back. The
// request is trusted only with a valid signature (HMAC-SHA256 of "timestamp.body" with the webhook
// secret, within five minutes), as Stripe documents; then the same recorder as the return path runs.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/connect.js';
import { findOrganization } from '../../db/repositories/organizations.repository.js';
import { AppError } from '../errors.js';
import { recordPaidCheckout } from './online-checkout.js';

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
  data: { object: { id: string; payment_status?: string; amount_total?: number; currency?: string; metadata?: Record<string, string>; payment_intent?: string | null } };
}

export async function handleStripeWebhook(db: Db, now: Date, raw: string, signature: string | undefined, secret: string | null | undefined, requestId: string) {
  if (!secret) throw new AppError('not_found', 'Stripe webhooks are not set up');
  if (!verifyStripeSignature(raw, signature, secret, now.getTime())) throw new AppError('validation', 'the Stripe signature does not match', [{ path: 'stripe-signature', message: 'invalid or too old' }]);
  let event: StripeEvent;
  try {
    event = JSON.parse(raw) as StripeEvent;
  } catch {
    throw new AppError('validation', 'the body is not JSON', [{ path: 'body', message: 'not JSON' }]);
  }
  const s = event.data?.object;
  const paidEvent = event.type === 'checkout.session.completed' || event.type === 'checkout.session.async_payment_succeeded';
  if (!paidEvent || s?.payment_status !== 'paid' || !s.metadata?.organization_id) return { received: true, recorded: false };
  const org = await findOrganization(db, s.metadata.organization_id);
  if (!org) return { received: true, recorded: false };
  const out = await recordPaidCheckout(db, { organizationId: org.id, userId: null, role: 'system', requestId, ip: null }, now, {
    id: s.id, paid: true, amountCents: Number(s.amount_total), currency: String(s.currency).toUpperCase(), metadata: s.metadata, paymentRef: s.payment_intent ?? null,
  });
  return { received: true, recorded: out.paid };
}
