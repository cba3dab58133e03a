// The FHIR R4 read API (issue 15, item 4; docs/export.md) answers with the same resources as the
// export, built from the same rows, for one client. Who may read them is the health-data row of
// docs/security.md: the medical director and providers, and the client for their own record; a
// provider does not see invoices or payments. Every answer is audited.
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { Ctx } from '../../context.js';
import { forbidden, invalid } from '../../errors.js';
import { loadClientOf } from '../../clients/load-client.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import { loadClinic } from '../load-clinic.js';
import { fhirResources, type ResourceType } from '../fhir/resources.js';

/** The resource types that belong to one patient, and so can be searched by `patient`. */
export const PATIENT_TYPES = [
  'Appointment', 'QuestionnaireResponse', 'RiskAssessment', 'CarePlan', 'Consent', 'DocumentReference', 'Procedure', 'Media', 'Observation', 'AdverseEvent', 'Invoice', 'PaymentReconciliation',
] as const satisfies readonly ResourceType[];
export type PatientType = (typeof PATIENT_TYPES)[number];

const MONEY: ReadonlySet<ResourceType> = new Set(['Invoice', 'PaymentReconciliation']);

/** Money is not a provider's to read (docs/security.md); everyone else here may read every type. */
export const mayRead = (ctx: Ctx, type: ResourceType) => !(ctx.principal.role === 'provider' && MONEY.has(type));

export function assertMayRead(ctx: Ctx, type: ResourceType) {
  if (!mayRead(ctx, type)) throw forbidden(`Your role does not include invoices and payments, so ${type} cannot be read.`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `Patient/<id>` or the id alone, as FHIR search allows; anything else names the parameter. */
export function patientIdOf(param: string, field = 'patient'): string {
  const id = param.replace(/^Patient\//, '');
  if (!UUID.test(id)) throw invalid(field, 'Give the patient as Patient/<id> or the id alone, as the Patient resource names it.');
  return id;
}

/**
 * The client's resources by type (the Patient included), after the one gate to a client record
 * (another clinic's or another client's id is "not found"), audited in the same transaction.
 */
export async function patientResources(ctx: Ctx, base: string, patientId: string, audit: { action: string; details: Record<string, unknown> }): Promise<Map<ResourceType, Resource[]>> {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClientOf(trx, ctx, patientId, 'patient');
    const rows = await loadClinic(trx, ctx.principal.organizationId, client.id);
    await recordAudit(trx, ctx, { action: audit.action, entityType: 'client', entityId: client.id, clientId: client.id, details: audit.details });
    // the files are served by the routes that already guard them, with the same roles
    return fhirResources(rows!, (kind, id) => ({ url: kind === 'consent' ? `${base}/api/consents/${id}/pdf` : `${base}/api/photos/${id}/image` }), { clinic: false });
  });
}

/** A searchset Bundle of `resources`, each with its full address on this server. */
export function searchset(base: string, self: string, resources: Resource[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    link: [{ relation: 'self', url: self }],
    entry: resources.map((resource) => ({ fullUrl: `${base}/fhir/R4/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' } })),
  };
}
