import type { Logger } from 'pino';
import type { Db } from '../db/connect.js';
import { sealAudit } from '../services/audit/seal-audit.js';
import { startTicker } from './ticker.js';

/**
 * Links recorded audit events into their organization's hash chain every second (decision 0015), so
 * an event is sealed within about two seconds. Safe with several processes: each organization is
 * sealed under an advisory lock, and a process that finds it taken moves on.
 */
export function startAuditSealer(opts: { db: Db; logger: Logger; now?: () => Date; intervalMs?: number }) {
  const now = opts.now ?? (() => new Date());
  const tick = async () => {
    try {
      await sealAudit(opts.db, now());
    } catch (err) {
      // the events stay recorded; the next round seals them
      opts.logger.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, 'audit sealing failed');
    }
  };
  const ticker = startTicker(tick, opts.intervalMs ?? 1000, 'audit_sealer');
  return {
    /** Stops the timer and seals what is left, so a clean shutdown leaves nothing waiting. */
    async stop() {
      await ticker.stop();
      await tick();
    },
  };
}
