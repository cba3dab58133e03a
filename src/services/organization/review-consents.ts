import { z } from 'zod';
import { consentSetVersion } from '../../domain/consent/templates.js';
import { line } from '../../domain/shared/input.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError } from '../errors.js';

/** The version of the consent documents in force (one version for the set today). */
export const consentDocumentsVersion = consentSetVersion;

export const consentReviewInput = z.strictObject({ version: line({ max: 100 }) });

/**
 * The owner or the medical director confirms they read the consent documents the clinic's clients
 * will sign (treatment per modality, clinical and marketing photographs), naming the version read:
 * if the documents changed since the page was opened, the confirmation is refused.
 */
export async function reviewConsents(ctx: Ctx, input: z.infer<typeof consentReviewInput>) {
  const version = consentDocumentsVersion();
  if (input.version !== version) {
    throw new AppError('conflict', `The consent documents changed since you opened them (now version ${version}). Read them again.`, [{ path: 'version', message: 'The documents changed; read them again' }]);
  }
  const at = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('organizations').set({ consents_reviewed_at: at }).where('id', '=', ctx.principal.organizationId).execute();
    await recordAudit(trx, ctx, { action: 'organization.consents_reviewed', entityType: 'organization', entityId: ctx.principal.organizationId, details: { version } });
    return { version, reviewedAt: at.toISOString() };
  });
}
