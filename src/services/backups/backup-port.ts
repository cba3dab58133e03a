// How the backup use cases reach what lives in the composition root: the archive writer, the backup
// folder and the live embedded database. Services never touch files or the PGlite instance.

export interface BackupSchedule {
  /** hours between scheduled backups; 0 means no schedule */
  everyHours: number;
  /** successful backups kept; the files of older ones are deleted */
  keep: number;
  /** the folder archives are written to, as the owner should look for it */
  directory: string;
  /** a passphrase is set, so each archive holds the sealed secret */
  secretIncluded: boolean;
  /** the schedule waits until then after the server starts, so a restart loop is not a backup loop */
  notBefore: Date;
}

/** Dermis makes the backups (embedded database). */
export interface DermisBackups {
  managedBy: 'dermis';
  schedule: BackupSchedule;
  /** a new, unused archive name for a backup started at `at` */
  fileNameFor(at: Date): string;
  /** writes the archive; resolves with its size and whether the secret went in */
  write(fileName: string): Promise<{ bytes: number; secretIncluded: boolean }>;
  /** deletes an archive (retention); a missing file is not an error */
  remove(fileName: string): Promise<void>;
}

/** On a PostgreSQL server the database is backed up with its own tools (pg_dump): see the runbook. */
export interface PostgresBackups {
  managedBy: 'postgres';
}

export type BackupPort = DermisBackups | PostgresBackups;
