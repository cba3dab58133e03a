import { intakeVersion, latestIntake, listIntakeVersions } from '../../../db/repositories/clinical.repository.js';
import type { Ctx } from '../../context.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import { notFound } from '../../errors.js';
import { loadClientForHealthData } from './intake-access.js';
import type { IntakeView } from './intake.schema.js';
import type { z } from 'zod';
import type { IntakeSchema } from '../engine.js';

/** The latest intake, or a given version (not found when it does not exist); also the Intake v1 JSON export. */
export async function readIntake(ctx: Ctx, clientId: string, version?: number): Promise<IntakeView> {
  const r = await readLatestIntake(ctx, clientId, version);
  if (!r) throw notFound('intake');
  return r;
}

/** The latest intake, or null when the client has not answered yet; a named version that does not exist is not found. */
export async function readLatestIntake(ctx: Ctx, clientId: string, version?: number): Promise<IntakeView | null> {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClientForHealthData(trx, ctx, clientId);
    const row = version ? await intakeVersion(trx, ctx.principal.organizationId, client.id, version) : await latestIntake(trx, ctx.principal.organizationId, client.id);
    if (!row && version) throw notFound('intake');
    if (!row) return null;
    const versions = await listIntakeVersions(trx, ctx.principal.organizationId, client.id);
    await recordAudit(trx, ctx, { action: 'intake.read', entityType: 'intake', entityId: `${client.id}:${row.version}`, clientId: client.id, details: { version: row.version } });
    return {
      version: row.version,
      latestVersion: versions[0]?.version ?? row.version,
      source: row.source,
      answeredOn: row.answered_on,
      recordedAt: row.created_at.toISOString(),
      // stored intakes were parsed by the contract schema when recorded
      intake: row.data as z.output<typeof IntakeSchema>,
      versions: versions.map((v) => ({ version: v.version, answeredOn: v.answered_on, source: v.source, recordedAt: v.created_at.toISOString(), recordedBy: v.recorded_by_name })),
    };
  });
}
