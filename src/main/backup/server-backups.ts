// The backup port of a running server: archives from the live embedded database (the server owns
// it, so it is the one process that can copy it safely), the uploads folder and the sealed secret.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Env } from '../../config/env.js';
import type { DbHandle } from '../../db/connect.js';
import type { BackupPort } from '../../services/backups/backup-port.js';
import { readSecretInUse } from '../secret.js';
import { backupFileName, isBackupFileName } from './archive-format.js';
import { snapshotLive } from './snapshot.js';
import { writeArchive } from './write-archive.js';

/** The schedule waits this long after start, so a server restarted in a loop does not back up in a loop. */
const SETTLE_MS = 5 * 60_000;

export function serverBackupPort(env: Env, handle: DbHandle, startedAt: Date): BackupPort {
  const pglite = handle.pglite;
  if (handle.kind === 'postgres' || !pglite) return { managedBy: 'postgres' };
  const dir = env.backupDir;
  const target = (name: string) => {
    // names come from fileNameFor, never from a request; checked anyway before touching a path
    if (!isBackupFileName(name)) throw new Error(`not a backup file name: ${name}`);
    return path.join(dir, name);
  };
  return {
    managedBy: 'dermis',
    schedule: {
      everyHours: env.DERMIS_BACKUP_EVERY_HOURS,
      keep: env.DERMIS_BACKUP_KEEP,
      directory: dir,
      secretIncluded: Boolean(env.DERMIS_BACKUP_PASSPHRASE),
      notBefore: new Date(startedAt.getTime() + SETTLE_MS),
    },
    fileNameFor: backupFileName,
    async write(fileName) {
      const now = new Date();
      // the database first: every photo it names was stored before its row, so the copy below has it
      const database = await snapshotLive(pglite);
      const secret = await readSecretInUse(env.dataDir, env.DERMIS_SECRET);
      const r = await writeArchive(target(fileName), { database, uploadsDir: path.join(env.dataDir, 'uploads'), secret, passphrase: env.DERMIS_BACKUP_PASSPHRASE ?? null, now });
      return { bytes: r.bytes, secretIncluded: r.manifest.secret.included };
    },
    async remove(fileName) {
      await rm(target(fileName), { force: true });
    },
  };
}

/** Half-written archives of a backup cut off by a stop or crash; removed at start. */
export async function removePartialBackups(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const n of names) if (n.endsWith('.tar.gz.partial') && isBackupFileName(n.slice(0, -'.partial'.length))) await rm(path.join(dir, n), { force: true });
}
