// In-clinic signing, the tablet side: everything here is reached with a hand-off token alone, never a
// session. The token opens exactly one document for one client, until it is used or expires; the
// answers carry that document and nothing else about the client or the clinic.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../../db/connect.js';
import { findClient } from '../../db/repositories/clients.repository.js';
import { insertConsent } from '../../db/repositories/consents.repository.js';
import { consentCanonical } from '../../domain/consent/document.js';
import { personName } from '../../domain/shared/input.js';
import type { RequestMeta } from '../context.js';
import { appendAudit, type AuditActor } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { draftConsent } from './consent-document.js';
import { tokenHash } from './consent-handoff.js';
import { normalName, signaturePngBytes, signConsentInput, textHash } from './sign-consent.js';
import type { HandoffDocumentView } from './handoff.schema.js';

/** What a token-scoped call has: no principal, only the database, the request and the clock. */
export interface TokenCtx {
  db: Db;
  meta: RequestMeta;
  now: () => Date;
}

export const signHandoffInput = signConsentInput.pick({ signaturePng: true, documentHash: true, agree: true }).extend({ signedName: personName({ min: 2, max: 200 }) });

const GONE = 'This signing link has expired or was already used. Please hand the tablet back to the staff.';

async function openHandoff(trx: Db, token: string, now: Date, lock = false) {
  // the witness's name comes with the hand-off (a join for a name)
  let q = trx.selectFrom('consent_handoffs as h').innerJoin('users as u', 'u.id', 'h.started_by').selectAll('h').select('u.name as started_by_name').where('h.token_hash', '=', tokenHash(token));
  if (lock) q = q.forUpdate('h');
  const h = await q.executeTakeFirst();
  if (!h) throw notFound('signing link');
  if (h.used_at) throw new AppError('conflict', GONE, [], { rule: 'handoff_used' });
  if (new Date(h.expires_at).getTime() <= now.getTime()) throw new AppError('conflict', GONE, [], { rule: 'handoff_expired' });
  const client = await findClient(trx, h.organization_id, h.client_id);
  if (!client) throw notFound('signing link');
  const draft = await draftConsent(trx, h.organization_id, client, h.kind, h.modality, h.plan_id);
  return { h, client, draft };
}

// the tablet acts for the client, without an account: the audit names no user, and the witness in details
const tabletActor = (orgId: string, meta: RequestMeta): AuditActor => ({ organizationId: orgId, userId: null, role: null, requestId: meta.requestId, ip: meta.ip });

/** The document the tablet shows. Opening it is audited. */
export async function handoffDocument(t: TokenCtx, token: string): Promise<HandoffDocumentView> {
  return t.db.transaction().execute(async (trx) => {
    const { h, draft } = await openHandoff(trx, token, t.now());
    await appendAudit(trx, tabletActor(h.organization_id, t.meta), { action: 'consent.handoff.open', entityType: 'consent_handoff', entityId: h.id, clientId: h.client_id, details: { kind: h.kind } }, t.now());
    return {
      kind: h.kind, title: draft.input.template.title, templateVersion: draft.input.template.version, clientName: draft.input.client.name, organizationName: draft.input.organizationName,
      text: draft.text, documentHash: textHash(draft.text), expiresAt: new Date(h.expires_at).toISOString(),
    };
  });
}

/**
 * The client signs on the tablet: typed full name, drawn signature, agreement. The consent is kept
 * with method in_clinic and the staff member who started the hand-off as witness; the hand-off is
 * spent in the same transaction, so a second signature with the same token is refused.
 */
export async function signHandoff(t: TokenCtx, token: string, input: z.infer<typeof signHandoffInput>) {
  return t.db.transaction().execute(async (trx) => {
    const { h, client, draft } = await openHandoff(trx, token, t.now(), true);
    const png = signaturePngBytes(input.signaturePng);
    if (textHash(draft.text) !== input.documentHash) {
      throw new AppError('conflict', 'The document changed since it was shown; read it again before signing.', [{ path: 'documentHash', message: 'does not match the current document' }]);
    }
    if (normalName(input.signedName) !== normalName(draft.input.client.name)) {
      throw new AppError('validation', `Type your full name as on your record: ${draft.input.client.name}.`, [{ path: 'signedName', message: `Type your full name as on your record: ${draft.input.client.name}` }]);
    }
    const witness = { id: h.started_by, name: h.started_by_name };
    const signedAt = t.now().toISOString();
    const canonical = consentCanonical(draft.input, { signedName: input.signedName, signedAt, ip: t.meta.ip, signaturePngSha256: createHash('sha256').update(png).digest('hex'), witness: { userId: witness.id, name: witness.name } });
    const row = await insertConsent(trx, {
      organization_id: h.organization_id, client_id: client.id, kind: h.kind, modality: draft.modality, template_id: draft.input.template.id, template_version: draft.input.template.version,
      plan_id: draft.planId, signed_name: input.signedName, signature_png: png, signed_by: witness.id, signed_at: new Date(signedAt), ip: t.meta.ip,
      document_hash: textHash(canonical), document_text: draft.text, document_canonical: canonical, method: 'in_clinic', witnessed_by: witness.id,
    });
    await trx.updateTable('consent_handoffs').set({ used_at: new Date(signedAt), consent_id: row.id }).where('organization_id', '=', h.organization_id).where('id', '=', h.id).execute();
    await appendAudit(
      trx,
      tabletActor(h.organization_id, t.meta),
      { action: 'consent.sign', entityType: 'consent', entityId: row.id, clientId: client.id, details: { kind: h.kind, template: `${row.template_id}@${row.template_version}`, method: 'in_clinic', witness: witness.id, handoffId: h.id } },
      t.now(),
    );
    return { title: draft.input.template.title, signedAt };
  });
}
