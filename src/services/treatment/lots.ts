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

const isoDateTime = z.iso.datetime({ offset: true });

const LOT_EXAMPLE = {
  id: '5f0c6a1e-8d2b-4c1a-9f3e-2b7d6c5a4e31', locationId: '0b9e2f6c-3a1d-4e5f-8c7b-6a5d4e3f2a10', manufacturer: 'Dermapen', product: 'Cartridge 16-pin', lotNumber: 'LOT-2026-041', expiresOn: '2027-06-30',
  recalledAt: null, recallReason: null,
} as const;

export const Lot = z
  .object({
    id: z.uuid(),
    locationId: z.uuid(),
    manufacturer: z.string(),
    product: z.string(),
    lotNumber: z.string(),
    expiresOn: z.iso.date().describe('Last day of use (ISO date)'),
    recalledAt: isoDateTime.nullable().describe('When the lot was recalled (ISO date-time); null while usable'),
    recallReason: z.string().nullable(),
  })
  .meta({
    id: 'Lot',
    description: 'A received lot of single-use needle cartridges',
    example: LOT_EXAMPLE,
  });
export type LotView = z.output<typeof Lot>;

export const LotList = z.object({ items: z.array(Lot) }).meta({ id: 'LotList', description: "A location's cartridge lots, soonest expiry first", example: { items: [LOT_EXAMPLE] } });

export const LotTrace = z
  .object({
    lot: Lot,
    uses: z.array(
      z.object({
        clientId: z.uuid(),
        clientName: z.string(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        bookingId: z.uuid(),
        treatedOn: isoDateTime.describe('Start of the treated session (ISO date-time)'),
        chartVersion: z.number().int(),
      }),
    ),
  })
  .meta({
    id: 'LotTrace',
    description: 'A lot and every client it was used on, in session order',
    example: {
      lot: { id: '5f0c6a1e-8d2b-4c1a-9f3e-2b7d6c5a4e31', locationId: '0b9e2f6c-3a1d-4e5f-8c7b-6a5d4e3f2a10', manufacturer: 'Dermapen', product: 'Cartridge 16-pin', lotNumber: 'LOT-2026-041', expiresOn: '2027-06-30', recalledAt: '2026-11-30T15:00:00.000Z', recallReason: 'Manufacturer recall notice' },
      uses: [{ clientId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', clientName: 'Ana Lopez', email: 'ana@example.com', phone: '+15555550100', bookingId: '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9', treatedOn: '2026-11-02T17:00:00.000Z', chartVersion: 1 }],
    },
  });
export type LotTraceView = z.output<typeof LotTrace>;

const view = (l: { id: string; location_id: string; manufacturer: string; product: string; lot_number: string; expires_on: string; recalled_at: Date | null; recall_reason: string | null }): LotView => ({
  id: l.id, locationId: l.location_id, manufacturer: l.manufacturer, product: l.product, lotNumber: l.lot_number, expiresOn: l.expires_on,
  recalledAt: l.recalled_at ? new Date(l.recalled_at).toISOString() : null, recallReason: l.recall_reason,
});

/** Single-use needle cartridges are received by lot (LOG-4), so every use can be traced. */
export async function addLot(ctx: Ctx, locationId: string, input: z.infer<typeof lotInput>): Promise<LotView> {
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

export async function listLots(ctx: Ctx, locationId: string): Promise<LotView[]> {
  await loadLocation(ctx.db, ctx.principal.organizationId, locationId);
  const rows = await ctx.db.selectFrom('cartridge_lots').selectAll().where('organization_id', '=', ctx.principal.organizationId).where('location_id', '=', locationId).orderBy('expires_on').execute();
  return rows.map(view);
}

/** Every client a lot touched, for a recall or an infection-control investigation (REG-9). */
export async function traceLot(ctx: Ctx, lotId: string): Promise<LotTraceView> {
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
export async function recallLot(ctx: Ctx, lotId: string, input: z.infer<typeof recallInput>): Promise<LotTraceView> {
  const org = ctx.principal.organizationId;
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('cartridge_lots').set({ recalled_at: ctx.now(), recall_reason: input.reason }).where('organization_id', '=', org).where('id', '=', lotId).returning('id').executeTakeFirst();
    if (!r) throw notFound('lot');
    await recordAudit(trx, ctx, { action: 'lot.recall', entityType: 'cartridge_lot', entityId: lotId, details: { reason: input.reason } });
  });
  return traceLot(ctx, lotId);
}
