// What a row's names are matched against, loaded once per dry run or run: the location's zone, the
// clinic's services, staff and the location's packages; and the client a row is about, found by its
// natural key (docs/import.md, "Matching").
import type { Db } from '../../db/connect.js';
import { findClientByEmail, findClientByNameAndBirth, findClientByNameAndPhone } from '../../db/repositories/clients.repository.js';
import { listStaff } from '../../db/repositories/memberships.repository.js';
import { listPackages } from '../../db/repositories/pricing.repository.js';
import { listServices } from '../../db/repositories/scheduling.repository.js';
import { loadLocation } from '../organization/load-location.js';
import type { RowValues } from './row-values.js';

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
/** "Dana Park, NP" and "Dana Park" are the same person. */
const personKey = (s: string) => norm(s.split(',')[0] ?? s);

export async function loadLookups(db: Db, organizationId: string, locationId: string) {
  const [location, services, staff, packages] = await Promise.all([
    loadLocation(db, organizationId, locationId, 'locationId'),
    listServices(db, organizationId),
    listStaff(db, organizationId),
    listPackages(db, organizationId, locationId),
  ]);
  return {
    locationId,
    timeZone: location.time_zone,
    service: (name: string) => services.find((s) => norm(s.name) === norm(name) || norm(s.code) === norm(name)),
    provider: (name: string) => staff.find((m) => personKey(m.name) === personKey(name) && m.role !== 'front_desk'),
    package: (name: string) => packages.find((p) => norm(p.name) === norm(name)),
  };
}
export type Lookups = Awaited<ReturnType<typeof loadLookups>>;

export type MatchedBy = 'email' | 'date of birth' | 'phone';

/** The natural key of a row's client: the email, else name and date of birth, else name and phone. */
export function naturalKey(v: RowValues): { key: string; by: MatchedBy } | null {
  const name = `${v.firstName.toLowerCase()}|${v.lastName.toLowerCase()}`;
  if (v.email) return { key: `email:${v.email}`, by: 'email' };
  if (v.dateOfBirth) return { key: `dob:${name}|${v.dateOfBirth}`, by: 'date of birth' };
  if (v.phone) return { key: `phone:${name}|${v.phone.replace(/[^0-9]/g, '')}`, by: 'phone' };
  return null;
}

export async function findExistingClient(db: Db, organizationId: string, v: RowValues) {
  if (v.email) return findClientByEmail(db, organizationId, v.email);
  if (v.dateOfBirth) return findClientByNameAndBirth(db, organizationId, v.firstName, v.lastName, v.dateOfBirth);
  if (v.phone) return findClientByNameAndPhone(db, organizationId, v.firstName, v.lastName, v.phone);
  return undefined;
}
