// Backups the server made (migration 0009). Global, like users: a backup holds the whole installation.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type BackupStatus = 'running' | 'succeeded' | 'failed';
export type BackupTrigger = 'schedule' | 'owner';

export interface BackupRunsTable {
  id: Generated<string>;
  trigger: BackupTrigger;
  requested_by: string | null;
  file_name: string;
  status: BackupStatus;
  started_at: ColumnType<Date, Date | string | undefined, Date | string>;
  finished_at: Timestamp | null;
  bytes: number | null;
  secret_included: Generated<boolean>;
  /** in plain words, for the owner */
  error: string | null;
  /** when retention deleted the file */
  removed_at: Timestamp | null;
}

export interface BackupTables {
  backup_runs: BackupRunsTable;
}
