// Every FHIR R4 resource of a clinic (or of one client), grouped by type in the order the Bulk Data
// manifest lists them. Files (consent PDFs, photos) are referred to through `fileOf`, so the export
// points at files inside the archive and the read API at its own download addresses.
import type { Resource } from '@medplum/fhirtypes';
import type { ClinicRows } from '../load-clinic.js';
import type { FileRef } from './clinical.js';
import { carePlan, consent, consentDocument, riskAssessment } from './clinical.js';
import { questionnaire, questionnaireResponse } from './intake.js';
import { invoice, paymentReconciliation } from './billing.js';
import { locations, organization, patient, practitioner, practitionerRole } from './people.js';
import { appointment, devices } from './scheduling.js';
import { adverseEvent, media, observation, procedure } from './treatment.js';

export type FileKind = 'consent' | 'photo';
export type FileOf = (kind: FileKind, id: string) => FileRef;

export const RESOURCE_TYPES = [
  'Organization', 'Location', 'Practitioner', 'PractitionerRole', 'Patient', 'Device', 'Appointment', 'Questionnaire', 'QuestionnaireResponse',
  'RiskAssessment', 'CarePlan', 'Consent', 'DocumentReference', 'Procedure', 'Media', 'Observation', 'AdverseEvent', 'Invoice', 'PaymentReconciliation',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** `clinic`: also the organization, sites, staff and devices (a whole-clinic export). */
export function fhirResources(rows: ClinicRows, fileOf: FileOf, opts: { clinic: boolean }): Map<ResourceType, Resource[]> {
  const staffIds = new Set(rows.staff.map((s) => s.user_id));
  const out = new Map<ResourceType, Resource[]>(RESOURCE_TYPES.map((t) => [t, []]));
  const add = (t: ResourceType, rs: Resource[]) => out.get(t)!.push(...rs);
  if (opts.clinic) {
    add('Organization', [organization(rows)]);
    add('Location', locations(rows));
    add('Practitioner', rows.staff.map(practitioner));
    add('PractitionerRole', rows.staff.map((s) => practitionerRole(s, rows)));
    add('Device', devices(rows));
  }
  add('Patient', rows.clients.map((c) => patient(c, rows)));
  add('Appointment', rows.bookings.map((b) => appointment(b, rows)));
  if (rows.intakes.length) add('Questionnaire', [questionnaire(rows)]);
  add('QuestionnaireResponse', rows.intakes.map(questionnaireResponse));
  add('RiskAssessment', rows.screenings.map(riskAssessment));
  add('CarePlan', rows.plans.map((p) => carePlan(p, staffIds)));
  add('Consent', rows.consents.map((c) => consent(c, rows)));
  add('DocumentReference', rows.consents.map((c) => consentDocument(c, fileOf('consent', c.id))));
  add('Procedure', rows.charts.map((c) => procedure(c, rows)));
  add('Media', rows.photos.map((p) => media(p, fileOf('photo', p.id), staffIds, rows)));
  add('Observation', rows.outcomes.map((o) => observation(o, staffIds)));
  add('AdverseEvent', rows.adverseEvents.map((a) => adverseEvent(a, rows)));
  add('Invoice', rows.invoices.map((i) => invoice(i, rows)));
  add('PaymentReconciliation', rows.payments.map((p) => paymentReconciliation(p, rows)));
  return out;
}
