// Backup and restore of the embedded database: a gzipped tarball of the PGlite data folder.
// Restore never deletes the current data: it is moved aside, then replaced.
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openPglite } from '../db/connect.js';

export async function backupPglite(dataDir: string, file: string): Promise<{ bytes: number }> {
  const pglite = await openPglite(dataDir);
  try {
    // checkpoint so the tarball holds every committed change
    await pglite.query('checkpoint');
    const dump = await pglite.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    await writeFile(file, bytes);
    return { bytes: bytes.length };
  } finally {
    await pglite.close();
  }
}

export async function restorePglite(dataDir: string, file: string): Promise<{ movedAside: string | null }> {
  const bytes = await readFile(file);
  const staging = `${dataDir}.restoring`;
  await rm(staging, { recursive: true, force: true });
  const pglite = await openPglite(staging, new Blob([bytes], { type: 'application/x-gzip' }));
  try {
    // proves the archive is a database Dermis can read before anything is replaced
    await pglite.query('select count(*) from schema_migrations');
  } finally {
    await pglite.close();
  }
  let movedAside: string | null = null;
  if (await stat(dataDir).catch(() => null)) {
    movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(dataDir, movedAside);
  }
  await rename(staging, dataDir);
  return { movedAside };
}

export const defaultBackupName = () => path.resolve(`dermis-backup-${new Date().toISOString().slice(0, 10)}.tar.gz`);
