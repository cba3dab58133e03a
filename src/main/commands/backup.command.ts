// `dermis backup FILE`: the archive of a stopped server's data folder (database, photos, and the
// secret sealed with a passphrase). A running server owns its database and makes backups itself,
// so this command then points the operator there instead of failing obscurely.
import path from 'node:path';
import type { Env } from '../../config/env.js';
import { pgliteDir } from '../boot.js';
import { runningServerPid } from '../server-lock.js';
import { readSecretInUse, secretFile } from '../secret.js';
import { snapshotStopped } from '../backup/snapshot.js';
import { writeArchive } from '../backup/write-archive.js';
import { BackupUsageError, parseBackupArgs, resolvePassphrase } from './backup-args.js';

export const RUNBOOK = 'docs/runbooks/backup-and-restore.md';

export async function backupCommand(args: string[], env: Env, out: (s: string) => void): Promise<number> {
  const parsed = parseBackupArgs('backup', args, []);
  if (env.DATABASE_URL) throw new BackupUsageError(`backup is for the embedded database; on a PostgreSQL server use pg_dump and copy the uploads folder and the secret beside it (see ${RUNBOOK})`);
  const pid = await runningServerPid(env.dataDir);
  if (pid) {
    const schedule = env.DERMIS_BACKUP_EVERY_HOURS > 0 ? `, or let its schedule do it (every ${env.DERMIS_BACKUP_EVERY_HOURS} hours into ${env.backupDir})` : '';
    throw new Error(`a Dermis server (pid ${pid}) is running on ${env.dataDir} and owns its database, so it makes the backups: press "Back up now" in Settings > Backups${schedule}. To use this command instead, stop the server first.`);
  }
  const passphrase = await resolvePassphrase(parsed, env.DERMIS_BACKUP_PASSPHRASE);
  const file = path.resolve(parsed.file);
  const database = await snapshotStopped(pgliteDir(env));
  const secret = await readSecretInUse(env.dataDir, env.DERMIS_SECRET);
  const r = await writeArchive(file, { database, uploadsDir: path.join(env.dataDir, 'uploads'), secret, passphrase, now: new Date() });
  const m = r.manifest;
  out(`backup written to ${file} (${r.bytes} bytes): the database, ${m.uploads.files} photo files${m.secret.included ? ', and the secret sealed with the passphrase' : ''}`);
  if (!secret) out('there is no secret in this data folder yet, so none was kept');
  else if (!m.secret.included) {
    out(`NOTE: the secret is NOT in this backup (no passphrase given). Keep ${secret.source === 'file' ? secretFile(env.dataDir) : 'DERMIS_SECRET'} apart, somewhere safe: without it, staff enrolled in two-factor sign-in cannot sign in after a restore. To put it in the backup, set DERMIS_BACKUP_PASSPHRASE or pass --passphrase-file FILE (see ${RUNBOOK}).`);
  }
  return 0;
}
