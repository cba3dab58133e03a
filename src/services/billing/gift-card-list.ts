// The console's gift cards: a search by the code's last four or a name or email, and one card with
// its ledger. Names and emails are personal data, so each read is audited.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { entriesOf, giftCardView, loadGiftCard } from './gift-card-store.js';
import type { listGiftCardsQuery } from './gift-card.schema.js';

export async function listGiftCards(ctx: Ctx, q: z.infer<typeof listGiftCardsQuery>) {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('gift_cards').selectAll().where('organization_id', '=', org);
    if (q.status !== 'all') query = query.where('status', '=', q.status);
    const term = q.q?.trim();
    if (term) {
      const like = `%${term.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      query = query.where((eb) =>
        eb.or([
          eb('code_last4', '=', term.toUpperCase().replace(/[\s-]/g, '').slice(-4)),
          eb(sql`lower(purchaser_name)`, 'like', like),
          eb(sql`lower(recipient_name)`, 'like', like),
          eb(sql`lower(coalesce(purchaser_email, ''))`, 'like', like),
          eb(sql`lower(recipient_email)`, 'like', like),
        ]),
      );
    }
    const rows = await query.orderBy('created_at', 'desc').limit(200).execute();
    const total = await trx.selectFrom('gift_cards').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('balance_cents'), eb.val(0)).as('s')).where('organization_id', '=', org).where('status', '=', 'active').executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'gift_card.list', entityType: 'gift_card', details: { count: rows.length, searched: Boolean(term) } });
    return { giftCards: rows.map(giftCardView), outstandingCents: Number(total.s) };
  });
}

export async function getGiftCard(ctx: Ctx, id: string) {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const card = await loadGiftCard(trx, org, id);
    await recordAudit(trx, ctx, { action: 'gift_card.view', entityType: 'gift_card', entityId: id, clientId: card.purchaser_client_id });
    return { giftCard: giftCardView(card), entries: await entriesOf(trx, org, id) };
  });
}
