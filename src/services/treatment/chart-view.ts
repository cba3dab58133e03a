import type { Db } from '../../db/connect.js';
import type { Chart } from '../../domain/treatment/chart.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { notFound } from '../errors.js';
import { loadClient } from '../clients/load-client.js';

export async function chartView(db: Db, organizationId: string, chartId: string) {
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
    id: c.id, bookingId: c.booking_id, clientId: c.client_id, version: c.version, supersedes: c.supersedes, status: c.status, chart: c.data as Chart,
    provider: c.provider_name, signedName: c.signed_name, signedAt: c.signed_at ? new Date(c.signed_at).toISOString() : null, signatureHash: c.signature_hash,
    amendmentReason: c.amendment_reason, needsCosign: c.needs_cosign, cosignedBy: c.cosigner_name, cosignedAt: c.cosigned_at ? new Date(c.cosigned_at).toISOString() : null,
  };
}

/** The chart of a booking: the newest version and the list of versions (clinicians only). */
export async function getBookingChart(ctx: Ctx, bookingId: string) {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const b = await trx.selectFrom('bookings').select(['id', 'client_id']).where('organization_id', '=', org).where('id', '=', bookingId).executeTakeFirst();
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
export async function cosignQueue(ctx: Ctx) {
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
