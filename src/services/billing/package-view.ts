import type { PackagePurchaseView } from './billing.schema.js';

/** A package a client holds: what remains, until when. */
export const purchaseView = (p: { id: string; client_id: string; location_id: string; package_id: string; invoice_id: string; name: string; service_code: string; sessions_total: number; sessions_used: number; sessions_refunded: number; price_cents: number; currency: string; expires_on: string; purchased_at: Date }, today: string): PackagePurchaseView => {
  const remaining = p.sessions_total - p.sessions_used - p.sessions_refunded;
  return {
    id: p.id, clientId: p.client_id, locationId: p.location_id, packageId: p.package_id, invoiceId: p.invoice_id, name: p.name, serviceCode: p.service_code,
    sessionsTotal: p.sessions_total, sessionsUsed: p.sessions_used, sessionsRefunded: p.sessions_refunded, sessionsRemaining: remaining,
    priceCents: p.price_cents, currency: p.currency, expiresOn: p.expires_on, purchasedAt: new Date(p.purchased_at).toISOString(),
    status: p.sessions_refunded > 0 && remaining === 0 ? 'refunded' : remaining === 0 ? 'used' : p.expires_on < today ? 'expired' : 'active',
  };
};
