import { findScreening, latestIntake, listScreenings } from '../../../db/repositories/clinical.repository.js';
import type { Ctx } from '../../context.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import { notFound } from '../../errors.js';
import { loadClientForHealthData } from '../intake/intake-access.js';
import { clientScreeningView, screeningStatus, staffScreeningView } from './screening-view.js';
import { todayIn } from '../today.js';
import { loadClientOf } from '../../clients/load-client.js';

export async function listClientScreenings(ctx: Ctx, clientId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClientForHealthData(trx, ctx, clientId);
    const rows = await listScreenings(trx, ctx.principal.organizationId, client.id);
    const latest = (await latestIntake(trx, ctx.principal.organizationId, client.id))?.version ?? 0;
    const today = await todayIn(trx, ctx);
    await recordAudit(trx, ctx, { action: 'screening.list', entityType: 'screening', clientId: client.id, details: { count: rows.length } });
    const view = ctx.principal.role === 'client' ? clientScreeningView : staffScreeningView;
    return rows.map((r) => view(r, screeningStatus(r, latest, today)));
  });
}

export async function getScreening(ctx: Ctx, screeningId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const r = await findScreening(trx, ctx.principal.organizationId, screeningId);
    if (!r) throw notFound('screening');
    const client = await loadClientOf(trx, ctx, r.client_id, 'screening');
    const latest = (await latestIntake(trx, ctx.principal.organizationId, client.id))?.version ?? 0;
    const today = await todayIn(trx, ctx);
    await recordAudit(trx, ctx, { action: 'screening.read', entityType: 'screening', entityId: r.id, clientId: client.id });
    const status = screeningStatus(r, latest, today);
    return ctx.principal.role === 'client' ? clientScreeningView(r, status) : staffScreeningView(r, status);
  });
}
