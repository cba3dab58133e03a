// The role-matrix rows of gift cards (docs/gift-cards.md): the desk sells and redeems, owner and
// front desk void and refund, the owner sets an expiry; anyone may look, buy and check a balance.
// Spread into MATRIX by role-matrix.table.ts, which passes its helpers in (no import cycle).
import type { Probe, Who } from './role-matrix.table.js';

interface Helpers {
  only: (ok: number, roles: Who[], other?: number) => Probe['expect'];
  all: (status: number) => Record<Who, number>;
  uniq: () => string;
  NO_ID: string;
  DESK: Who[];
}

export function giftCardRows({ only, all, uniq, NO_ID, DESK }: Helpers): Record<string, Probe> {
  return {
    // gift cards: the desk sells and redeems, owner and front desk void and refund, the owner sets an expiry
    'POST /api/gift-cards': {
      path: () => '/api/gift-cards',
      body: (f) => ({ locationId: f.org.locationId, amountCents: 2_500, purchaserName: 'Matrix Buyer', recipientName: 'Matrix Friend', recipientEmail: `friend-${uniq()}@example.com`, payment: { method: 'cash' }, idempotencyKey: `matrix-${uniq()}` }),
      expect: only(201, DESK),
    },
    'GET /api/gift-cards': { path: () => '/api/gift-cards', expect: only(200, DESK) },
    'GET /api/gift-cards/{giftCardId}': { path: () => `/api/gift-cards/${NO_ID}`, expect: only(404, DESK) },
    'POST /api/gift-cards/{giftCardId}/void': { path: () => `/api/gift-cards/${NO_ID}/void`, body: () => ({ reason: 'Sold in error' }), expect: only(404, ['owner', 'front_desk']) },
    'POST /api/gift-cards/{giftCardId}/refund': { path: () => `/api/gift-cards/${NO_ID}/refund`, body: () => ({ reason: 'Moving away', method: 'cash' }), expect: only(404, ['owner', 'front_desk']) },
    'PUT /api/gift-cards/{giftCardId}/expiry': { method: 'PUT', path: () => `/api/gift-cards/${NO_ID}/expiry`, body: () => ({ expiresOn: null }), expect: only(404, ['owner']) },
    'POST /api/invoices/{invoiceId}/gift-card-payments': { path: () => `/api/invoices/${NO_ID}/gift-card-payments`, body: () => ({ code: 'ABCD-EFGH-JKMN-PQRS', idempotencyKey: `matrix-${uniq()}` }), expect: only(404, DESK) },
    // public: anyone may look, buy (refused here: no payment keys) and check a balance by code
    'GET /api/public/organizations/{slug}/gift-cards': { path: (f) => `/api/public/organizations/${f.org.slug}/gift-cards`, expect: all(200) },
    'POST /api/public/organizations/{slug}/gift-cards/checkout': {
      path: (f) => `/api/public/organizations/${f.org.slug}/gift-cards/checkout`,
      body: () => ({ amountCents: 2_500, purchaserName: 'Matrix Buyer', purchaserEmail: 'buyer@example.com', recipientName: 'Matrix Friend', recipientEmail: 'friend@example.com' }),
      expect: all(409),
    },
    'POST /api/public/organizations/{slug}/gift-cards/checkout/{sessionId}/confirm': { path: (f) => `/api/public/organizations/${f.org.slug}/gift-cards/checkout/cs_test_12345678/confirm`, expect: all(409) },
    'POST /api/public/organizations/{slug}/gift-cards/balance': { path: (f) => `/api/public/organizations/${f.org.slug}/gift-cards/balance`, body: () => ({ code: 'ABCD-EFGH-JKMN-PQRS' }), expect: all(404) },
  };
}
