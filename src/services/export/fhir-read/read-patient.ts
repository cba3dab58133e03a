import type { Patient } from '@medplum/fhirtypes';
import type { Ctx } from '../../context.js';
import { patientResources } from './patient-record.js';

/** GET /fhir/R4/Patient/{id}: the Patient resource alone. */
export async function readFhirPatient(ctx: Ctx, base: string, patientId: string): Promise<Patient> {
  const byType = await patientResources(ctx, base, patientId, { action: 'fhir.patient.read', details: {} });
  return byType.get('Patient')![0] as Patient;
}
