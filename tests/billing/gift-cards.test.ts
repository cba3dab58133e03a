// Gift cards through the API (docs/gift-cards.md): sold at the desk with the code delivered to the
// recipient by real SMTP and never stored readable; bought online through a Stripe-shaped server on
// loopback, offered only when payment keys are set; a public balance check that is rate limited;
// redeemed on invoices partly and several at once; two redemptions at once never overdraw; invoice
// refunds go back on the card; void and refund with a record; the liability in the reports.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import { mailText, startSmtp } from '../support/smtp.js';
import { deliverPendingEmail } from '../../src/services/outbox/deliver-pending-email.js';
import { smtpEmail } from '../../src/adapters/email/smtp.js';
import { stripeCheckout } from '../../src/adapters/payments/stripe-checkout.js';

const clock = new Date('2027-03-01T14:00:00Z');
let t: TestApp;
let noStripe: TestApp;
let org: Org;
let clinic: Clinic;
let client: Actor;
let packageId: string;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

const sessions = new Map<string, { metadata: Record<string, string>; amount: number; paid: boolean }>();
const stripe = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
      const form = new URLSearchParams(body);
      const id = `cs_test_gift${sessions.size + 1}abcdefgh`;
      const metadata = Object.fromEntries([...form].filter(([k]) => k.startsWith('metadata[')).map(([k, v]) => [k.slice(9, -1), v]));
      sessions.set(id, { metadata, amount: Number(form.get('line_items[0][price_data][unit_amount]')), paid: false });
      return void res.end(JSON.stringify({ id, url: `https://checkout.stripe.test/${id}` }));
    }
    const id = decodeURIComponent(req.url!.split('/').pop()!);
    const s = sessions.get(id);
    if (req.method === 'GET' && s) return void res.end(JSON.stringify({ id, payment_status: s.paid ? 'paid' : 'unpaid', amount_total: s.amount, currency: 'usd', metadata: s.metadata, payment_intent: 'pi_test_gift' }));
    res.writeHead(404).end('{"error":{"message":"no such session"}}');
  });
});

type Json = Record<string, unknown> & { errors?: { path: string; message: string }[]; detail?: string };
async function call<T = Json>(who: Actor | null, path: string, body?: unknown, method?: string, app: TestApp = t) {
  const res = await app.request(path, { ...(who ? { cookie: who.cookie } : {}), ...(body !== undefined ? { body } : {}), ...(method ? { method } : {}) });
  return { status: res.status, data: (await res.json()) as T };
}
interface Card { id: string; status: string; last4: string; balanceCents: number; initialCents: number }
interface Sale { giftCard: Card }
let n = 0;
const key = () => `gift-${org.id}-${n++}`;
const sell = async (amountCents: number, recipientEmail: string, extra: Record<string, unknown> = {}) => {
  const r = await call<Sale>(clinic.frontDesk, '/api/gift-cards', {
    locationId: org.locationId, amountCents, purchaserName: 'Maya Lopez', purchaserEmail: 'maya@example.com', recipientName: 'Ana Lopez', recipientEmail, message: 'Happy birthday!',
    payment: { method: 'card_terminal' }, idempotencyKey: key(), ...extra,
  });
  expect(r.status).toBe(201);
  return r.data.giftCard;
};
/** an invoice with `due` left to pay: a package sale with the rest taken now */
const invoiceDue = async (due: number) => {
  const r = await call<{ invoice: { id: string; dueCents: number } }>(clinic.frontDesk, `/api/clients/${client.clientId}/packages`, { locationId: org.locationId, packageId, payment: { amountCents: 90_000 - due, method: 'cash' }, idempotencyKey: key() });
  expect(r.status).toBe(201);
  expect(r.data.invoice.dueCents).toBe(due);
  return r.data.invoice.id;
};
const deliver = () => deliverPendingEmail(t.db, smtpEmail(smtp.url, 'Spa <no-reply@spa.example>'), { secrets: t.secrets });
/** the code as the recipient reads it in the delivered email */
const codeMailedTo = async (to: string) => {
  await deliver();
  const mail = smtp.received.filter((m) => m.to.includes(to)).map((m) => mailText(m.raw)).find((m) => /gift card code/.test(m));
  const code = /gift card code: ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(mail ?? '')?.[1];
  if (!code) throw new Error(`no gift card code mailed to ${to}`);
  return code;
};
const redeem = (invoiceId: string, code: string, amountCents?: number, k = key()) => call<{ payment: { id: string; amountCents: number; method: string }; invoice: { dueCents: number; status: string }; giftCard: { balanceCents: number } } & Json>(clinic.frontDesk, `/api/invoices/${invoiceId}/gift-card-payments`, { code, idempotencyKey: k, ...(amountCents ? { amountCents } : {}) });
const balance = (code: string, app: TestApp = t, ip?: string) =>
  app.request(`/api/public/organizations/${org.slug}/gift-cards/balance`, { body: { code }, ...(ip ? { headers: { 'x-forwarded-for': ip } } : {}) });

