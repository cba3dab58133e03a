import type { ConsentRecord } from '../../db/repositories/consents.repository.js';
import { templateById } from '../../domain/consent/templates.js';
import type { ConsentView } from './consent.schema.js';

export type { ConsentView };

/** current: signed on the template version in force and not withdrawn. */
export type ConsentStatus = ConsentView['status'];

export function consentStatus(r: Pick<ConsentRecord, 'withdrawn_at' | 'template_id' | 'template_version'>): ConsentStatus {
  if (r.withdrawn_at) return 'withdrawn';
  return templateById(r.template_id)?.version === r.template_version ? 'current' : 'outdated';
}

type ConsentRowForView = Omit<ConsentRecord, 'signature_png' | 'document_canonical' | 'method' | 'witnessed_by_name'> & {
  signature_png?: unknown;
  document_canonical?: unknown;
  method?: 'remote' | 'in_clinic';
  witnessed_by_name?: string | null;
};

export function consentView(r: ConsentRowForView): ConsentView {
  const inClinic = r.method === 'in_clinic';
  return {
    id: r.id,
    clientId: r.client_id,
    kind: r.kind,
    modality: r.modality,
    templateId: r.template_id,
    templateVersion: r.template_version,
    planId: r.plan_id,
    signedName: r.signed_name,
    signedAt: new Date(r.signed_at).toISOString(),
    // in the clinic the client signs on the clinic's tablet, without an account of their own
    signedBy: inClinic ? r.signed_name : r.signed_by_name,
    method: inClinic ? 'in_clinic' : 'remote',
    witnessedBy: inClinic ? (r.witnessed_by_name ?? null) : null,
    ip: r.ip,
    documentHash: r.document_hash,
    status: consentStatus(r),
    withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at).toISOString() : null,
  };
}
