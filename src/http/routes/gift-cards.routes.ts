// Gift cards (docs/gift-cards.md): sold and managed at the desk, bought online by anyone when the
// clinic takes card payments online, balances checked by code (rate limited), redeemed on invoices.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf, metaOf } from '../context.js';
import { errorResponses, json, jsonBody, TextParam, UuidParam } from '../schemas/common.schema.js';
import { perAddressLimit } from '../middleware/rate-limit.js';
import {
  buyGiftCardInput, closeGiftCardInput, GiftCardBalance, GiftCardCheckout, giftCardCodeInput, GiftCardDetail, giftCardExpiryInput, GiftCardList, GiftCardOffer, GiftCardPurchase, GiftCardRedemption,
  GiftCardSale, listGiftCardsQuery, redeemGiftCardInput, refundGiftCardInput, sellGiftCardInput,
} from '../../services/billing/gift-card.schema.js';
import { sellGiftCard } from '../../services/billing/gift-card-sell.js';
import { getGiftCard, listGiftCards } from '../../services/billing/gift-card-list.js';
import { refundGiftCard, setGiftCardExpiry, voidGiftCard } from '../../services/billing/gift-card-close.js';
import { redeemGiftCard } from '../../services/billing/gift-card-redeem.js';
import { checkGiftCardBalance } from '../../services/billing/gift-card-balance.js';
import { confirmGiftCardCheckout, getGiftCardOffer, startGiftCardCheckout } from '../../services/billing/gift-card-online.js';

const tags = ['Gift cards'];
const DESK = ['owner', 'front_desk', 'medical_director'] as const;
const MONEY_BACK = ['owner', 'front_desk'] as const;
const conflict = { 409: errorResponses[404] };
const giftCardId = z.object({ giftCardId: UuidParam('giftCardId') });
const slug = z.object({ slug: TextParam('slug', 100) });
const sessionId = z.string().regex(/^[A-Za-z0-9_]{8,200}$/).openapi({ param: { name: 'sessionId', in: 'path' } });

const r = {
  sell: defineRoute(DESK, { operationId: 'sellGiftCard', method: 'post', path: '/api/gift-cards', tags, summary: 'Sell a gift card at the desk; its code goes to the recipient by email (staff see only the last four)', request: { body: jsonBody(sellGiftCardInput) }, responses: { 201: json(GiftCardSale, 'Sold'), 200: json(GiftCardSale, 'Already sold with this key'), ...conflict, ...errorResponses } }),
  list: defineRoute(DESK, { operationId: 'listGiftCards', method: 'get', path: '/api/gift-cards', tags, summary: 'Gift cards, newest first, searched by last four, name or email, with what active cards still hold', request: { query: listGiftCardsQuery }, responses: { 200: json(GiftCardList, 'Gift cards'), ...errorResponses } }),
  get: defineRoute(DESK, { operationId: 'getGiftCard', method: 'get', path: '/api/gift-cards/{giftCardId}', tags, summary: 'A gift card with its ledger', request: { params: giftCardId }, responses: { 200: json(GiftCardDetail, 'Gift card'), ...errorResponses } }),
  void: defineRoute(MONEY_BACK, { operationId: 'voidGiftCard', method: 'post', path: '/api/gift-cards/{giftCardId}/void', tags, summary: 'Void a gift card: what is left is cancelled, with a reason', request: { params: giftCardId, body: jsonBody(closeGiftCardInput) }, responses: { 200: json(GiftCardDetail, 'Voided'), ...conflict, ...errorResponses } }),
  refund: defineRoute(MONEY_BACK, { operationId: 'refundGiftCard', method: 'post', path: '/api/gift-cards/{giftCardId}/refund', tags, summary: 'Refund what is left on a gift card to the purchaser, with a reason', request: { params: giftCardId, body: jsonBody(refundGiftCardInput) }, responses: { 200: json(GiftCardDetail, 'Refunded'), ...conflict, ...errorResponses } }),
  expiry: defineRoute(['owner'], { operationId: 'setGiftCardExpiry', method: 'put', path: '/api/gift-cards/{giftCardId}/expiry', tags, summary: 'Set or clear the expiry date of a gift card (none by default; many US states forbid one)', request: { params: giftCardId, body: jsonBody(giftCardExpiryInput) }, responses: { 200: json(GiftCardDetail, 'Saved'), ...conflict, ...errorResponses } }),
  redeem: defineRoute(DESK, { operationId: 'redeemGiftCard', method: 'post', path: '/api/invoices/{invoiceId}/gift-card-payments', tags, summary: 'Pay an invoice with a gift card code, partly or in full (idempotent; never more than the card holds or is due)', request: { params: z.object({ invoiceId: UuidParam('invoiceId') }), body: jsonBody(redeemGiftCardInput) }, responses: { 201: json(GiftCardRedemption, 'Paid'), 200: json(GiftCardRedemption, 'Already paid with this key'), ...conflict, ...errorResponses } }),
  offer: defineRoute('public', { operationId: 'getGiftCardOffer', method: 'get', path: '/api/public/organizations/{slug}/gift-cards', tags, summary: 'Whether gift cards can be bought online at this clinic, and for how much', request: { params: slug }, responses: { 200: json(GiftCardOffer, 'Offer'), ...errorResponses } }),
  buy: defineRoute('public', { operationId: 'startGiftCardCheckout', method: 'post', path: '/api/public/organizations/{slug}/gift-cards/checkout', tags, summary: 'Buy a gift card online (hosted checkout; refused when the clinic takes no card payments online)', request: { params: slug, body: jsonBody(buyGiftCardInput) }, responses: { 201: json(GiftCardCheckout, 'Go to this page to pay'), ...conflict, ...errorResponses } }),
  confirm: defineRoute('public', { operationId: 'confirmGiftCardCheckout', method: 'post', path: '/api/public/organizations/{slug}/gift-cards/checkout/{sessionId}/confirm', tags, summary: 'After paying: the card is sent once the processor says it is paid', request: { params: z.object({ slug: TextParam('slug', 100), sessionId }) }, responses: { 200: json(GiftCardPurchase, 'State'), ...conflict, ...errorResponses } }),
  balance: defineRoute('public', { operationId: 'checkGiftCardBalance', method: 'post', path: '/api/public/organizations/{slug}/gift-cards/balance', tags, summary: 'The balance of a gift card by its code (nothing else; rate limited per address)', request: { params: slug, body: jsonBody(giftCardCodeInput) }, responses: { 200: json(GiftCardBalance, 'Balance'), ...errorResponses } }),
};

