// Gift card liability: what cards sold by the end of the window still hold (money the clinic owes
// in services), with what was sold, redeemed, refunded and voided within the window. Reconciles as
// sold (ever) = redeemed (net of returns) + refunded + voided + outstanding, over all time.
import type { Ctx } from '../context.js';
import { reportWindow, type Report, type ReportQuery } from './report.js';
import { localDate } from './tally.js';

export async function giftCardLiabilityReport(ctx: Ctx, q: ReportQuery): Promise<Report> {
  const w = await reportWindow(ctx, q);
  const org = ctx.principal.organizationId;
  // entries up to the end of the window give each card's balance as of then
  let query = ctx.db
    .selectFrom('gift_card_entries as e')
    .innerJoin('gift_cards as g', (j) => j.onRef('g.organization_id', '=', 'e.organization_id').onRef('g.id', '=', 'e.gift_card_id'))
    .select(['e.gift_card_id', 'e.kind', 'e.amount_cents', 'e.created_at', 'g.code_last4', 'g.recipient_name', 'g.initial_cents', 'g.expires_on', 'g.channel', 'g.activated_at', 'g.created_at as sold_at'])
    .where('e.organization_id', '=', org)
    .where('e.created_at', '<', w.end);
  if (q.locationId) query = query.where('g.location_id', '=', q.locationId);
  const rows = await query.orderBy('e.created_at').execute();

  const s = { soldCents: 0, redeemedCents: 0, refundedCents: 0, voidedCents: 0, liabilityCents: 0, cardsSold: 0, cardsOutstanding: 0 };
  const cards = new Map<string, { last4: string; recipient: string; soldOn: string; initialCents: number; balanceCents: number; expiresOn: string | null; channel: string }>();
  for (const r of rows) {
    const inWindow = new Date(r.created_at) >= w.start;
    const card = cards.get(r.gift_card_id) ?? { last4: r.code_last4 ?? '', recipient: r.recipient_name, soldOn: localDate(r.activated_at ?? r.sold_at, w.timeZone), initialCents: r.initial_cents, balanceCents: 0, expiresOn: r.expires_on, channel: r.channel };
    cards.set(r.gift_card_id, card);
    const delta = r.kind === 'issue' || r.kind === 'return' ? r.amount_cents : r.kind === 'expiry' ? 0 : -r.amount_cents;
    card.balanceCents += delta;
    if (!inWindow) continue;
    if (r.kind === 'issue') {
      s.soldCents += r.amount_cents;
      s.cardsSold++;
    } else if (r.kind === 'redeem') s.redeemedCents += r.amount_cents;
    else if (r.kind === 'return') s.redeemedCents -= r.amount_cents;
    else if (r.kind === 'refund') s.refundedCents += r.amount_cents;
    else if (r.kind === 'void') s.voidedCents += r.amount_cents;
  }
  const open = [...cards.values()].filter((c) => c.balanceCents > 0);
  s.liabilityCents = open.reduce((t, c) => t + c.balanceCents, 0);
  s.cardsOutstanding = open.length;

  return {
    name: 'gift-cards',
    title: 'Gift cards',
    from: w.from,
    to: w.to,
    locationId: q.locationId ?? null,
    summary: s,
    tables: [
      {
        name: 'outstanding',
        title: 'Gift cards with a balance at the end of the period',
        columns: [
          { key: 'card', label: 'Card' },
          { key: 'recipient', label: 'Recipient' },
          { key: 'soldOn', label: 'Sold', kind: 'date' },
          { key: 'channel', label: 'Sold' },
          { key: 'valueCents', label: 'Value', kind: 'cents' },
          { key: 'balanceCents', label: 'Balance', kind: 'cents' },
          { key: 'expiresOn', label: 'Expires', kind: 'date' },
        ],
        rows: open
          .sort((a, b) => b.balanceCents - a.balanceCents || a.soldOn.localeCompare(b.soldOn))
          .map((c) => ({ card: `ending ${c.last4}`, recipient: c.recipient, soldOn: c.soldOn, channel: c.channel === 'desk' ? 'At the desk' : 'Online', valueCents: c.initialCents, balanceCents: c.balanceCents, expiresOn: c.expiresOn })),
      },
    ],
  };
}
