// Runs scheduled backups inside the server, which owns the embedded database. A tick each minute
// asks whether one is due; a timer per run would not survive the 24.8-day setTimeout limit.
import type { Logger } from 'pino';
import type { Db } from '../db/connect.js';
import type { DermisBackups } from '../services/backups/backup-port.js';
import { runScheduledBackupIfDue } from '../services/backups/scheduled-backup.js';
import { startTicker } from './ticker.js';

export function startBackupSchedule(opts: { db: Db; port: DermisBackups; logger: Logger; now?: () => Date; intervalMs?: number }) {
  const now = opts.now ?? (() => new Date());
  const tick = async () => {
    try {
      const outcome = await runScheduledBackupIfDue(opts.db, opts.port, now);
      if (outcome === 'succeeded') opts.logger.info('scheduled backup written');
      if (outcome === 'failed') opts.logger.error('scheduled backup failed; Settings > Backups says why');
    } catch (err) {
      opts.logger.warn({ err: { name: (err as Error).name } }, 'scheduled backup check failed');
    }
  };
  // one tick at a time: a long backup is not started twice
  return startTicker(tick, opts.intervalMs ?? 60_000);
}
