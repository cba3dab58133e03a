// Shared pieces of the FHIR R4 mapping: ids, references, systems, money and dates. Dermis ids are
// UUIDs (valid FHIR ids as they are); account ids may hold characters FHIR ids do not allow, so they
// are mapped, and the original is kept as an identifier so an import can restore it.
import type { Identifier, Money, Reference, Resource } from '@medplum/fhirtypes';

/** Naming systems for identifiers and codes that are Dermis's own. */
export const SYSTEM = {
  client: 'urn:dermis:client',
  user: 'urn:dermis:user',
  organization: 'urn:dermis:organization',
  rule: 'urn:dermis:screening-rule',
  area: 'urn:dermis:area',
  service: 'urn:dermis:service',
  role: 'urn:dermis:role',
  licence: 'urn:dermis:licence-type',
  measure: 'urn:dermis:outcome-measure',
  adverse: 'urn:dermis:adverse-event',
  invoiceNumber: 'urn:dermis:invoice-number',
  record: 'urn:dermis:record',
} as const;

/** Extension urls Dermis defines (documented in docs/export.md). */
export const EXT = {
  timeZone: 'http://hl7.org/fhir/StructureDefinition/timezone',
  needleDepth: 'https://dermis.dev/fhir/StructureDefinition/needle-depth',
  passes: 'https://dermis.dev/fhir/StructureDefinition/passes',
  rfPreset: 'https://dermis.dev/fhir/StructureDefinition/rf-preset',
  signingMethod: 'https://dermis.dev/fhir/StructureDefinition/signing-method',
} as const;

/** A FHIR id ([A-Za-z0-9-.]{1,64}) for any Dermis id. */
export function fhirId(id: string): string {
  const clean = id.replace(/[^A-Za-z0-9.-]/g, '-');
  return clean.slice(0, 64) || 'x';
}

/** A reference; its target type comes from where it is used (Reference<Patient | Group>, ...). */
export function ref<T extends Resource>(type: T['resourceType'], id: string, display?: string | null): Reference<T> {
  return display ? { reference: `${type}/${fhirId(id)}`, display } : { reference: `${type}/${fhirId(id)}` };
}

export function ident(system: string, value: string): Identifier {
  return { system, value };
}

/** Money in dollars (FHIR decimals), from the cents Dermis keeps. */
export function money(cents: number, currency: string): Money {
  return { value: Math.round(cents) / 100, currency: currency.toUpperCase() as Money['currency'] };
}

/** An instant as FHIR wants it (ISO 8601 with zone). */
export function instant(d: Date | string): string {
  return (d instanceof Date ? d : new Date(d)).toISOString();
}

/** A calendar date (YYYY-MM-DD) from a PostgreSQL date column, which may come back as a Date. */
export function dateOnly(d: Date | string): string {
  return d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10);
}

/** Plain words for a Dermis code ("acne_scars" -> "acne scars"). */
export const words = (code: string) => code.replace(/_/g, ' ');
