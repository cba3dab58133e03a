import { z } from 'zod';
import { isoDate, line, text } from '../../domain/shared/input.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { loadLocation } from '../organization/load-location.js';

export const lotInput = z.strictObject({
  manufacturer: line({ min: 2, max: 80 }),
  product: line({ min: 2, max: 120 }),
  lotNumber: line({ max: 60 }),
  expiresOn: isoDate(),
});

const view = (l: { id: string; location_id: string; manufacturer: string; product: string; lot_number: string; expires_on: string; recalled_at: Date | null; recall_reason: string | null }) => ({
  id: l.id, locationId: l.location_id, manufacturer: l.manufacturer, product: l.product, lotNumber: l.lot_number, expiresOn: l.expires_on,
  recalledAt: l.recalled_at ? new Date(l.recalled_at).toISOString() : null, recallReason: l.recall_reason,
});

/** Single-use needle cartridges are received by lot (LOG-4), so every use can be traced. */
export async function addLot(ctx: Ctx, locationId: string, input: z.infer<typeof lotInput>) {
  const org = ctx.principal.organizationId;
  await loadLocation(ctx.db, org, locationId);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('cartridge_lots').values({ organization_id: org, location_id: locationId, manufacturer: input.manufacturer, product: input.product, lot_number: input.lotNumber, expires_on: input.expiresOn }).returningAll().executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, { action: 'lot.receive', entityType: 'cartridge_lot', entityId: row.id, details: { lot: input.lotNumber } });
      return view(row);
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new AppError('conflict', `lot ${input.lotNumber} of ${input.product} is already recorded`, [{ path: 'lotNumber', message: 'already recorded' }]);
    throw e;
  }
}

export async function listLots(ctx: Ctx, locationId: string) {
  await loadLocation(ctx.db, ctx.principal.organizationId, locationId);
  const rows = await ctx.db.selectFrom('cartridge_lots').selectAll().where('organization_id', '=', ctx.principal.organizationId).where('location_id', '=', locationId).orderBy('expires_on').execute();
  return rows.map(view);
}

/** Every client a lot touched, for a recall or an infection-control investigation (REG-9). */
export async function traceLot(ctx: Ctx, lotId: string) {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const lot = await trx.selectFrom('cartridge_lots').selectAll().where('organization_id', '=', org).where('id', '=', lotId).executeTakeFirst();
    if (!lot) throw notFound('lot');
    const rows = await trx
      .selectFrom('chart_lots as cl')
      .innerJoin('charts as ch', (j) => j.onRef('ch.organization_id', '=', 'cl.organization_id').onRef('ch.id', '=', 'cl.chart_id'))
      .innerJoin('bookings as b', (j) => j.onRef('b.organization_id', '=', 'ch.organization_id').onRef('b.id', '=', 'ch.booking_id'))
      .innerJoin('clients as c', (j) => j.onRef('c.organization_id', '=', 'cl.organization_id').onRef('c.id', '=', 'cl.client_id'))
      .select(['c.id as client_id', 'c.first_name', 'c.last_name', 'c.email', 'c.phone', 'b.id as booking_id', 'b.starts_at', 'ch.version'])
      .where('cl.organization_id', '=', org)
      .where('cl.lot_id', '=', lotId)
      .orderBy('b.starts_at')
      .execute();
    await recordAudit(trx, ctx, { action: 'lot.trace', entityType: 'cartridge_lot', entityId: lotId, details: { clients: new Set(rows.map((r) => r.client_id)).size } });
    return {
      lot: view(lot),
      uses: rows.map((r) => ({ clientId: r.client_id, clientName: `${r.first_name} ${r.last_name}`, email: r.email, phone: r.phone, bookingId: r.booking_id, treatedOn: new Date(r.starts_at).toISOString(), chartVersion: r.version })),
    };
  });
}

export const recallInput = z.strictObject({ reason: text({ min: 3, max: 500 }) });

/** A recalled lot is refused from now on; the answer lists every client it was used on. */
export async function recallLot(ctx: Ctx, lotId: string, input: z.infer<typeof recallInput>) {
  const org = ctx.principal.organizationId;
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('cartridge_lots').set({ recalled_at: ctx.now(), recall_reason: input.reason }).where('organization_id', '=', org).where('id', '=', lotId).returning('id').executeTakeFirst();
    if (!r) throw notFound('lot');
    await recordAudit(trx, ctx, { action: 'lot.recall', entityType: 'cartridge_lot', entityId: lotId, details: { reason: input.reason } });
  });
  return traceLot(ctx, lotId);
}
