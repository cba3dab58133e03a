import type { Bundle } from '@medplum/fhirtypes';
import type { Ctx } from '../../context.js';
import { mayRead, patientResources, searchset } from './patient-record.js';

/** GET /fhir/R4/Patient/{id}/$everything: the Patient and every resource of theirs the caller may read. */
export async function fhirPatientEverything(ctx: Ctx, base: string, patientId: string, self: string): Promise<Bundle> {
  const byType = await patientResources(ctx, base, patientId, { action: 'fhir.patient.everything', details: {} });
  const resources = [...byType].filter(([type]) => mayRead(ctx, type)).flatMap(([, list]) => list);
  return searchset(base, self, resources);
}
