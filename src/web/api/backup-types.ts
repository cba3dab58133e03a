// JSON shapes of the backups API (src/http/routes/backups.routes.ts, src/services/backups/*).

export type BackupStatus = 'running' | 'succeeded' | 'failed';

export interface BackupRun {
  id: string;
  trigger: 'schedule' | 'owner';
  requestedBy: string | null;
  fileName: string;
  status: BackupStatus;
  startedAt: string;
  finishedAt: string | null;
  bytes: number | null;
  secretIncluded: boolean;
  /** why it failed, in plain words */
  error: string | null;
  /** deleted by retention */
  removed: boolean;
}

export interface BackupOverview {
  managedBy: 'dermis' | 'postgres' | 'none';
  schedule: { everyHours: number; keep: number; directory: string; secretIncluded: boolean } | null;
  nextRunAt: string | null;
  running: boolean;
  lastSuccess: BackupRun | null;
  items: BackupRun[];
}

/** 1234567 -> "1.2 MB" */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let n = bytes / 1024;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n.toFixed(n < 10 ? 1 : 0)} ${units[i]}`;
}
