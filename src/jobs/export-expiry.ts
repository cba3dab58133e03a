// Deletes the console's expired export archives (kept 7 days) every hour, for every clinic, so an
// export nobody looks at again does not stay on the server's disk. The list and the download also
// check, so nothing expired is ever offered in between.
import type { Logger } from 'pino';
import type { Db } from '../db/connect.js';
import type { ExportFiles } from '../services/export/console/export-files-port.js';
import { expireDataExports } from '../services/export/console/expire-data-exports.js';
import { startTicker } from './ticker.js';

export function startExportExpiry(opts: { db: Db; files: ExportFiles; logger: Logger; now: () => Date; intervalMs?: number }) {
  const tick = async () => {
    try {
      await expireDataExports(opts.db, opts.files, opts.now(), null);
    } catch (err) {
      opts.logger.warn({ err: { name: (err as Error).name } }, 'expired export clean-up failed');
    }
  };
  void tick();
  return startTicker(tick, opts.intervalMs ?? 3_600_000);
}
