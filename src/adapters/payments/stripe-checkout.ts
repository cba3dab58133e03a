import type { CheckoutState, PaymentsPort } from '../../services/ports.js';

/**
 * Stripe Checkout over its REST API (form-encoded, as Stripe expects): a hosted payment page, so
 * card numbers never touch Dermis. Off unless STRIPE_SECRET_KEY is set; test keys (sk_test_) use
 * Stripe's test mode. Our idempotency key goes to Stripe too, so a retried request makes one session.
 */
export function stripeCheckout(secretKey: string, apiBase = 'https://api.stripe.com'): PaymentsPort {
  const call = async (method: 'GET' | 'POST', path: string, form?: URLSearchParams, idempotencyKey?: string) => {
    const res = await fetch(`${apiBase}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${secretKey}`,
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      ...(form ? { body: form.toString() } : {}),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown> & { error?: { message?: string } };
    if (!res.ok) throw new Error(`Stripe answered ${res.status}: ${body.error?.message ?? 'no message'}`);
    return body;
  };
  return {
    async createCheckout(c) {
      const form = new URLSearchParams({
        mode: 'payment',
        success_url: c.successUrl,
        cancel_url: c.cancelUrl,
        'line_items[0][quantity]': '1',
        'line_items[0][price_data][currency]': c.currency.toLowerCase(),
        'line_items[0][price_data][unit_amount]': String(c.amountCents),
        'line_items[0][price_data][product_data][name]': c.description,
      });
      for (const [k, v] of Object.entries(c.metadata)) form.set(`metadata[${k}]`, v);
      const s = await call('POST', '/v1/checkout/sessions', form, c.idempotencyKey);
      return { id: String(s.id), url: String(s.url) };
    },
    async getCheckout(id): Promise<CheckoutState> {
      const s = await call('GET', `/v1/checkout/sessions/${encodeURIComponent(id)}`);
      return {
        id: String(s.id),
        paid: s.payment_status === 'paid',
        amountCents: Number(s.amount_total),
        currency: String(s.currency).toUpperCase(),
        metadata: (s.metadata ?? {}) as Record<string, string>,
        paymentRef: typeof s.payment_intent === 'string' ? s.payment_intent : null,
      };
    },
  };
}
