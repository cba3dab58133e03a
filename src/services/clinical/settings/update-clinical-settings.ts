import { z } from 'zod';
import { text } from '../../../domain/shared/input.js';
import { insertSettings, settingsHistory } from '../../../db/repositories/clinical.repository.js';
import type { Ctx } from '../../context.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import { AppError } from '../../errors.js';
import { clinicalSettingsSchema, settingsInForce, type ClinicalSettings } from './clinical-settings.js';
import type { ClinicalSettingsVersionView, ClinicalSettingsWithHistoryView } from './clinical-settings.schema.js';

export const updateSettingsInput = z.strictObject({
  settings: clinicalSettingsSchema,
  reason: text({ min: 3, max: 1000, tooShort: 'say why the setting changes' }),
  /** the version the editor saw; a concurrent change answers 409 instead of being overwritten */
  baseVersion: z.number().int().min(0),
});

/** Medical director only (enforced by the route); writes a new version and audits the change. */
export async function updateClinicalSettings(ctx: Ctx, input: z.infer<typeof updateSettingsInput>): Promise<ClinicalSettingsVersionView> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await settingsInForce(trx, ctx.principal.organizationId);
    if (current.version !== input.baseVersion) {
      throw new AppError('conflict', `the settings changed since you opened them (now version ${current.version}); reload and try again`, [{ path: 'baseVersion', message: 'stale' }]);
    }
    const version = current.version + 1;
    await insertSettings(trx, { organization_id: ctx.principal.organizationId, version, settings: input.settings, reason: input.reason, changed_by: ctx.principal.userId });
    const changed = Object.keys(input.settings.screening).filter(
      (k) => JSON.stringify((input.settings.screening as Record<string, unknown>)[k]) !== JSON.stringify((current.settings.screening as Record<string, unknown>)[k]),
    );
    await recordAudit(trx, ctx, { action: 'clinical_settings.update', entityType: 'clinical_settings', entityId: String(version), details: { changed, reviewers: input.settings.reviewerLicenceTypes } });
    return { version, settings: input.settings };
  });
}

export async function clinicalSettingsWithHistory(ctx: Ctx): Promise<ClinicalSettingsWithHistoryView> {
  const current = await settingsInForce(ctx.db, ctx.principal.organizationId);
  const history = await settingsHistory(ctx.db, ctx.principal.organizationId);
  return {
    version: current.version,
    settings: current.settings,
    // every stored version was checked against the settings schema when it was saved
    history: history.map((h) => ({ version: h.version, settings: h.settings as ClinicalSettings, reason: h.reason, changedAt: h.changed_at.toISOString(), changedBy: h.changed_by_name })),
  };
}
