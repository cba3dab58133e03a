// The clinic and its people as FHIR R4: Organization, Location (sites, and rooms as parts of them),
// Practitioner with licences, PractitionerRole with the Dermis role, Patient.
import type { Location, Organization, Patient, Practitioner, PractitionerRole } from '@medplum/fhirtypes';
import type { ClinicRows, StaffRow } from '../load-clinic.js';
import { EXT, SYSTEM, dateOnly, fhirId, ident, instant, ref } from './common.js';

export function organization(rows: ClinicRows): Organization {
  const o = rows.organization;
  return { resourceType: 'Organization', id: fhirId(o.id), identifier: [ident(SYSTEM.organization, o.slug)], active: true, name: o.name, meta: { lastUpdated: instant(o.created_at) } };
}

export function locations(rows: ClinicRows): Location[] {
  const sites: Location[] = rows.locations.map((l) => ({
    resourceType: 'Location',
    id: fhirId(l.id),
    status: 'active',
    mode: 'instance',
    name: l.name,
    ...(l.phone ? { telecom: [{ system: 'phone', value: l.phone }] } : {}),
    address: { ...(l.address ? { text: l.address } : {}), state: l.state, country: 'US' },
    physicalType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/location-physical-type', code: 'bu', display: 'Building' }] },
    managingOrganization: ref('Organization', rows.organization.id, rows.organization.name),
    extension: [{ url: EXT.timeZone, valueCode: l.time_zone }],
  }));
  const rooms: Location[] = rows.rooms.map((r) => ({
    resourceType: 'Location',
    id: fhirId(r.id),
    status: r.active ? 'active' : 'inactive',
    mode: 'instance',
    name: r.name,
    physicalType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/location-physical-type', code: 'ro', display: 'Room' }] },
    partOf: ref('Location', r.location_id),
    managingOrganization: ref('Organization', rows.organization.id),
  }));
  return [...sites, ...rooms];
}

/** "Dana Park, NP" -> given Dana, family Park; the whole as text as well. */
export function humanName(full: string) {
  const main = full.split(',')[0]!.trim();
  const parts = main.split(/\s+/);
  const family = parts.length > 1 ? parts[parts.length - 1]! : main;
  const given = parts.length > 1 ? parts.slice(0, -1) : [];
  return { text: full, family, ...(given.length ? { given } : {}) };
}

export function practitioner(s: StaffRow): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: fhirId(s.user_id),
    identifier: [ident(SYSTEM.user, s.user_id)],
    active: s.active,
    name: [humanName(s.name)],
    telecom: [{ system: 'email', value: s.email }],
    ...(s.licence_type
      ? {
          qualification: [
            {
              ...(s.licence_number ? { identifier: [ident(`urn:dermis:licence:${(s.licence_state ?? 'us').toLowerCase()}`, s.licence_number)] } : {}),
              code: { coding: [{ system: SYSTEM.licence, code: s.licence_type }], text: s.licence_type.toUpperCase() },
              ...(s.licence_expires_on ? { period: { end: dateOnly(s.licence_expires_on) } } : {}),
            },
          ],
        }
      : {}),
  };
}

export function practitionerRole(s: StaffRow, rows: ClinicRows): PractitionerRole {
  return {
    resourceType: 'PractitionerRole',
    id: fhirId(`role-${s.user_id}`),
    active: s.active,
    practitioner: ref('Practitioner', s.user_id, s.name),
    organization: ref('Organization', rows.organization.id),
    code: [{ coding: [{ system: SYSTEM.role, code: s.role }], text: s.title || s.role.replace(/_/g, ' ') }],
    location: rows.locations.map((l) => ref('Location', l.id, l.name)),
  };
}

export function patient(c: ClinicRows['clients'][number], rows: ClinicRows): Patient {
  const telecom = [
    ...(c.email ? [{ system: 'email' as const, value: c.email }] : []),
    ...(c.phone ? [{ system: 'phone' as const, value: c.phone }] : []),
  ];
  return {
    resourceType: 'Patient',
    id: fhirId(c.id),
    meta: { lastUpdated: instant(c.updated_at) },
    identifier: [ident(SYSTEM.client, c.id)],
    active: true,
    name: [{ use: 'official', family: c.last_name, given: [c.first_name], text: `${c.first_name} ${c.last_name}` }],
    ...(telecom.length ? { telecom } : {}),
    ...(c.date_of_birth ? { birthDate: dateOnly(c.date_of_birth) } : {}),
    managingOrganization: ref('Organization', rows.organization.id, rows.organization.name),
  };
}
