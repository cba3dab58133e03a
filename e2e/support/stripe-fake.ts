// A Stripe-shaped server on loopback (the real Stripe is out of reach in tests): the REST subset
// Dermis calls (customers, payment and setup intents, off-session charges, Checkout is elsewhere),
// what Stripe.js calls from the browser (confirming an intent with a test card, a 3-D Secure
// challenge), a fake Stripe.js at /v3/ that draws a plain card field, and signed webhook events.
// Test cards, as in Stripe's test mode: 4242 4242 4242 4242 succeeds; 4000 0000 0000 0002 is
// declined (card_declined); 4000 0027 6000 3184 asks for 3-D Secure (requires_action) and succeeds
// once "Complete authentication" is pressed. Saved cards for off-session charges: pm_card_visa
// succeeds, pm_card_chargeDeclined is declined, pm_card_authenticationRequired needs the client.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAKE_STRIPE_JS } from './stripe-fake-js.js';

type Obj = Record<string, unknown> & { id: string };
export interface FakeStripe {
  /** origin, e.g. http://127.0.0.1:4321: pass as STRIPE_API_BASE */
  url: string;
  /** pass as STRIPE_JS_URL */
  jsUrl: string;
  intents: Map<string, Obj>;
  customers: Map<string, Obj>;
  /** every server call: method, path, form and idempotency key */
  calls: { method: string; path: string; form: URLSearchParams; idempotencyKey: string | undefined }[];
  /** a webhook event for an intent as Stripe would sign it with `secret` */
  signedEvent(type: string, intentId: string, secret: string, nowMs?: number): { body: string; signature: string };
  /** plays the browser: confirms an intent with a test card number (3-D Secure stops at requires_action) */
  confirm(intentId: string, cardNumber: string): Promise<Obj>;
  /** from now on, POST a signed event to `url` whenever an intent succeeds or fails, as Stripe does (start Dermis after the fake, then call this) */
  setWebhook(url: string, secret: string): void;
  /** plays the client in the 3-D Secure challenge */
  authenticate(intentId: string, ok?: boolean): Promise<Obj>;
  close(): Promise<void>;
}

