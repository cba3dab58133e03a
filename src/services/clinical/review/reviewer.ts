import type { Db } from '../../../db/connect.js';
import { findMembership } from '../../../db/repositories/memberships.repository.js';
import type { Ctx } from '../../context.js';
import { forbidden } from '../../errors.js';
import { settingsInForce } from '../settings/clinical-settings.js';

/**
 * Who may sign a clinician review: the medical director, or a provider whose licence type the
 * organization's settings allow (prescribers by default: MD, DO, NP, PA) and whose licence is
 * current.
 */
export async function assertReviewer(trx: Db, ctx: Ctx, today: string) {
  const r = await reviewerStatus(trx, ctx, today);
  if (!r.ok) throw forbidden(r.message, r.reason);
  return { licenceType: r.licenceType };
}

/** Whether the caller may sign a review now, and if not, why (for the queue, which clinicians read). */
export async function reviewerStatus(trx: Db, ctx: Ctx, today: string): Promise<{ ok: true; licenceType: string | null } | { ok: false; reason: string; message: string }> {
  const m = await findMembership(trx, ctx.principal.organizationId, ctx.principal.userId);
  if (!m) return { ok: false, reason: 'not_a_member', message: 'you are not a member of this organization' };
  if (m.role === 'medical_director') return { ok: true, licenceType: m.licence_type };
  const { settings } = await settingsInForce(trx, ctx.principal.organizationId);
  const allowed = m.role === 'provider' && m.licence_type !== null && settings.reviewerLicenceTypes.includes(m.licence_type);
  if (!allowed) return { ok: false, reason: 'reviewer_licence_required', message: 'only the medical director or a provider whose licence may prescribe can review screenings' };
  if (m.licence_expires_on && m.licence_expires_on < today) return { ok: false, reason: 'licence_expired', message: 'your licence has expired' };
  return { ok: true, licenceType: m.licence_type };
}
