import type { Db } from '../../db/connect.js';
import { listOnlineOrganizations } from '../../db/repositories/organizations.repository.js';

export async function listPublicOrganizations(db: Db) {
  // a clinic with online booking off (a new one being set up) is not offered
  const rows = await listOnlineOrganizations(db);
  return rows.map((r) => ({ slug: r.slug, name: r.name }));
}
