import { z } from 'zod';
import { line } from '../../domain/shared/input.js';
import { insertRiskAcknowledgement, listRiskAcknowledgements } from '../../db/repositories/learn.repository.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { loadClient } from '../clients/load-client.js';
import { riskSummaryFor } from './guide.js';
import { AppError } from '../errors.js';
import type { RiskAcknowledgementRecordView, RiskAcknowledgementView } from './learn.schema.js';

// rows are only written for the modalities the input allows
const modalityOf = (m: string) => m as RiskAcknowledgementView['modality'];

export const acknowledgeRisksInput = z.strictObject({
  modality: z.enum(['roller', 'pen', 'rf']),
  /** the version the client read; an older one must be read again */
  summaryVersion: line({ max: 40 }),
});

/** The client acknowledges the risk summary before booking a treatment; kept with version and IP. */
export async function acknowledgeRisks(ctx: Ctx, clientId: string, input: z.infer<typeof acknowledgeRisksInput>): Promise<RiskAcknowledgementView> {
  const summary = riskSummaryFor(input.modality);
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClient(trx, ctx, clientId);
    if (input.summaryVersion !== summary.version) {
      throw new AppError('conflict', 'the risk summary has changed; read the current version', [{ path: 'summaryVersion', message: `current version is ${summary.version}` }]);
    }
    const row = await insertRiskAcknowledgement(trx, {
      organization_id: ctx.principal.organizationId,
      client_id: client.id,
      summary_id: summary.id,
      summary_version: summary.version,
      modality: input.modality,
      acknowledged_by: ctx.principal.userId,
      ip: ctx.meta.ip,
    });
    await recordAudit(trx, ctx, { action: 'risk.acknowledge', entityType: 'risk_acknowledgement', entityId: row.id, clientId: client.id, details: { modality: input.modality, version: summary.version } });
    return { id: row.id, modality: modalityOf(row.modality), summaryVersion: row.summary_version, acknowledgedAt: new Date(row.created_at).toISOString() };
  });
}

export async function listAcknowledgements(ctx: Ctx, clientId: string): Promise<RiskAcknowledgementRecordView[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClient(trx, ctx, clientId);
    const rows = await listRiskAcknowledgements(trx, ctx.principal.organizationId, client.id);
    await recordAudit(trx, ctx, { action: 'risk.list', entityType: 'client', entityId: client.id, clientId: client.id });
    return rows.map((r) => ({ id: r.id, modality: modalityOf(r.modality), summaryVersion: r.summary_version, acknowledgedAt: new Date(r.created_at).toISOString(), ip: r.ip }));
  });
}
