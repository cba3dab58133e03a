// Bills membership periods as they come, retries failed cards and ends or resumes memberships on
// their dates (services/billing/memberships/renew-memberships.ts). Every few minutes; each
// membership is claimed by a guarded UPDATE, so several processes are safe.
import type { Logger } from 'pino';
import type { Db } from '../db/connect.js';
import type { CardPaymentsPort } from '../services/ports.js';
import { renewMemberships } from '../services/billing/memberships/renew-memberships.js';
import { startTicker } from './ticker.js';

export function startMembershipRenewal(opts: { db: Db; cards: CardPaymentsPort | null; logger: Logger; now: () => Date; publicUrl: string; intervalMs?: number }) {
  const tick = async () => {
    try {
      const out = await renewMemberships({ db: opts.db, cards: opts.cards, now: opts.now(), publicUrl: opts.publicUrl });
      if (out.paid + out.due + out.failed + out.paused + out.ended + out.resumed > 0) opts.logger.info(out, 'memberships renewed');
    } catch (err) {
      opts.logger.warn({ err: { name: (err as Error).name } }, 'membership renewal failed');
    }
  };
  void tick();
  return startTicker(tick, opts.intervalMs ?? 5 * 60_000, 'membership-renewal');
}
