import type { Db } from '../../db/connect.js';
import { listOrganizations } from '../../db/repositories/organizations.repository.js';

export async function listPublicOrganizations(db: Db) {
  const rows = await listOrganizations(db);
  return rows.map((r) => ({ slug: r.slug, name: r.name }));
}
