import { z } from 'zod';
import { isoDate, line } from '../../domain/shared/input.js';
import { findPriceItem, insertPackage, insertPriceItem, listPackages, listPriceItems } from '../../db/repositories/pricing.repository.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';

import type { Db } from '../../db/connect.js';
import { money, type PackageOffer, type PriceEntry } from '../../domain/pricing/quote.js';
import { loadLocation } from '../organization/load-location.js';
import { todayIn } from '../clinical/today.js';
import { invalid } from '../errors.js';
import { humanDate } from '../../domain/shared/human-date.js';

const cents = z.number().int().min(0).max(10_000_000);

export const newPriceInput = z.strictObject({
  serviceCode: z.string().regex(/^[a-z0-9_]{2,60}$/, 'lower-case letters, digits and _'),
  name: line({ min: 2, max: 120 }),
  modality: z.enum(['roller', 'pen', 'rf']).nullable(),
  priceCents: cents,
  effectiveFrom: isoDate(),
  confirmBackdated: z.boolean().optional().describe('true to add a price whose effective date is already past (the API refuses it otherwise, asking to confirm)'),
});

export const newPackageInput = z.strictObject({
  serviceCode: z.string().regex(/^[a-z0-9_]{2,60}$/),
  name: line({ min: 2, max: 120 }),
  sessions: z.number().int().min(2).max(24),
  priceCents: cents,
  validDays: z.number().int().min(30).max(1095).default(365),
});

export const assertLocation = (trx: Db, organizationId: string, locationId: string) => loadLocation(trx, organizationId, locationId);

export async function priceBook(db: Db, organizationId: string, locationId: string): Promise<{ prices: PriceEntry[]; packages: PackageOffer[] }> {
  const items = await listPriceItems(db, organizationId, locationId);
  const pkgs = await listPackages(db, organizationId, locationId);
  return {
    prices: items.map((i) => ({ id: i.id, serviceCode: i.service_code, name: i.name, price: money(i.price_cents, i.currency), effectiveFrom: i.effective_from })),
    packages: pkgs.filter((p) => p.active).map((p) => ({ id: p.id, name: p.name, serviceCode: p.service_code, sessions: p.sessions, price: money(p.price_cents, p.currency), validDays: p.valid_days })),
  };
}

/**
 * The price line a plan's quote was built on, as a price entry; null when absent. Bookings made for
 * the plan carry its id, and their deposit and invoice are priced from it (docs/money.md).
 */
export async function priceLine(db: Db, organizationId: string, id: string): Promise<PriceEntry | null> {
  const i = await findPriceItem(db, organizationId, id);
  return i ? { id: i.id, serviceCode: i.service_code, name: i.name, price: money(i.price_cents, i.currency), effectiveFrom: i.effective_from } : null;
}

export async function getPriceList(ctx: Ctx, locationId: string) {
  await assertLocation(ctx.db, ctx.principal.organizationId, locationId);
  const items = await listPriceItems(ctx.db, ctx.principal.organizationId, locationId);
  const pkgs = await listPackages(ctx.db, ctx.principal.organizationId, locationId);
  return {
    items: items.map((i) => ({ id: i.id, serviceCode: i.service_code, name: i.name, modality: i.modality, priceCents: i.price_cents, currency: i.currency, effectiveFrom: i.effective_from })),
    packages: pkgs.map((p) => ({ id: p.id, serviceCode: p.service_code, name: p.name, sessions: p.sessions, priceCents: p.price_cents, currency: p.currency, validDays: p.valid_days, active: p.active })),
  };
}

/** A price change is a new entry with its effective date; earlier quotes keep their price. */
export async function addPrice(ctx: Ctx, locationId: string, input: z.infer<typeof newPriceInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    await assertLocation(trx, ctx.principal.organizationId, locationId);
    // a back-dated change of a price is allowed, but only when the person confirms they mean it
    const today = await todayIn(trx, ctx, locationId);
    const same = (await listPriceItems(trx, ctx.principal.organizationId, locationId)).filter((i) => i.service_code === input.serviceCode);
    if (same.some((i) => i.effective_from === input.effectiveFrom)) {
      throw invalid('effectiveFrom', `This service already has a price from ${humanDate(input.effectiveFrom)}. Choose another date.`);
    }
    const isChange = same.length > 0;
    if (isChange && input.effectiveFrom < today && input.confirmBackdated !== true) {
      throw invalid(
        'confirmBackdated',
        `This price would take effect on ${humanDate(input.effectiveFrom)}, which is in the past. Quotes and invoices already made keep their price. Confirm to add it with this date, or choose today or a later date.`,
      );
    }
    const row = await insertPriceItem(trx, {
      organization_id: ctx.principal.organizationId, location_id: locationId, service_code: input.serviceCode, name: input.name,
      modality: input.modality, price_cents: input.priceCents, effective_from: input.effectiveFrom,
    });
    await recordAudit(trx, ctx, { action: 'price.create', entityType: 'price_list_item', entityId: row.id, details: { serviceCode: input.serviceCode, priceCents: input.priceCents, effectiveFrom: input.effectiveFrom, ...(input.effectiveFrom < today ? { backdated: true } : {}) } });
    return { id: row.id };
  });
}

export async function addPackage(ctx: Ctx, locationId: string, input: z.infer<typeof newPackageInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    await assertLocation(trx, ctx.principal.organizationId, locationId);
    const row = await insertPackage(trx, {
      organization_id: ctx.principal.organizationId, location_id: locationId, service_code: input.serviceCode, name: input.name,
      sessions: input.sessions, price_cents: input.priceCents, valid_days: input.validDays,
    });
    await recordAudit(trx, ctx, { action: 'package.create', entityType: 'package', entityId: row.id, details: { serviceCode: input.serviceCode, sessions: input.sessions, priceCents: input.priceCents } });
    return { id: row.id };
  });
}
