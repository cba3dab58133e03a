import type { Db } from '../../../db/connect.js';
import type { Ctx } from '../../context.js';
import { forbidden } from '../../errors.js';
import { settingsInForce } from '../settings/clinical-settings.js';

/**
 * Who may sign a clinician review: the medical director, or a provider whose licence type the
 * organization's settings allow (prescribers by default: MD, DO, NP, PA) and whose licence is
 * current.
 */
export async function assertReviewer(trx: Db, ctx: Ctx, today: string) {
  const m = await trx
    .selectFrom('memberships')
    .select(['role', 'licence_type', 'licence_expires_on'])
    .where('organization_id', '=', ctx.principal.organizationId)
    .where('user_id', '=', ctx.principal.userId)
    .executeTakeFirst();
  if (!m) throw forbidden();
  if (m.role === 'medical_director') return { licenceType: m.licence_type };
  const { settings } = await settingsInForce(trx, ctx.principal.organizationId);
  const allowed = m.role === 'provider' && m.licence_type !== null && settings.reviewerLicenceTypes.includes(m.licence_type);
  if (!allowed) throw forbidden('only the medical director or a provider whose licence may prescribe can review screenings');
  if (m.licence_expires_on && m.licence_expires_on < today) throw forbidden('your licence has expired');
  return { licenceType: m.licence_type };
}
