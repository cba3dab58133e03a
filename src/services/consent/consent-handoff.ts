// In-clinic signing, the staff side (issue 13, item 4): staff hand the clinic tablet to the client for
// ONE consent document. The hand-off is single-use, expires after 15 minutes, and only the sha256 of
// its token is stored; the tablet reaches nothing but that document (handoff-sign.ts).
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { findBooking } from '../../db/repositories/bookings.repository.js';
import { listConsents } from '../../db/repositories/consents.repository.js';
import { localDateOf } from '../../domain/scheduling/local-time.js';
import { templateFor } from '../../domain/consent/templates.js';
import { MODALITIES, type Modality } from '../../domain/screening/engine/contract.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { loadClient } from '../clients/load-client.js';
import { notFound } from '../errors.js';
import { todayIn } from '../clinical/today.js';
import { draftConsent } from './consent-document.js';
import { consentStatus } from './consent-view.js';
import { CONSENT_KINDS } from './consent.schema.js';
import type { CheckInStatusView, ConsentHandoffView, ConsentSummaryView } from './handoff.schema.js';

export const HANDOFF_MINUTES = 15;
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export const startHandoffInput = z.strictObject({
  kind: z.enum(CONSENT_KINDS),
  modality: z.enum(MODALITIES).optional(),
  planId: z.uuid().optional(),
});

/**
 * Starts a hand-off of one document for one client. The document is drafted now, so a missing
 * modality or a superseded plan is refused at the desk rather than on the tablet. Audited.
 */
export async function startConsentHandoff(ctx: Ctx, clientId: string, input: z.infer<typeof startHandoffInput>): Promise<ConsentHandoffView> {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClient(trx, ctx, clientId);
    const draft = await draftConsent(trx, org, client, input.kind, input.modality ?? null, input.planId ?? null);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(ctx.now().getTime() + HANDOFF_MINUTES * 60_000);
    const row = await trx
      .insertInto('consent_handoffs')
      .values({ organization_id: org, client_id: client.id, kind: input.kind, modality: draft.modality, plan_id: draft.planId, token_hash: tokenHash(token), started_by: ctx.principal.userId, expires_at: expiresAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'consent.handoff.start', entityType: 'consent_handoff', entityId: row.id, clientId: client.id, details: { kind: input.kind, expiresAt: expiresAt.toISOString() } });
    return { id: row.id, token, path: `/sign/${token}`, expiresAt: expiresAt.toISOString(), kind: input.kind, title: draft.input.template.title, clientName: draft.input.client.name };
  });
}

/**
 * Which consents the client has signed, for the desk at check-in and for the chart's photos: the
 * treatment consent for the modality (when one is given) and the consent to clinical photographs.
 * No document content, so the front desk may read it.
 */
export async function consentSummary(ctx: Ctx, clientId: string, modality: Modality | undefined): Promise<ConsentSummaryView> {
  return ctx.db.transaction().execute((trx) => summaryIn(trx, ctx, clientId, modality));
}

async function summaryIn(trx: Parameters<typeof loadClient>[0], ctx: Ctx, clientId: string, modality: Modality | undefined): Promise<ConsentSummaryView> {
  const client = await loadClient(trx, ctx, clientId);
  const rows = (await listConsents(trx, ctx.principal.organizationId, client.id)).filter((c) => consentStatus(c) === 'current');
  const wanted: { kind: (typeof CONSENT_KINDS)[number]; modality: Modality | null }[] = [...(modality ? [{ kind: 'treatment' as const, modality }] : []), { kind: 'photo_clinical', modality: null }];
  return {
    items: wanted.map((w) => {
      const found = rows.find((c) => c.kind === w.kind && (w.kind !== 'treatment' || c.modality === w.modality));
      return { kind: w.kind, title: templateFor(w.kind, w.modality).title, signed: Boolean(found), signedAt: found ? new Date(found.signed_at).toISOString() : null, method: found ? found.method : null };
    }),
  };
}

/**
 * What the desk needs before the check-in click: whether today (the clinic's, by the server's clock)
 * is the visit's day, and which consents the client still has to sign.
 */
export async function checkInStatus(ctx: Ctx, bookingId: string): Promise<CheckInStatusView> {
  return ctx.db.transaction().execute(async (trx) => {
    const b = await findBooking(trx, ctx.principal.organizationId, bookingId);
    if (!b) throw notFound('booking');
    const visitDate = localDateOf(new Date(b.starts_at).getTime(), b.time_zone);
    const today = await todayIn(trx, ctx, b.location_id);
    const modality = b.service_kind === 'treatment' && b.modality ? b.modality : undefined;
    const summary = await summaryIn(trx, ctx, b.client_id, modality);
    return { bookingId: b.id, visitDate, today, onVisitDay: visitDate === today, consents: summary.items };
  });
}
