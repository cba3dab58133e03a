// `dermis restore FILE`: database, photos and (with the passphrase) the secret, into the data
// folder, which may not exist yet. What was there is moved aside, never deleted.
import path from 'node:path';
import type { Env } from '../../config/env.js';
import { runningServerPid } from '../server-lock.js';
import { PassphraseNeededError, restoreBackup } from '../backup/restore.js';
import { WrongPassphraseError } from '../backup/secret-box.js';
import { BackupUsageError, parseBackupArgs, resolvePassphrase } from './backup-args.js';
import { RUNBOOK } from './backup.command.js';

const PART_WORDS: Record<string, string> = { pgdata: 'database', uploads: 'photos folder', secret: 'secret' };

export async function restoreCommand(args: string[], env: Env, out: (s: string) => void): Promise<number> {
  const parsed = parseBackupArgs('restore', args, ['--without-secret']);
  if (env.DATABASE_URL) throw new BackupUsageError(`restore is for the embedded database; on a PostgreSQL server use pg_restore (see ${RUNBOOK})`);
  const pid = await runningServerPid(env.dataDir);
  if (pid) throw new Error(`a Dermis server (pid ${pid}) is using ${env.dataDir}; stop it first`);
  const passphrase = await resolvePassphrase(parsed, env.DERMIS_BACKUP_PASSPHRASE);
  let r;
  try {
    r = await restoreBackup({ dataDir: env.dataDir, file: parsed.file, passphrase, withoutSecret: parsed.flags.has('--without-secret'), now: new Date() });
  } catch (err) {
    // the operator's input, not a failure: exit 2, and nothing was changed
    if (err instanceof WrongPassphraseError) throw new BackupUsageError(`${err.message}; nothing was changed`);
    if (err instanceof PassphraseNeededError) throw new BackupUsageError(`${err.message}; nothing was changed`);
    throw err;
  }
  const parts = r.kind === 'legacy' ? 'the database (an older backup: it holds no photos or secret, so those were left as they were)' : `the database, ${r.uploads} photo files${r.secretRestored ? ' and the secret' : ''}`;
  out(`restored ${parts} into ${env.dataDir} from ${parsed.file}`);
  for (const aside of r.movedAside) out(`the previous ${PART_WORDS[path.basename(aside).replace(/\.before-restore-.*$/, '')] ?? 'data'} is kept at ${aside}`);
  if (r.kind === 'dermis' && !r.secretRestored) {
    out(`NOTE: the secret was not restored${r.manifest?.secret.included ? ' (--without-secret)' : ' (this backup does not hold it)'}. Put the secret you kept apart at ${env.dataDir}/secret before starting, or staff enrolled in two-factor sign-in cannot sign in (see ${RUNBOOK}).`);
  }
  if (r.secretRestored && env.DERMIS_SECRET) out('NOTE: DERMIS_SECRET is set in this environment and takes precedence over the restored secret file.');
  return 0;
}
