// Restores a backup into a data folder, which need not exist yet (a new machine). Everything is
// unpacked and checked in a staging folder first (the database opens, the passphrase opens the
// secret); only then is what was there moved aside (never deleted) and the restored parts moved in.
// A failure before that point leaves the data folder as it was, and removes it if the restore made it.
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openPglite } from '../../db/connect.js';
import type { Manifest } from './archive-format.js';
import { readArchive } from './read-archive.js';
import { openSecret } from './secret-box.js';

export class PassphraseNeededError extends Error {}

export interface RestoreOptions {
  dataDir: string;
  file: string;
  passphrase: string | null;
  /** restore a backup that holds a sealed secret without it (its passphrase is lost) */
  withoutSecret: boolean;
  now: Date;
}

export interface RestoreReport {
  kind: 'dermis' | 'legacy';
  manifest: Manifest | null;
  uploads: number;
  secretRestored: boolean;
  /** where the replaced parts were moved, if there were any */
  movedAside: string[];
}

const exists = (p: string) => stat(p).then(() => true, () => false);

export async function restoreBackup(opts: RestoreOptions): Promise<RestoreReport> {
  const file = path.resolve(opts.file);
  if (!(await exists(file))) throw new Error(`no such file: ${file}`);
  // mkdir returns the first folder it had to create: that is what to remove if the restore fails
  const madeDataDir = await mkdir(opts.dataDir, { recursive: true });
  const staging = path.join(opts.dataDir, '.restore-staging');
  try {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true, mode: 0o700 });
    const archive = await readArchive(file, path.join(staging, 'uploads'));

    let secret: string | null = null;
    if (archive.kind === 'dermis' && archive.sealedSecret && !opts.withoutSecret) {
      if (!opts.passphrase) {
        throw new PassphraseNeededError('this backup holds the secret sealed with a passphrase: give it (DERMIS_BACKUP_PASSPHRASE or --passphrase-file FILE), or restore without it (--without-secret)');
      }
      secret = await openSecret(archive.sealedSecret, opts.passphrase);
    }

    const database = archive.kind === 'dermis' ? new Blob([new Uint8Array(archive.database)], { type: 'application/x-tar' }) : new Blob([new Uint8Array(await readFile(file))], { type: 'application/x-gzip' });
    const pglite = await openPglite(path.join(staging, 'pgdata'), database);
    try {
      // proves the archive is a database Dermis can read before anything is replaced
      await pglite.query('select count(*) from schema_migrations');
    } finally {
      await pglite.close();
    }
    if (secret !== null) await writeFile(path.join(staging, 'secret'), secret + '\n', { mode: 0o600 });

    const stamp = opts.now.toISOString().replace(/[:.]/g, '-');
    const parts = ['pgdata', ...(archive.kind === 'dermis' ? ['uploads'] : []), ...(secret !== null ? ['secret'] : [])];
    const movedAside: string[] = [];
    for (const part of parts) {
      const live = path.join(opts.dataDir, part);
      const staged = path.join(staging, part);
      if (!(await exists(staged))) await mkdir(staged, { recursive: true }); // a backup with no photos yet
      if (await exists(live)) {
        const aside = `${live}.before-restore-${stamp}`;
        await rename(live, aside);
        movedAside.push(aside);
      }
      await rename(staged, live);
    }
    await rm(staging, { recursive: true, force: true });
    return {
      kind: archive.kind,
      manifest: archive.kind === 'dermis' ? archive.manifest : null,
      uploads: archive.kind === 'dermis' ? archive.uploads : 0,
      secretRestored: secret !== null,
      movedAside,
    };
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    if (madeDataDir) await rm(madeDataDir, { recursive: true, force: true });
    throw err;
  }
}
