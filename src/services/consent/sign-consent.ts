import { createHash } from 'node:crypto';
import { z } from 'zod';
import { personName } from '../../domain/shared/input.js';
import { insertConsent } from '../../db/repositories/consents.repository.js';
import { consentCanonical } from '../../domain/consent/document.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError } from '../errors.js';
import { loadClientForHealthData } from '../clinical/intake/intake-access.js';
import { draftConsent } from './consent-document.js';
import { consentView } from './consent-view.js';
import { CONSENT_KINDS } from './consent.schema.js';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const consentKinds = CONSENT_KINDS;

export const signConsentInput = z.strictObject({
  kind: z.enum(consentKinds),
  modality: z.enum(['roller', 'pen', 'rf']).optional(),
  planId: z.uuid().optional(),
  /** the client's full name, typed */
  signedName: personName({ min: 2, max: 200 }),
  /** the drawn signature, a PNG data URL from the signature pad */
  signaturePng: z
    .string()
    .max(400_000, 'the drawn signature is too large')
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'a PNG data URL (data:image/png;base64,...)'),
  /** the text the client saw; signing fails if the document changed since */
  documentHash: z.string().regex(/^[0-9a-f]{64}$/, 'the sha256 of the document shown'),
  agree: z.literal(true, { error: 'tick the box to agree' }),
});

export const normalName = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** The drawn signature's bytes, refused unless they are a PNG image. */
export function signaturePngBytes(dataUrl: string): Buffer {
  const png = Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64');
  if (png.length < 67 || !png.subarray(0, 8).equals(PNG_MAGIC)) throw new AppError('validation', 'the drawn signature is not a PNG image', [{ path: 'signaturePng', message: 'not a PNG image' }]);
  return png;
}
export const textHash = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The client signs a consent: typed full name and a drawn signature, with time and IP. The exact
 * text and a canonical record are stored; the record's sha256 is the document hash on the PDF.
 */
export async function signConsent(ctx: Ctx, clientId: string, input: z.infer<typeof signConsentInput>) {
  const png = signaturePngBytes(input.signaturePng);
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClientForHealthData(trx, ctx, clientId);
    const draft = await draftConsent(trx, ctx.principal.organizationId, client, input.kind, input.modality ?? null, input.planId ?? null);
    if (textHash(draft.text) !== input.documentHash) {
      throw new AppError('conflict', 'the document changed since it was shown; read it again before signing', [{ path: 'documentHash', message: 'does not match the current document' }]);
    }
    if (normalName(input.signedName) !== normalName(draft.input.client.name)) {
      throw new AppError('validation', 'type the client’s full name as on the record', [{ path: 'signedName', message: `must match "${draft.input.client.name}"` }]);
    }
    const signedAt = ctx.now().toISOString();
    const canonical = consentCanonical(draft.input, { signedName: input.signedName, signedAt, ip: ctx.meta.ip, signaturePngSha256: createHash('sha256').update(png).digest('hex') });
    const row = await insertConsent(trx, {
      organization_id: ctx.principal.organizationId,
      client_id: client.id,
      kind: input.kind,
      modality: draft.modality,
      template_id: draft.input.template.id,
      template_version: draft.input.template.version,
      plan_id: draft.planId,
      signed_name: input.signedName,
      signature_png: png,
      signed_by: ctx.principal.userId,
      signed_at: new Date(signedAt),
      ip: ctx.meta.ip,
      document_hash: textHash(canonical),
      document_text: draft.text,
      document_canonical: canonical,
    });
    await recordAudit(trx, ctx, { action: 'consent.sign', entityType: 'consent', entityId: row.id, clientId: client.id, details: { kind: input.kind, template: `${row.template_id}@${row.template_version}` } });
    return consentView({ ...row, signed_by_name: ctx.principal.name });
  });
}
