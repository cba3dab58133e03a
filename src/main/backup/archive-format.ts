// The Dermis backup archive (docs/decisions/0011-backup-archive.md): one gzipped tar holding
// everything a restore needs. The manifest is the first entry, so a reader knows at once whether it
// holds a Dermis archive or an older plain PGlite dump (which starts with database files).
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const FORMAT_VERSION = 1;

/** Entry names inside the archive. */
export const ENTRY = {
  manifest: 'dermis-backup.json',
  /** PGlite's dumpDataDir('none'): a plain tar of the data folder (the outer gzip compresses it) */
  database: 'database.tar',
  /** the secret sealed with the owner's passphrase (secret-box.ts); absent without a passphrase */
  secret: 'secret.sealed.json',
  /** prefix of the photo files, by their storage key */
  uploads: 'uploads/',
} as const;

export const manifestSchema = z.object({
  format: z.literal('dermis-backup'),
  formatVersion: z.number().int().min(1),
  createdAt: z.string(),
  dermisVersion: z.string(),
  database: z.object({ kind: z.literal('pglite'), bytes: z.number().int().min(0) }),
  uploads: z.object({ files: z.number().int().min(0), bytes: z.number().int().min(0) }),
  secret: z.object({
    included: z.boolean(),
    /** where the secret came from on the machine that made the backup */
    source: z.enum(['file', 'environment']).nullable(),
  }),
});

export type Manifest = z.infer<typeof manifestSchema>;

// src/main/backup and dist/main/backup are both three folders below package.json
const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
export const DERMIS_VERSION = pkg.version ?? 'unknown';

/** Backup names the server writes: sortable, and never taken from user input. */
export const backupFileName = (at: Date) => `dermis-backup-${at.toISOString().replace(/[:.]/g, '-')}.tar.gz`;
export const isBackupFileName = (name: string) => /^dermis-backup-[0-9TZ-]+\.tar\.gz$/.test(name);
