// The schedule: a backup every DERMIS_BACKUP_EVERY_HOURS after the last one started (whatever made
// it, so pressing "Back up now" also pushes the next scheduled one back), and never before the
// server has run a few minutes.
import type { Db } from '../../db/connect.js';
import type { DermisBackups } from './backup-port.js';
import { completeBackup, recordBackupStart } from './run-backup.js';

export async function nextScheduledBackup(db: Db, port: DermisBackups): Promise<Date | null> {
  const { everyHours, notBefore } = port.schedule;
  if (everyHours <= 0) return null;
  const last = await db.selectFrom('backup_runs').select('started_at').orderBy('started_at', 'desc').limit(1).executeTakeFirst();
  const due = last ? new Date(last.started_at.getTime() + everyHours * 3_600_000) : notBefore;
  return due < notBefore ? notBefore : due;
}

/** Runs a backup when one is due; resolves with the outcome, or null when none was due or one is running. */
export async function runScheduledBackupIfDue(db: Db, port: DermisBackups, now: () => Date): Promise<'succeeded' | 'failed' | null> {
  const due = await nextScheduledBackup(db, port);
  if (!due || due > now()) return null;
  const running = await db.selectFrom('backup_runs').select('id').where('status', '=', 'running').executeTakeFirst();
  if (running) return null;
  const run = await recordBackupStart(db, port, 'schedule', null, now());
  return completeBackup(db, port, run, now, null);
}
