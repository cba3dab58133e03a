// `dermis import-export --from DIR`: loads one clinic's full export (the folder `dermis export` or
// the console's download writes; docs/export.md) into this Dermis, which must not hold that clinic
// yet. On the embedded database the server must be stopped (like backup and restore); on PostgreSQL
// (DATABASE_URL) it may run. Exit 2 when the folder is refused: a changed or missing file, a cell
// that cannot be read, a clinic that is already here; nothing is written then.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Env } from '../../config/env.js';
import { localFolderStorage } from '../../adapters/storage/local-folder.js';
import { importClinicExport, ImportRefused } from '../../services/export/import/import-clinic.js';
import { sealOrganization } from '../../services/audit/seal-audit.js';
import { verifyAuditChain } from '../../services/audit/verify-audit-chain.js';
import type { Booted } from '../boot.js';

export class ImportExportUsageError extends Error {}

export function parseImportExportArgs(args: string[]): { from: string } {
  let from: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--from') {
      const v = args[++i];
      if (!v || v.startsWith('--')) throw new ImportExportUsageError('--from needs a value: the folder of one clinic’s export');
      from = v;
    } else throw new ImportExportUsageError(`import-export does not take "${a}" (usage: dermis import-export --from DIR)`);
  }
  if (!from) throw new ImportExportUsageError('import-export needs --from DIR, the folder of one clinic’s export (it holds manifest.json)');
  const dir = path.resolve(from);
  if (!existsSync(dir)) throw new ImportExportUsageError(`${dir} does not exist`);
  return { from: dir };
}

export async function importExportCommand(args: string[], env: Env, withDb: <T>(fn: (b: Booted) => Promise<T>) => Promise<T>, out: (s: string) => void): Promise<number> {
  const { from } = parseImportExportArgs(args);
  return withDb(async (b) => {
    const db = b.handle.db;
    const uploads = path.join(env.dataDir, 'uploads');
    const storage = localFolderStorage(uploads);
    const now = new Date();
    let r;
    try {
      r = await importClinicExport({ db, storage, now: () => now, discard: (key) => rm(path.join(uploads, key), { force: true }) }, from);
    } catch (err) {
      if (err instanceof ImportRefused) throw new ImportExportUsageError(`${err.message}. Nothing was imported.`);
      throw err;
    }
    // the imported trail is already sealed; the import's own event joins the chain now
    await sealOrganization(db, r.organization.id, new Date());
    const chain = await verifyAuditChain(db, r.organization.id);
    const rows = r.tables.reduce((n, t) => n + t.rows, 0);
    out(`${r.organization.name} (${r.organization.slug}): ${rows} rows in ${r.tables.length} tables, ${r.people} people, ${r.photos} photos imported from ${from}`);
    out(`consent documents: ${r.consentDocuments} (Dermis draws them from the signed consents, which were imported)`);
    out(`audit trail: ${chain.events} events, ${chain.ok ? 'chain intact' : 'TAMPERED: ' + chain.problems.map((p) => `seq ${p.seq} ${p.problem}`).join('; ')}`);
    for (const [table, why] of Object.entries(r.skipped)) out(`  not imported: ${table}: ${why}`);
    for (const e of r.missingFiles) out(`  not in the export: ${e.url}: ${e.message}`);
    out('Passwords and two-step sign-in are never exported: staff and clients choose a new password with "Forgot your password?" on the sign-in page (docs/export.md).');
    return chain.ok ? 0 : 1;
  });
}
