import type { Bundle } from '@medplum/fhirtypes';
import type { Ctx } from '../../context.js';
import { assertMayRead, patientIdOf, patientResources, searchset, type PatientType } from './patient-record.js';

/** GET /fhir/R4/{type}?patient=: one type of a patient's resources (Appointment?patient=, Procedure?patient=, ...). */
export async function searchFhirByPatient(ctx: Ctx, base: string, type: PatientType, patient: string, self: string): Promise<Bundle> {
  assertMayRead(ctx, type);
  const byType = await patientResources(ctx, base, patientIdOf(patient), { action: 'fhir.search', details: { type } });
  return searchset(base, self, byType.get(type) ?? []);
}