/** Twenty balance checks in ten minutes from one address is plenty for people, and useless for guessing. */
const balanceLimiter = perAddressLimit({ bucket: 'gift-card-balance', max: 20, windowMs: 10 * 60_000, what: 'gift card balance checks' });
/** Online purchases start a checkout each; a script should not fill the table with pending cards. */
const buyLimiter = perAddressLimit({ bucket: 'gift-card-checkout', max: 10, windowMs: 60 * 60_000, what: 'gift card purchases' });

export function giftCardRoutes(app: OpenAPIHono<AppEnv>) {
  app.use('/api/public/organizations/:slug/gift-cards/balance', balanceLimiter);
  app.use('/api/public/organizations/:slug/gift-cards/checkout', buyLimiter);
  const shop = (c: Parameters<Parameters<typeof app.openapi>[1]>[0]) => {
    const deps = c.get('deps');
    return { db: deps.db, now: deps.now, payments: deps.payments, publicUrl: deps.publicUrl, secrets: deps.secrets };
  };
  app.openapi(r.sell, async (c) => {
    const deps = c.get('deps');
    const out = await sellGiftCard(ctxOf(c), c.req.valid('json'), { publicUrl: deps.publicUrl, secrets: deps.secrets });
    return c.json(out, out.replayed ? 200 : 201);
  });
  app.openapi(r.list, async (c) => c.json(await listGiftCards(ctxOf(c), c.req.valid('query')), 200));
  app.openapi(r.get, async (c) => c.json(await getGiftCard(ctxOf(c), c.req.valid('param').giftCardId), 200));
  app.openapi(r.void, async (c) => c.json(await voidGiftCard(ctxOf(c), c.req.valid('param').giftCardId, c.req.valid('json')), 200));
  app.openapi(r.refund, async (c) => c.json(await refundGiftCard(ctxOf(c), c.req.valid('param').giftCardId, c.req.valid('json')), 200));
  app.openapi(r.expiry, async (c) => c.json(await setGiftCardExpiry(ctxOf(c), c.req.valid('param').giftCardId, c.req.valid('json')), 200));
  app.openapi(r.redeem, async (c) => {
    const out = await redeemGiftCard(ctxOf(c), c.req.valid('param').invoiceId, c.req.valid('json'));
    return c.json(out, out.replayed ? 200 : 201);
  });
  app.openapi(r.offer, async (c) => c.json(await getGiftCardOffer(shop(c), c.req.valid('param').slug), 200));
  app.openapi(r.buy, async (c) => c.json(await startGiftCardCheckout(shop(c), c.req.valid('param').slug, c.req.valid('json'), c.get('principal') ?? undefined, metaOf(c)), 201));
  app.openapi(r.confirm, async (c) => {
    const p = c.req.valid('param');
    return c.json(await confirmGiftCardCheckout(shop(c), p.slug, p.sessionId, metaOf(c)), 200);
  });
  app.openapi(r.balance, async (c) => c.json(await checkGiftCardBalance(c.get('deps'), c.req.valid('param').slug, c.req.valid('json').code), 200));
}
