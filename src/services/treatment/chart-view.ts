import { z } from 'zod';
import type { Db } from '../../db/connect.js';
import { findBooking } from '../../db/repositories/bookings.repository.js';
import { ChartSchema, type Chart as ChartData } from '../../domain/treatment/chart.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { notFound } from '../errors.js';
import { loadClient } from '../clients/load-client.js';

const isoDateTime = z.iso.datetime();
const CHART_ID = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
const BOOKING_ID = '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9';
const chartStatus = z.enum(['draft', 'signed']);

const CHART_EXAMPLE = {
  id: CHART_ID, bookingId: BOOKING_ID, clientId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', version: 1, supersedes: null, status: 'signed',
  chart: {
    checklist: { skinCleansed: true, beforePhotosBeforeNumbing: true, numbingApplied: false },
    deviceId: '2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b', lotIds: ['5f0c6a1e-8d2b-4c1a-9f3e-2b7d6c5a4e31'], numbing: null,
    areas: [{ area: 'cheeks', depthMm: 1, passes: 3 }], products: [{ name: 'Hyaluronic serum', approvedForDevice: true }], endPoint: 'Even erythema', notes: '',
  },
  provider: 'Dana Reyes', signedName: 'Dana Reyes', signedAt: '2026-11-02T17:45:00.000Z', signatureHash: '9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5b7d9f0a2c4e6b8d0f', amendmentReason: null, needsCosign: false, cosignedBy: null, cosignedAt: null,
} as const;
const CHART_VERSION_EXAMPLE = { id: CHART_ID, version: 1, status: 'signed', signedAt: '2026-11-02T17:45:00.000Z', amendmentReason: null } as const;
const COSIGN_ITEM_EXAMPLE = { id: CHART_ID, bookingId: BOOKING_ID, version: 1, signedAt: '2026-11-02T17:45:00.000Z', clientName: 'Ana Lopez', provider: 'Dana Reyes' } as const;

export const Chart = z
  .object({
    id: z.uuid(),
    bookingId: z.uuid(),
    clientId: z.uuid(),
    version: z.number().int().describe('1 for the first version; each amendment adds one'),
    supersedes: z.uuid().nullable().describe('The version this one amends'),
    status: chartStatus,
    // the stored chart is the signed input itself, so the input schema describes it exactly
    chart: ChartSchema,
    provider: z.string().describe("The charting clinician's name"),
    signedName: z.string().nullable(),
    signedAt: isoDateTime.nullable().describe('ISO date-time; null for a draft'),
    signatureHash: z.string().nullable().describe('SHA-256 (hex) of the signed content'),
    amendmentReason: z.string().nullable(),
    needsCosign: z.boolean(),
    cosignedBy: z.string().nullable().describe("The co-signing medical director's name"),
    cosignedAt: isoDateTime.nullable(),
  })
  .meta({
    id: 'Chart',
    description: 'One version of a session chart',
    example: CHART_EXAMPLE,
  });
export type ChartView = z.output<typeof Chart>;

export const ChartVersion = z
  .object({ id: z.uuid(), version: z.number().int(), status: chartStatus, signedAt: isoDateTime.nullable(), amendmentReason: z.string().nullable() })
  .meta({ id: 'ChartVersion', description: 'One version in the history of a session chart', example: CHART_VERSION_EXAMPLE });

// a union rather than .nullable(): the generator would otherwise mark the Chart component itself nullable
export const BookingChart = z
  .object({ current: z.union([Chart, z.null()]).describe('The newest version; null before anything is charted'), versions: z.array(ChartVersion).describe('Newest first') })
  .meta({ id: 'BookingChart', description: "A session's chart: the newest version and every version", example: { current: CHART_EXAMPLE, versions: [CHART_VERSION_EXAMPLE] } });
export type BookingChartView = z.output<typeof BookingChart>;

export const CosignQueueItem = z
  .object({ id: z.uuid(), bookingId: z.uuid(), version: z.number().int(), signedAt: isoDateTime.nullable(), clientName: z.string(), provider: z.string() })
  .meta({ id: 'CosignQueueItem', description: 'A signed chart waiting for the medical director', example: COSIGN_ITEM_EXAMPLE });