beforeAll(async () => {
  smtp = await startSmtp();
  await new Promise<void>((r) => stripe.listen(0, '127.0.0.1', r));
  t = await createTestApp({ now: () => clock, payments: stripeCheckout('sk_test_gift12345', `http://127.0.0.1:${(stripe.address() as AddressInfo).port}`) });
  org = await t.factory.org();
  clinic = await setUpClinic(t, org);
  client = await t.factory.actor(org, 'client');
  await call(clinic.owner, `/api/locations/${org.locationId}/prices`, { serviceCode: 'pen_face', name: 'Pen', modality: 'pen', priceCents: 35_000, effectiveFrom: '2027-01-01' });
  packageId = (await call<{ id: string }>(clinic.owner, `/api/locations/${org.locationId}/packages`, { serviceCode: 'pen_face', name: 'Pen series of 3', sessions: 3, priceCents: 90_000, validDays: 365 })).data.id;
});
afterAll(async () => {
  await t.close();
  await noStripe?.close();
  await smtp.close();
  stripe.close();
});

describe('selling at the desk', () => {
  it('sells a card; the recipient gets the code by email; the database and the outbox hold only a hash and the last four', async () => {
    const card = await sell(10_000, 'ana@example.com');
    expect(card).toMatchObject({ status: 'active', initialCents: 10_000, balanceCents: 10_000 });
    expect(card.last4).toMatch(/^[A-Z2-9]{4}$/);
    const row = await t.db.selectFrom('gift_cards').selectAll().where('id', '=', card.id).executeTakeFirstOrThrow();
    const queued = await t.db.selectFrom('outbox_messages').selectAll().where('organization_id', '=', org.id).where('kind', '=', 'gift_card').execute();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.body_text).toContain('{{secret-link}}');
    const code = await codeMailedTo('ana@example.com');
    expect(code.replace(/-/g, '').slice(-4)).toBe(card.last4);
    expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
    // the code is nowhere in the database: not in the card, the outbox (sealed, then dropped) or the audit trail
    const dump = JSON.stringify([row, await t.db.selectFrom('outbox_messages').selectAll().where('organization_id', '=', org.id).execute(), await t.db.selectFrom('audit_events').selectAll().where('organization_id', '=', org.id).execute()]);
    expect(dump).not.toContain(code);
    expect(dump).not.toContain(code.replace(/-/g, ''));
    // the purchaser gets a receipt naming only the last four
    const receipt = smtp.received.map((m) => mailText(m.raw)).find((m) => m.includes('maya@example.com') && m.includes('ending'));
    expect(receipt).toContain(card.last4);
    expect(receipt).not.toContain(code);
  });

  it('names a refused field in plain words, in dollars', async () => {
    const r = await call(clinic.frontDesk, '/api/gift-cards', { locationId: org.locationId, amountCents: 100, purchaserName: 'M', recipientName: 'A', recipientEmail: 'a@example.com', payment: { method: 'cash' }, idempotencyKey: key() });
    expect(r.status).toBe(400);
    expect(r.data.errors?.[0]?.path).toBe('amountCents');
    expect(r.data.errors?.[0]?.message).toMatch(/\$5\.00/);
  });

  it('lists with a search by last four or name, and shows a card with its ledger', async () => {
    const card = await sell(5_000, 'search-me@example.com', { recipientName: 'Zed Quill' });
    const byName = await call<{ giftCards: Card[]; outstandingCents: number }>(clinic.frontDesk, '/api/gift-cards?q=quill');
    expect(byName.data.giftCards.map((c) => c.id)).toEqual([card.id]);
    const byCode = await call<{ giftCards: Card[] }>(clinic.frontDesk, `/api/gift-cards?q=${card.last4}`);
    expect(byCode.data.giftCards.map((c) => c.id)).toContain(card.id);
    const detail = await call<{ entries: { kind: string; amountCents: number; recordedBy: string }[] }>(clinic.frontDesk, `/api/gift-cards/${card.id}`);
    expect(detail.data.entries).toEqual([expect.objectContaining({ kind: 'issue', amountCents: 5_000, recordedBy: clinic.frontDesk.name })]);
  });
});

