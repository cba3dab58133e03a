import type { CardPaymentsPort, CheckoutState, IntentState, PaymentsPort } from '../../services/ports.js';

type StripeObject = Record<string, unknown>;
type StripeError = { message?: string; code?: string; decline_code?: string; payment_intent?: StripeObject };

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
    const body = (await res.json().catch(() => ({}))) as StripeObject & { error?: StripeError };
    // a card the issuer refuses is an answer, not a fault: 402 with the error and the intent
    if (res.status === 402 && body.error) return body;
    if (!res.ok) throw new Error(`Stripe answered ${res.status}: ${body.error?.message ?? 'no message'}`);
    return body;
  };
  return {
    cards: stripeCards(call),
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

type Call = (method: 'GET' | 'POST', path: string, form?: URLSearchParams, idempotencyKey?: string) => Promise<StripeObject & { error?: StripeError }>;

const withMetadata = (form: URLSearchParams, metadata: Record<string, string>) => {
  for (const [k, v] of Object.entries(metadata)) form.set(`metadata[${k}]`, v);
  return form;
};

/** Stripe's PaymentIntent or SetupIntent as the port's IntentState; the card is read when expanded. */
export function intentState(o: StripeObject, kind: 'payment' | 'setup'): IntentState {
  const pm = o.payment_method;
  const card = pm && typeof pm === 'object' ? ((pm as { card?: { brand?: string; last4?: string } }).card ?? null) : null;
  const err = o.last_payment_error ?? o.last_setup_error;
  return {
    id: String(o.id),
    kind,
    status: String(o.status),
    clientSecret: typeof o.client_secret === 'string' ? o.client_secret : '',
    amountCents: kind === 'payment' ? Number(o.amount) : 0,
    currency: (typeof o.currency === 'string' ? o.currency : 'usd').toUpperCase(),
    customerId: typeof o.customer === 'string' ? o.customer : null,
    paymentMethodId: typeof pm === 'string' ? pm : pm && typeof pm === 'object' ? String((pm as { id?: unknown }).id) : null,
    card: card?.brand && card.last4 ? { brand: card.brand, last4: card.last4 } : null,
    metadata: (o.metadata ?? {}) as Record<string, string>,
    lastErrorCode: err && typeof err === 'object' ? String((err as StripeError).decline_code ?? (err as StripeError).code ?? 'failed') : null,
  };
}

/**
 * Payments on our own page with Stripe's Payment Element (cards and wallets), saved cards and
 * charges to them without the client. Every create carries our idempotency key, so a retry after a
 * lost answer makes no second customer, intent or charge.
 */
function stripeCards(call: Call): CardPaymentsPort {
  const get = async (path: string, kind: 'payment' | 'setup') => intentState(await call('GET', `${path}?expand[]=payment_method`), kind);
  return {
    async createCustomer(c) {
      const o = await call('POST', '/v1/customers', withMetadata(new URLSearchParams(), c.metadata), c.idempotencyKey);
      return { id: String(o.id) };
    },
    async createPaymentIntent(c) {
      const form = new URLSearchParams({
        amount: String(c.amountCents), currency: c.currency.toLowerCase(), customer: c.customerId, description: c.description,
        'automatic_payment_methods[enabled]': 'true', setup_future_usage: 'off_session',
      });
      return intentState(await call('POST', '/v1/payment_intents', withMetadata(form, c.metadata), c.idempotencyKey), 'payment');
    },
    getPaymentIntent: (id) => get(`/v1/payment_intents/${encodeURIComponent(id)}`, 'payment'),
    async createSetupIntent(c) {
      const form = new URLSearchParams({ customer: c.customerId, usage: 'off_session', 'automatic_payment_methods[enabled]': 'true' });
      return intentState(await call('POST', '/v1/setup_intents', withMetadata(form, c.metadata), c.idempotencyKey), 'setup');
    },
    getSetupIntent: (id) => get(`/v1/setup_intents/${encodeURIComponent(id)}`, 'setup'),
    async chargeSavedCard(c) {
      const form = new URLSearchParams({
        amount: String(c.amountCents), currency: c.currency.toLowerCase(), customer: c.customerId, description: c.description,
        payment_method: c.paymentMethodId, off_session: 'true', confirm: 'true',
      });
      const o = await call('POST', '/v1/payment_intents', withMetadata(form, c.metadata), c.idempotencyKey);
      if (o.error) {
        const pi = o.error.payment_intent;
        return { ok: false, code: o.error.decline_code ?? o.error.code ?? 'card_declined', message: o.error.message ?? 'The card was declined.', intentId: pi ? String(pi.id) : null };
      }
      const intent = intentState(o, 'payment');
      if (intent.status !== 'succeeded') return { ok: false, code: intent.status === 'requires_action' ? 'authentication_required' : (intent.lastErrorCode ?? 'card_declined'), message: 'The card was not charged.', intentId: intent.id };
      return { ok: true, intent };
    },
  };
}
