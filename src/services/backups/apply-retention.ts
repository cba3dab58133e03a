// Keeps the newest DERMIS_BACKUP_KEEP successful backups and deletes the files of older ones. Only
// files this server recorded are touched: anything else in the folder (a copy the owner put there)
// stays. The rows stay too, marked removed, so the history still shows what ran.
import type { Db } from '../../db/connect.js';
import type { DermisBackups } from './backup-port.js';

export async function applyBackupRetention(db: Db, port: DermisBackups, now: () => Date): Promise<number> {
  const old = await db
    .selectFrom('backup_runs')
    .select(['id', 'file_name'])
    .where('status', '=', 'succeeded')
    .where('removed_at', 'is', null)
    .orderBy('started_at', 'desc')
    .offset(port.schedule.keep)
    .limit(1000)
    .execute();
  for (const r of old) {
    await port.remove(r.file_name);
    await db.updateTable('backup_runs').set({ removed_at: now() }).where('id', '=', r.id).execute();
  }
  return old.length;
}