export const CosignQueue = z
  .object({ items: z.array(CosignQueueItem) })
  .meta({ id: 'CosignQueue', description: 'Charts waiting for a co-signature, oldest signature first', example: { items: [{ ...COSIGN_ITEM_EXAMPLE, provider: 'Ana Reyes, RN' }] } });
export type CosignQueueItemView = z.output<typeof CosignQueueItem>;

export async function chartView(db: Db, organizationId: string, chartId: string): Promise<ChartView> {
  const c = await db
    .selectFrom('charts as c')
    .innerJoin('users as u', 'u.id', 'c.provider_user_id')
    .leftJoin('users as co', 'co.id', 'c.cosigned_by')
    .selectAll('c')
    .select(['u.name as provider_name', 'co.name as cosigner_name'])
    .where('c.organization_id', '=', organizationId)
    .where('c.id', '=', chartId)
    .executeTakeFirst();
  if (!c) throw notFound('chart');
  return {
    id: c.id, bookingId: c.booking_id, clientId: c.client_id, version: c.version, supersedes: c.supersedes, status: c.status, chart: c.data as ChartData,
    provider: c.provider_name, signedName: c.signed_name, signedAt: c.signed_at ? new Date(c.signed_at).toISOString() : null, signatureHash: c.signature_hash,
    amendmentReason: c.amendment_reason, needsCosign: c.needs_cosign, cosignedBy: c.cosigner_name, cosignedAt: c.cosigned_at ? new Date(c.cosigned_at).toISOString() : null,
  };
}

/** The chart of a booking: the newest version and the list of versions (clinicians only). */
export async function getBookingChart(ctx: Ctx, bookingId: string): Promise<BookingChartView> {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const b = await findBooking(trx, org, bookingId);
    if (!b) throw notFound('booking');
    await loadClient(trx, ctx, b.client_id);
    const versions = await trx.selectFrom('charts').select(['id', 'version', 'status', 'signed_at', 'amendment_reason']).where('organization_id', '=', org).where('booking_id', '=', b.id).orderBy('version', 'desc').execute();
    await recordAudit(trx, ctx, { action: 'chart.read', entityType: 'booking', entityId: b.id, clientId: b.client_id });
    return {
      current: versions[0] ? await chartView(trx, org, versions[0].id) : null,
      versions: versions.map((v) => ({ id: v.id, version: v.version, status: v.status, signedAt: v.signed_at ? new Date(v.signed_at).toISOString() : null, amendmentReason: v.amendment_reason })),
    };
  });
}

/**
 * Charts of supervised providers waiting for the medical director's co-signature: the newest signed
 * version of each session only, since an amendment supersedes what it amends.
 */
export async function cosignQueue(ctx: Ctx): Promise<CosignQueueItemView[]> {
  const rows = await ctx.db
    .selectFrom('charts as c')
    .innerJoin('clients as cl', (j) => j.onRef('cl.organization_id', '=', 'c.organization_id').onRef('cl.id', '=', 'c.client_id'))
    .innerJoin('users as u', 'u.id', 'c.provider_user_id')
    .select(['c.id', 'c.booking_id', 'c.version', 'c.signed_at', 'cl.first_name', 'cl.last_name', 'u.name as provider_name'])
    .where('c.organization_id', '=', ctx.principal.organizationId)
    .where('c.status', '=', 'signed')
    .where('c.needs_cosign', '=', true)
    .where('c.cosigned_by', 'is', null)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('charts as n').select('n.id').whereRef('n.organization_id', '=', 'c.organization_id').whereRef('n.booking_id', '=', 'c.booking_id').where('n.status', '=', 'signed').whereRef('n.version', '>', 'c.version'))),
    )
    .orderBy('c.signed_at')
    .execute();
  return rows.map((r) => ({ id: r.id, bookingId: r.booking_id, version: r.version, signedAt: r.signed_at ? new Date(r.signed_at).toISOString() : null, clientName: `${r.first_name} ${r.last_name}`, provider: r.provider_name }));
}
