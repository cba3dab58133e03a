// A client's marketing opt-in (docs/recall.md): off until the client says yes, in the portal or to
// the desk (who records it with the client's say-so); kept apart from care messages, and audited with
// how it was given.
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { loadClient } from '../clients/load-client.js';
import { findMessagePreferences, setMarketingOptIn } from '../../db/repositories/message-preferences.repository.js';
import type { MarketingConsentView } from '../recall/recall.schema.js';

export async function getMarketingConsent(ctx: Ctx, clientId: string): Promise<MarketingConsentView> {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClient(trx, ctx, clientId);
    const p = await findMessagePreferences(trx, ctx.principal.organizationId, client.id);
    await recordAudit(trx, ctx, { action: 'marketing_consent.read', entityType: 'client', entityId: client.id, clientId: client.id });
    return { optedIn: p?.marketing ?? false, changedAt: p?.marketing_changed_at ? new Date(p.marketing_changed_at).toISOString() : null, source: p?.marketing_source ?? null };
  });
}

/** The client in the portal, or the desk with the client's say-so (the route allows no one else). */
export async function putMarketingConsent(ctx: Ctx, clientId: string, optedIn: boolean): Promise<MarketingConsentView> {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClient(trx, ctx, clientId);
    const source = ctx.principal.role === 'client' ? 'portal' : 'desk';
    const at = ctx.now();
    await setMarketingOptIn(trx, ctx.principal.organizationId, client.id, { optedIn, at, source });
    await recordAudit(trx, ctx, { action: 'marketing_consent.update', entityType: 'client', entityId: client.id, clientId: client.id, details: { optedIn, source } });
    return { optedIn, changedAt: at.toISOString(), source };
  });
}
