import type { CapabilityStatement } from '@medplum/fhirtypes';
import { PATIENT_TYPES } from './patient-record.js';

/** GET /fhir/R4/metadata: what this server reads and searches, for FHIR clients to discover. */
export function fhirCapability(base: string, version: string, date: string): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    publisher: 'Dermis',
    kind: 'instance',
    software: { name: 'Dermis', version },
    implementation: { description: 'Dermis FHIR R4 read API (read-only; docs/export.md)', url: `${base}/fhir/R4` },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        documentation: 'Signed-in medical directors and providers read their clinic\'s patients (providers without invoices and payments); a client reads their own record. Every read is audited.',
        security: { cors: false, description: 'The Dermis session cookie, as for the rest of the API' },
        resource: [
          {
            type: 'Patient',
            interaction: [{ code: 'read' }],
            operation: [{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' }],
          },
          ...PATIENT_TYPES.map((type) => ({
            type,
            interaction: [{ code: 'search-type' as const }],
            searchParam: [{ name: 'patient', type: 'reference' as const, documentation: 'Patient/<id> or the id alone; required' }],
          })),
        ],
      },
    ],
  };
}
