// What the owner sees of one backup.
import type { Db } from '../../db/connect.js';
import type { BackupStatus, BackupTrigger } from '../../db/schema-backups.js';

export interface BackupRunView {
  id: string;
  trigger: BackupTrigger;
  /** the owner who pressed "Back up now"; null for scheduled backups */
  requestedBy: string | null;
  fileName: string;
  status: BackupStatus;
  startedAt: string;
  finishedAt: string | null;
  bytes: number | null;
  secretIncluded: boolean;
  error: string | null;
  /** the file was deleted by retention */
  removed: boolean;
}

export function selectRuns(db: Db) {
  return db
    .selectFrom('backup_runs as b')
    .leftJoin('users as u', 'u.id', 'b.requested_by')
    .select(['b.id', 'b.trigger', 'u.name as requested_by_name', 'b.file_name', 'b.status', 'b.started_at', 'b.finished_at', 'b.bytes', 'b.secret_included', 'b.error', 'b.removed_at']);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectRuns>['executeTakeFirstOrThrow']>>;

export const toView = (r: Row): BackupRunView => ({
  id: r.id,
  trigger: r.trigger,
  requestedBy: r.requested_by_name,
  fileName: r.file_name,
  status: r.status,
  startedAt: r.started_at.toISOString(),
  finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
  bytes: r.bytes,
  secretIncluded: r.secret_included,
  error: r.error,
  removed: r.removed_at !== null,
});
