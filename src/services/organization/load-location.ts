import type { Db } from '../../db/connect.js';
import { listLocations } from '../../db/repositories/organizations.repository.js';
import { invalid, notFound } from '../errors.js';

/**
 * A location of the caller's organization. Addressed in the path it is "not found" when absent (so
 * another tenant's ids reveal nothing); named in a body, the error names the field instead.
 */
export async function loadLocation(db: Db, organizationId: string, locationId: string, field?: string) {
  const loc = (await listLocations(db, organizationId)).find((l) => l.id === locationId);
  if (!loc) throw field ? invalid(field, 'no such location') : notFound('location');
  return loc;
}
