// `dermis export --out DIR [--clinic SLUG]`: a clinic's full export (FHIR R4 NDJSON, a CSV per table,
// consent PDFs and photos, a manifest with checksums; docs/export.md) written into a new folder. With
// no --clinic, every clinic in the database goes into DIR/<slug>. Free and complete, so a clinic is
// never locked in; the operator runs it, and each export is in the clinic's audit trail.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Env } from '../../config/env.js';
import { localFolderStorage } from '../../adapters/storage/local-folder.js';
import { appendAudit } from '../../services/audit/record-audit-event.js';
import { writeClinicExport } from '../../services/export/write-export.js';
import type { Booted } from '../boot.js';

export class ExportUsageError extends Error {}

export interface ExportArgs {
  out: string;
  clinic: string | null;
}

export function parseExportArgs(args: string[]): ExportArgs {
  let out: string | null = null;
  let clinic: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (!v || v.startsWith('--')) throw new ExportUsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--out') out = value();
    else if (a === '--clinic') clinic = value();
    else throw new ExportUsageError(`export does not take "${a}" (usage: dermis export --out DIR [--clinic SLUG])`);
  }
  if (!out) throw new ExportUsageError('export needs --out DIR, a folder that does not exist yet or is empty');
  return { out: path.resolve(out), clinic };
}

/** An export never writes over anything: the folder is new, or empty. */
async function assertEmptyFolder(dir: string) {
  if (existsSync(dir) && (await readdir(dir)).length > 0) throw new ExportUsageError(`${dir} is not empty; name a new folder for the export`);
}

export async function exportCommand(args: string[], env: Env, withDb: <T>(fn: (b: Booted) => Promise<T>) => Promise<T>, out: (s: string) => void): Promise<number> {
  const parsed = parseExportArgs(args);
  await assertEmptyFolder(parsed.out);
  return withDb(async (b) => {
    const db = b.handle.db;
    const orgs = await db.selectFrom('organizations').select(['id', 'slug', 'name']).$if(parsed.clinic !== null, (q) => q.where('slug', '=', parsed.clinic!)).orderBy('slug').execute();
    if (parsed.clinic !== null && orgs.length === 0) {
      const known = (await db.selectFrom('organizations').select('slug').orderBy('slug').execute()).map((o) => o.slug);
      throw new ExportUsageError(`there is no clinic "${parsed.clinic}"${known.length ? `; the clinics are: ${known.join(', ')}` : ''}`);
    }
    if (orgs.length === 0) {
      out('there are no clinics in this database; nothing exported');
      return 0;
    }
    const storage = localFolderStorage(path.join(env.dataDir, 'uploads'));
    for (const o of orgs) {
      const dir = parsed.clinic !== null ? parsed.out : path.join(parsed.out, o.slug);
      const now = new Date();
      const m = await writeClinicExport({ db, storage, now: () => now }, o.id, dir);
      await appendAudit(db, { organizationId: o.id, userId: null, role: 'system', requestId: null, ip: null }, { action: 'export.command', entityType: 'organization', entityId: o.id, details: { resources: m.output.reduce((n, x) => n + x.count, 0), files: m.files.length } }, now);
      const resources = m.output.reduce((n, x) => n + x.count, 0);
      out(`${o.name}: ${resources} FHIR resources, ${m.tables.length} tables, ${m.files.length} files written to ${dir}`);
      for (const e of m.error) out(`  missing: ${e.url}: ${e.message}`);
    }
    return 0;
  });
}