const CARDS: Record<string, { pm: string; brand: string; last4: string; outcome: 'ok' | 'decline' | '3ds' }> = {
  '4242424242424242': { pm: 'pm_card_visa', brand: 'visa', last4: '4242', outcome: 'ok' },
  '4000000000000002': { pm: 'pm_card_chargeDeclined', brand: 'visa', last4: '0002', outcome: 'decline' },
  '4000002760003184': { pm: 'pm_card_authenticationRequired', brand: 'visa', last4: '3184', outcome: '3ds' },
};
const PMS = Object.fromEntries(Object.values(CARDS).map((c) => [c.pm, c]));
const DECLINE = { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' };

const metadataOf = (form: URLSearchParams) => Object.fromEntries([...form].filter(([k]) => k.startsWith('metadata[')).map(([k, v]) => [k.slice(9, -1), v]));

export async function startFakeStripe(opts: { secretKey?: string; webhook?: { url: string; secret: string } } = {}): Promise<FakeStripe> {
  let webhook = opts.webhook;
  const intents = new Map<string, Obj>();
  const customers = new Map<string, Obj>();
  const calls: FakeStripe['calls'] = [];
  const replies = new Map<string, { status: number; body: unknown }>();
  let n = 0;
  const nextId = (prefix: string) => `${prefix}_fake${(++n).toString().padStart(6, '0')}`;
  const expanded = (o: Obj) => {
    const pm = typeof o.payment_method === 'string' ? PMS[o.payment_method] : undefined;
    return pm ? { ...o, payment_method: { id: pm.pm, card: { brand: pm.brand, last4: pm.last4 } } } : o;
  };
  const eventOf = (type: string, o: Obj) => JSON.stringify({ id: nextId('evt'), type, data: { object: o } });
  const sign = (body: string, secret: string, nowMs = Date.now()) => {
    const t = Math.floor(nowMs / 1000);
    return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
  };
  // like Stripe, tell the webhook endpoint (when one is configured) of every finished intent
  const notify = (o: Obj) => {
    if (!webhook) return;
    const kind = String(o.object) === 'setup_intent' ? 'setup_intent' : 'payment_intent';
    const type = o.status === 'succeeded' ? `${kind}.succeeded` : o.status === 'requires_payment_method' ? (kind === 'setup_intent' ? 'setup_intent.setup_failed' : 'payment_intent.payment_failed') : null;
    if (!type) return;
    const body = eventOf(type, o);
    void fetch(webhook.url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'stripe-signature': sign(body, webhook.secret) } }).catch(() => undefined);
  };
  /** applies a card to an intent as Stripe would when the browser confirms it */
  const confirmWith = (o: Obj, card: { pm: string; outcome: string } | undefined) => {
    if (!card || card.outcome === 'decline') Object.assign(o, { status: 'requires_payment_method', payment_method: null, [o.object === 'setup_intent' ? 'last_setup_error' : 'last_payment_error']: DECLINE });
    else Object.assign(o, { status: card.outcome === '3ds' ? 'requires_action' : 'succeeded', payment_method: card.pm, last_payment_error: null, last_setup_error: null });
    if (o.status !== 'requires_action') notify(o);
    return o;
  };
  const authenticate = (o: Obj, ok: boolean) => {
    if (o.status !== 'requires_action') return o;
    if (ok) Object.assign(o, { status: 'succeeded' });
    else Object.assign(o, { status: 'requires_payment_method', payment_method: null, last_payment_error: { type: 'card_error', code: 'payment_intent_authentication_failure', message: 'We are unable to authenticate your payment method. Please choose a different payment method and try again.' } });
    notify(o);
    return o;
  };

  const route = (req: IncomingMessage, form: URLSearchParams, url: URL): { status: number; body: unknown } => {
    const path = url.pathname;
    if (req.method === 'POST' && path === '/v1/customers') {
      const c = { id: nextId('cus'), object: 'customer', metadata: metadataOf(form) };
      customers.set(c.id, c);
      return { status: 200, body: c };
    }
    if (req.method === 'POST' && (path === '/v1/payment_intents' || path === '/v1/setup_intents')) {
      const setup = path === '/v1/setup_intents';
      const id = nextId(setup ? 'seti' : 'pi');
      const o: Obj = {
        id, object: setup ? 'setup_intent' : 'payment_intent', client_secret: `${id}_secret_fake`, status: 'requires_payment_method', customer: form.get('customer'), metadata: metadataOf(form),
        ...(setup ? { usage: form.get('usage') } : { amount: Number(form.get('amount')), currency: form.get('currency'), setup_future_usage: form.get('setup_future_usage'), description: form.get('description') }),
        payment_method: null, last_payment_error: null,
      };
      intents.set(id, o);
      if (!setup && form.get('off_session') === 'true' && form.get('confirm') === 'true') {
        const card = PMS[form.get('payment_method') ?? ''];
        if (!card || card.outcome === 'decline') {
          Object.assign(o, { status: 'requires_payment_method', last_payment_error: DECLINE });
          notify(o);
          return { status: 402, body: { error: { ...DECLINE, payment_intent: o } } };
        }
        if (card.outcome === '3ds') {
          Object.assign(o, { status: 'requires_payment_method', last_payment_error: { type: 'card_error', code: 'authentication_required', message: 'This payment requires authentication.' } });
          return { status: 402, body: { error: { type: 'card_error', code: 'authentication_required', decline_code: 'authentication_required', message: 'This payment requires authentication.', payment_intent: o } } };
        }
        Object.assign(o, { status: 'succeeded', payment_method: card.pm });
        notify(o);
      }
      return { status: 200, body: o };
    }
    const m = /^\/v1\/(payment_intents|setup_intents)\/([^/]+)(\/confirm|\/authenticate)?$/.exec(path);
    const o = m ? intents.get(decodeURIComponent(m[2]!)) : undefined;
    if (!o) return { status: 404, body: { error: { type: 'invalid_request_error', message: 'No such intent' } } };
    if (req.method === 'GET' && !m![3]) return { status: 200, body: url.searchParams.getAll('expand[]').includes('payment_method') ? expanded(o) : o };
    // what Stripe.js does in the browser: the client secret proves the caller holds the intent
    if (form.get('client_secret') !== o.client_secret) return { status: 400, body: { error: { type: 'invalid_request_error', message: 'The client secret does not match' } } };
    if (m![3] === '/confirm') {
      confirmWith(o, CARDS[(form.get('card_number') ?? '').replace(/\s/g, '')]);
      const err = (o.last_payment_error ?? o.last_setup_error) as Record<string, unknown> | null;
      return { status: err && o.status === 'requires_payment_method' ? 402 : 200, body: err && o.status === 'requires_payment_method' ? { error: { ...err, [String(o.object)]: o } } : o };
    }
    authenticate(o, form.get('result') !== 'fail');
    return { status: 200, body: o };
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      // the browser calls from the app's origin
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader('access-control-allow-headers', 'authorization, content-type');
      res.setHeader('access-control-allow-methods', 'GET, POST');
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      const url = new URL(req.url ?? '/', 'http://fake');
      if (req.method === 'GET' && url.pathname === '/v3/') return void res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(FAKE_STRIPE_JS);
      const auth = req.headers.authorization ?? '';
      if (!/^Bearer (sk|pk)_test_\w+$/.test(auth) || (opts.secretKey && auth.startsWith('Bearer sk_') && auth !== `Bearer ${opts.secretKey}`)) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"message":"Invalid API key"}}');
      const form = new URLSearchParams(raw);
      const key = req.headers['idempotency-key'] as string | undefined;
      calls.push({ method: req.method ?? 'GET', path: url.pathname, form, idempotencyKey: key });
      const replyKey = key && req.method === 'POST' ? `${url.pathname}:${key}` : null;
      const out = (replyKey && replies.get(replyKey)) || route(req, form, url);
      if (replyKey) replies.set(replyKey, out);
      res.writeHead(out.status, { 'content-type': 'application/json' }).end(JSON.stringify(out.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const byId = (id: string) => {
    const o = intents.get(id);
    if (!o) throw new Error(`no intent ${id}`);
    return o;
  };
  return {
    url, jsUrl: `${url}/v3/`, intents, customers, calls,
    signedEvent(type, intentId, secret, nowMs) {
      const body = eventOf(type, byId(intentId));
      return { body, signature: sign(body, secret, nowMs) };
    },
    setWebhook: (url, secret) => void (webhook = { url, secret }),
    confirm: (id, cardNumber) => Promise.resolve(confirmWith(byId(id), CARDS[cardNumber.replace(/\s/g, '')])),
    authenticate: (id, ok = true) => Promise.resolve(authenticate(byId(id), ok)),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
