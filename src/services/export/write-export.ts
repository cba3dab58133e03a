// Writes a clinic's full export into a folder, laid out as the FHIR Bulk Data format does: one
// NDJSON file per resource type, plus one CSV per table, the original photos and consent PDFs, and a
// manifest with counts and SHA-256 checksums of every file. Used by `dermis export` and by the
// owner's export in the console (which then packs the folder into one download).
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/connect.js';
import type { StoragePort } from '../ports.js';
import { consentPdfInput } from '../consent/consent-records.js';
import { loadClinic } from './load-clinic.js';
import { fhirResources, type FileKind } from './fhir/resources.js';
import type { FileRef } from './fhir/clinical.js';
import { photoContentType } from './fhir/treatment.js';
import { dumpTables, TABLES_LEFT_OUT } from './table-csv.js';

export const EXPORT_FORMAT_VERSION = 1;

export interface ManifestFile {
  url: string;
  bytes: number;
  sha256: string;
}

export interface ExportManifest {
  format: 'dermis-export';
  formatVersion: number;
  /** as in a Bulk Data status response */
  transactionTime: string;
  request: string;
  requiresAccessToken: false;
  organization: { id: string; slug: string; name: string };
  output: (ManifestFile & { type: string; count: number })[];
  tables: (ManifestFile & { table: string; rows: number })[];
  files: (ManifestFile & { kind: FileKind; id: string })[];
  leftOut: Record<string, string>;
  error: { url: string; message: string }[];
}

export interface ExportProgress {
  (done: number, total: number, step: string): void;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const sha1b64 = (b: Uint8Array) => createHash('sha1').update(b).digest('base64');
const extOf = (key: string) => (key.split('.').pop() ?? 'jpg').toLowerCase();

export async function writeClinicExport(
  deps: { db: Db; storage: StoragePort; now: () => Date },
  organizationId: string,
  outDir: string,
  progress: ExportProgress = () => undefined,
): Promise<ExportManifest> {
  const rows = await loadClinic(deps.db, organizationId);
  if (!rows) throw new Error('no such organization');
  const { renderConsentPdf } = await import('../../adapters/pdf/consent-pdf.js');
  const tables = await dumpTables(deps.db, organizationId);
  const total = rows.consents.length + rows.photos.length + 19 + tables.length + 1;
  let done = 0;
  const step = (what: string) => progress(++done, total, what);
  const put = async (rel: string, bytes: Uint8Array): Promise<ManifestFile> => {
    const file = path.join(outDir, rel);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, bytes, { mode: 0o600 });
    return { url: rel, bytes: bytes.byteLength, sha256: sha256(bytes) };
  };

  const manifest: ExportManifest = {
    format: 'dermis-export',
    formatVersion: EXPORT_FORMAT_VERSION,
    transactionTime: deps.now().toISOString(),
    request: `dermis export of ${rows.organization.slug}`,
    requiresAccessToken: false,
    organization: { id: rows.organization.id, slug: rows.organization.slug, name: rows.organization.name },
    output: [],
    tables: [],
    files: [],
    leftOut: TABLES_LEFT_OUT,
    error: [],
  };

  // the files first, so the resources can carry their size and hash
  const fileRefs = new Map<string, FileRef>();
  const staffName = new Map(rows.staff.map((s) => [s.user_id, s.name]));
  for (const c of rows.consents) {
    const pdf = await renderConsentPdf(consentPdfInput(c, rows.organization.name, c.witnessed_by ? (staffName.get(c.witnessed_by) ?? null) : null));
    const f = await put(`files/consents/${c.id}.pdf`, pdf);
    manifest.files.push({ ...f, kind: 'consent', id: c.id });
    fileRefs.set(`consent:${c.id}`, { url: f.url, size: f.bytes, sha1: sha1b64(pdf) });
    step('consent documents');
  }
  for (const p of rows.photos) {
    const bytes = await deps.storage.get(p.storage_key);
    const url = `files/photos/${p.id}.${extOf(p.storage_key)}`;
    if (!bytes) {
      manifest.error.push({ url, message: `the photo file is missing from storage (${photoContentType(p.storage_key)})` });
      fileRefs.set(`photo:${p.id}`, { url });
    } else {
      const f = await put(url, bytes);
      manifest.files.push({ ...f, kind: 'photo', id: p.id });
      fileRefs.set(`photo:${p.id}`, { url: f.url, size: f.bytes, sha1: sha1b64(bytes) });
    }
    step('photos');
  }

  const resources = fhirResources(rows, (kind, id) => fileRefs.get(`${kind}:${id}`) ?? { url: `files/${kind}s/${id}` }, { clinic: true });
  for (const [type, list] of resources) {
    if (list.length > 0) {
      const body = Buffer.from(list.map((r) => JSON.stringify(r)).join('\n') + '\n');
      manifest.output.push({ type, count: list.length, ...(await put(`fhir/${type}.ndjson`, body)) });
    }
    step('FHIR resources');
  }
  for (const t of tables) {
    manifest.tables.push({ table: t.table, rows: t.rows, ...(await put(`csv/${t.table}.csv`, Buffer.from(t.csv))) });
    step('tables');
  }
  await writeFile(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  step('manifest');
  return manifest;
}
