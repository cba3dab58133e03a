import type { Db } from '../../db/connect.js';
import { findOrganizationBySlug } from '../../db/repositories/organizations.repository.js';
import { listServiceNames } from '../../db/repositories/learn.repository.js';
import { guideDocs, search, type SearchDoc } from '../../domain/learn/search.js';
import { notFound } from '../errors.js';

const MODALITY_WORDS: Record<string, string> = { pen: 'automated pen microneedling', roller: 'dermaroller microneedling', rf: 'radiofrequency RF microneedling' };

/**
 * Searches the guide and, when an organization is named, its services, under any name
 * microneedling goes by. Public: guide text and service names are not personal data.
 */
export async function searchLearn(db: Db, q: string, organizationSlug: string | undefined) {
  const docs: SearchDoc[] = guideDocs();
  if (organizationSlug) {
    const org = await findOrganizationBySlug(db, organizationSlug);
    if (!org) throw notFound('organization');
    for (const s of await listServiceNames(db, org.id)) {
      docs.push({ kind: 'service', id: s.service_code, title: s.name, text: `${s.name}. ${s.modality ? MODALITY_WORDS[s.modality] : 'consultation'}` });
    }
  }
  return search(q, docs, 20);
}
