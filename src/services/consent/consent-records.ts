import { z } from 'zod';
import { findConsent, listConsents, withdrawConsent } from '../../db/repositories/consents.repository.js';
import { findOrganization } from '../../db/repositories/organizations.repository.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { loadClientForHealthData } from '../clinical/intake/intake-access.js';
import { draftConsent } from './consent-document.js';
import { consentKinds, textHash } from './sign-consent.js';
import { consentView } from './consent-view.js';
import type { ConsentPreviewView } from './consent.schema.js';

export const previewInput = z.object({
  kind: z.enum(consentKinds),
  modality: z.enum(['roller', 'pen', 'rf']).optional(),
  planId: z.uuid().optional(),
});

/** The document to sign, with its hash (sent back on signing so a changed text is never signed). */
export async function previewConsent(ctx: Ctx, clientId: string, q: z.infer<typeof previewInput>): Promise<ConsentPreviewView> {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClientForHealthData(trx, ctx, clientId);
    const d = await draftConsent(trx, ctx.principal.organizationId, client, q.kind, q.modality ?? null, q.planId ?? null);
    return { kind: q.kind, modality: d.modality, planId: d.planId, templateId: d.input.template.id, templateVersion: d.input.template.version, title: d.input.template.title, clientName: d.input.client.name, text: d.text, documentHash: textHash(d.text) };
  });
}

export async function listClientConsents(ctx: Ctx, clientId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClientForHealthData(trx, ctx, clientId);
    const rows = await listConsents(trx, ctx.principal.organizationId, client.id);
    await recordAudit(trx, ctx, { action: 'consent.list', entityType: 'client', entityId: client.id, clientId: client.id });
    return rows.map(consentView);
  });
}

/** Everything the PDF shows; reading it is audited like any access to the record. */
/** What the consent PDF shows, from the stored consent (also used by the full export). */
export function consentPdfInput(
  r: { template_id: string; document_text: string; signed_name: string; signed_at: Date | string; ip: string | null; document_hash: string; signature_png: Buffer | null; withdrawn_at: Date | string | null; method: 'remote' | 'in_clinic' },
  organizationName: string,
  witnessName: string | null,
) {
  return {
    fileName: `consent-${r.template_id}-${new Date(r.signed_at).toISOString().slice(0, 10)}.pdf`,
    title: r.document_text.split('\n')[0] ?? 'Consent',
    organizationName,
    text: r.document_text,
    signedName: r.signed_name,
    signedAt: new Date(r.signed_at).toISOString(),
    ip: r.ip,
    documentHash: r.document_hash,
    signaturePng: r.signature_png ? new Uint8Array(r.signature_png) : null,
    withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at).toISOString() : null,
    inClinicWitness: r.method === 'in_clinic' ? (witnessName ?? 'a staff member') : null,
  };
}

export async function consentForPdf(ctx: Ctx, consentId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const r = await findConsent(trx, ctx.principal.organizationId, consentId);
    if (!r) throw notFound('consent');
    await loadClientForHealthData(trx, ctx, r.client_id);
    const org = await findOrganization(trx, ctx.principal.organizationId);
    await recordAudit(trx, ctx, { action: 'consent.pdf', entityType: 'consent', entityId: r.id, clientId: r.client_id });
    return consentPdfInput(r, org?.name ?? '', r.witnessed_by_name);
  });
}

/** A consent can be withdrawn at any time (marketing use above all); withdrawal stops future use. */
export async function withdrawClientConsent(ctx: Ctx, consentId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const r = await findConsent(trx, ctx.principal.organizationId, consentId);
    if (!r) throw notFound('consent');
    await loadClientForHealthData(trx, ctx, r.client_id);
    const done = await withdrawConsent(trx, ctx.principal.organizationId, r.id, ctx.principal.userId, ctx.now());
    if (!done) throw new AppError('conflict', 'this consent was already withdrawn');
    await recordAudit(trx, ctx, { action: 'consent.withdraw', entityType: 'consent', entityId: r.id, clientId: r.client_id, details: { kind: r.kind } });
    return consentView((await findConsent(trx, ctx.principal.organizationId, r.id))!);
  });
}
