// Recall and rebooking flows (docs/recall.md): once an hour, queues the recall messages that are due
// in every clinic. Safe with several processes: each recall is claimed by a unique row of
// recall_sends before its message is queued, in one transaction.
import type { Logger } from 'pino';
import type { Db } from '../db/connect.js';
import type { SecretBox } from '../services/ports.js';
import { runRecalls } from '../services/recall/run-recalls.js';
import { startTicker } from './ticker.js';

export function startRecallJob(opts: { db: Db; logger: Logger; now: () => Date; publicUrl: string; secrets: SecretBox; intervalMs?: number }) {
  const tick = async () => {
    try {
      const queued = await runRecalls(opts);
      if (queued) opts.logger.info({ queued }, 'recall messages queued');
    } catch (err) {
      opts.logger.warn({ err: { name: (err as Error).name } }, 'recall run failed');
    }
  };
  return startTicker(tick, opts.intervalMs ?? 3_600_000, 'recall');
}
