// Names for the backups shapes of the generated contract (client.ts), and a size formatter.
import type { Schemas } from './client.js';

export type BackupStatus = Schemas['BackupRun']['status'];

export type BackupRun = Schemas['BackupRun'];

export type BackupOverview = Schemas['BackupOverview'];

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