describe('balance check', () => {
  it('answers the balance only, for a code typed with spaces or in small letters; a wrong code is not found', async () => {
    await sell(7_500, 'bal@example.com');
    const code = await codeMailedTo('bal@example.com');
    const res = await balance(code.toLowerCase().replace(/-/g, ' '));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ balanceCents: 7_500, currency: 'USD', usable: true, expiresOn: null });
    const wrong = await balance('ABCD-EFGH-JKMN-PQRS');
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as Json).errors?.[0]?.path).toBe('code');
  });

  it('is rate limited per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await balance('ABCD-EFGH-JKMN-PQRS', t, '10.99.0.1')).status);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses[21]).toBe(429);
  });
});

describe('redeeming on invoices', () => {
  it('pays part of an invoice, then several cards pay one invoice; the payments ledger shows gift_card', async () => {
    await sell(3_000, 'one@example.com');
    await sell(10_000, 'two@example.com');
    const one = await codeMailedTo('one@example.com');
    const two = await codeMailedTo('two@example.com');
    const inv = await invoiceDue(8_000);
    const first = await redeem(inv, one);
    expect(first.status).toBe(201);
    expect(first.data).toMatchObject({ payment: { amountCents: 3_000, method: 'gift_card' }, invoice: { dueCents: 5_000, status: 'issued' }, giftCard: { balanceCents: 0 } });
    const second = await redeem(inv, two);
    expect(second.data).toMatchObject({ payment: { amountCents: 5_000 }, invoice: { dueCents: 0, status: 'paid' }, giftCard: { balanceCents: 5_000 } });
    // an empty card is refused, and so is more than is due
    const empty = await redeem(await invoiceDue(1_000), one);
    expect(empty.status).toBe(409);
    expect(empty.data.detail).toMatch(/nothing left/);
    const tooMuch = await redeem(await invoiceDue(1_000), two, 2_000);
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.data.errors?.[0]).toMatchObject({ path: 'amountCents' });
    expect(tooMuch.data.detail).toMatch(/\$10\.00/);
    // the same key again answers with the first payment
    const k = key();
    const inv2 = await invoiceDue(1_000);
    const a = await redeem(inv2, two, 500, k);
    const b = await redeem(inv2, two, 500, k);
    expect(b.status).toBe(200);
    expect(b.data.payment.id).toBe(a.data.payment.id);
    expect((await balance(two)).status).toBe(200);
    expect(((await (await balance(two)).json()) as { balanceCents: number }).balanceCents).toBe(4_500);
  });

  it('two redemptions of the same card at the same time never overdraw it', async () => {
    const card = await sell(6_000, 'race@example.com');
    const code = await codeMailedTo('race@example.com');
    const [i1, i2] = [await invoiceDue(6_000), await invoiceDue(6_000)];
    const results = await Promise.all([redeem(i1, code, 6_000), redeem(i2, code, 6_000)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const row = await t.db.selectFrom('gift_cards').select('balance_cents').where('id', '=', card.id).executeTakeFirstOrThrow();
    expect(row.balance_cents).toBe(0);
    const paid = await t.db.selectFrom('payments').select('amount_cents').where('organization_id', '=', org.id).where('method', '=', 'gift_card').where('invoice_id', 'in', [i1, i2]).execute();
    expect(paid).toEqual([{ amount_cents: 6_000 }]);
  });

  it('refunding an invoice payment made by gift card puts the money back on the card', async () => {
    const card = await sell(4_000, 'back@example.com');
    const code = await codeMailedTo('back@example.com');
    const inv = await invoiceDue(4_000);
    const paid = await redeem(inv, code);
    const refund = await call(clinic.frontDesk, `/api/payments/${paid.data.payment.id}/refunds`, { amountCents: 1_500, reason: 'Treatment shortened', idempotencyKey: key() });
    expect(refund.status).toBe(201);
    const detail = await call<{ giftCard: Card; entries: { kind: string; amountCents: number; balanceAfterCents: number }[] }>(clinic.frontDesk, `/api/gift-cards/${card.id}`);
    expect(detail.data.giftCard.balanceCents).toBe(1_500);
    expect(detail.data.entries.map((e) => [e.kind, e.amountCents, e.balanceAfterCents])).toEqual([['issue', 4_000, 4_000], ['redeem', 4_000, 0], ['return', 1_500, 1_500]]);
  });
});

describe('void, refund and expiry', () => {
  it('voids and refunds with who, when and why; a closed card pays nothing; only the owner sets an expiry', async () => {
    const v = await sell(2_000, 'void@example.com');
    const vCode = await codeMailedTo('void@example.com');
    const voided = await call<{ giftCard: Card & { closeReason: string }; entries: { kind: string; amountCents: number; reason: string; recordedBy: string }[] }>(clinic.owner, `/api/gift-cards/${v.id}/void`, { reason: 'Sold in error' });
    expect(voided.status).toBe(200);
    expect(voided.data.giftCard).toMatchObject({ status: 'void', balanceCents: 0, closeReason: 'Sold in error' });
    expect(voided.data.entries.at(-1)).toMatchObject({ kind: 'void', amountCents: 2_000, reason: 'Sold in error', recordedBy: clinic.owner.name });
    expect((await call(clinic.owner, `/api/gift-cards/${v.id}/void`, { reason: 'Again' })).status).toBe(409);
    const after = await redeem(await invoiceDue(1_000), vCode);
    expect(after.status).toBe(409);
    expect(after.data.detail).toMatch(/voided/);
    expect(await (await balance(vCode)).json()).toMatchObject({ balanceCents: 0, usable: false });

    const r = await sell(3_000, 'refund@example.com');
    expect((await call(clinic.provider, `/api/gift-cards/${r.id}/refund`, { reason: 'Moving away', method: 'cash' })).status).toBe(403);
    const refunded = await call<{ giftCard: Card; entries: { kind: string; amountCents: number; method: string }[] }>(clinic.frontDesk, `/api/gift-cards/${r.id}/refund`, { reason: 'Moving away', method: 'cash' });
    expect(refunded.data.giftCard).toMatchObject({ status: 'refunded', balanceCents: 0 });
    expect(refunded.data.entries.at(-1)).toMatchObject({ kind: 'refund', amountCents: 3_000, method: 'cash' });

    const e = await sell(2_500, 'expiry@example.com');
    expect((await call(clinic.frontDesk, `/api/gift-cards/${e.id}/expiry`, { expiresOn: '2028-03-01' }, 'PUT')).status).toBe(403);
    const set = await call<{ giftCard: { expiresOn: string } }>(clinic.owner, `/api/gift-cards/${e.id}/expiry`, { expiresOn: '2028-03-01' }, 'PUT');
    expect(set.data.giftCard.expiresOn).toBe('2028-03-01');
    const past = await call(clinic.owner, `/api/gift-cards/${e.id}/expiry`, { expiresOn: '2027-02-01' }, 'PUT');
    expect(past.status).toBe(400);
    expect(past.data.errors?.[0]?.path).toBe('expiresOn');
  });

  it('the reports show what active cards still hold', async () => {
    const list = await call<{ outstandingCents: number; giftCards: Card[] }>(clinic.owner, '/api/gift-cards?status=active');
    const expected = list.data.giftCards.reduce((s, c) => s + c.balanceCents, 0);
    expect(list.data.outstandingCents).toBe(expected);
    const report = await call<{ summary: Record<string, number>; tables: { name: string; rows: unknown[] }[] }>(clinic.owner, '/api/reports/gift-cards?from=2027-03-01&to=2027-03-01');
    expect(report.status).toBe(200);
    expect(report.data.summary.liabilityCents).toBe(expected);
    const s = report.data.summary;
    expect(s.soldCents).toBe(s.redeemedCents! + s.refundedCents! + s.voidedCents! + s.liabilityCents!);
    expect(report.data.tables[0]!.rows.length).toBe(s.cardsOutstanding);
  });
});

describe('buying online', () => {
  it('a visitor buys through the hosted checkout; the card is sent once Stripe says paid, once', async () => {
    const offer = await call<{ onlinePurchase: boolean }>(null, `/api/public/organizations/${org.slug}/gift-cards`);
    expect(offer.data.onlinePurchase).toBe(true);
    const start = await call<{ id: string; url: string }>(null, `/api/public/organizations/${org.slug}/gift-cards/checkout`, { amountCents: 5_000, purchaserName: 'Web Buyer', purchaserEmail: 'buyer@example.com', recipientName: 'Lucky Friend', recipientEmail: 'lucky@example.com' });
    expect(start.status).toBe(201);
    const s = sessions.get(start.data.id)!;
    expect(s.amount).toBe(5_000);
    expect(Object.keys(s.metadata).sort()).toEqual(['organization_id', 'purpose', 'ref']);
    const confirm = () => call<{ paid: boolean; last4: string | null }>(null, `/api/public/organizations/${org.slug}/gift-cards/checkout/${start.data.id}/confirm`, undefined, 'POST');
    expect((await confirm()).data).toMatchObject({ paid: false, last4: null });
    s.paid = true;
    const [a, b] = [await confirm(), await confirm()];
    expect(a.data.paid).toBe(true);
    expect(b.data.last4).toBe(a.data.last4);
    const code = await codeMailedTo('lucky@example.com');
    expect(code.replace(/-/g, '').slice(-4)).toBe(a.data.last4);
    expect(smtp.received.filter((m) => m.to.includes('lucky@example.com'))).toHaveLength(1);
    const inv = await invoiceDue(2_000);
    expect((await redeem(inv, code)).data.invoice).toMatchObject({ status: 'paid' });
  });

  it('without payment keys the purchase is not offered and is refused', async () => {
    noStripe = await createTestApp({ now: () => clock });
    const o = await noStripe.factory.org();
    const offer = await call<{ onlinePurchase: boolean }>(null, `/api/public/organizations/${o.slug}/gift-cards`, undefined, undefined, noStripe);
    expect(offer.data.onlinePurchase).toBe(false);
    const buy = await call(null, `/api/public/organizations/${o.slug}/gift-cards/checkout`, { amountCents: 5_000, purchaserName: 'Web Buyer', purchaserEmail: 'buyer@example.com', recipientName: 'Lucky Friend', recipientEmail: 'lucky@example.com' }, undefined, noStripe);
    expect(buy.status).toBe(409);
  });
});
