import type { Logger } from 'pino';
import type { Db } from '../db/connect.js';
import type { EmailPort, SecretBox, SmsPort } from '../services/ports.js';
import { deliverPendingEmail } from '../services/outbox/deliver-pending-email.js';
import { deliverPendingSms } from '../services/outbox/deliver-pending-sms.js';
import { sweepExpiredHolds } from '../services/scheduling/waitlist/sweep-holds.js';
import { escalateAlerts } from '../services/treatment/aftercare.js';
import { inviteReviews } from '../services/reviews/invite-reviews.js';
import { renderBookingFollowUps } from '../services/scheduling/booking-follow-up.js';
import { startTicker } from './ticker.js';
import { deliverWebhooks } from '../services/webhooks/deliver-webhooks.js';

/** Renders bookings' messages, releases expired holds, delivers due email, SMS and webhooks; runs inside the server by default (DERMIS_WORKER=inline). */
export function startOutboxWorker(opts: { db: Db; email: EmailPort | null; sms?: SmsPort | null; logger: Logger; secrets: SecretBox; intervalMs?: number; now?: () => Date }) {
  const now = opts.now ?? (() => new Date());
  const tick = async () => {
    try {
      // bookings' confirmations and reminders, rendered outside the booking's transaction (issue 14)
      await renderBookingFollowUps(opts.db);
      // expired holds first, so a waitlist offer made now goes out in this round
      const released = await sweepExpiredHolds(opts.db, now());
      if (released) opts.logger.info({ released }, 'expired holds released');
      const escalated = await escalateAlerts(opts.db, now());
      if (escalated) opts.logger.warn({ escalated }, 'red-flag alerts escalated');
      const invited = await inviteReviews(opts.db, now());
      if (invited) opts.logger.info({ invited }, 'review invitations queued');
      const r = await deliverPendingEmail(opts.db, opts.email, { secrets: opts.secrets });
      if (r.sent || r.failed) opts.logger.info({ sent: r.sent, failed: r.failed }, 'outbox delivery');
      const t = await deliverPendingSms(opts.db, opts.sms ?? null, 20, opts.secrets);
      if (t.sent || t.failed) opts.logger.info({ sent: t.sent, failed: t.failed }, 'sms delivery');
      const hooks = await deliverWebhooks(opts.db, opts.secrets, now);
      if (hooks) opts.logger.info({ attempted: hooks }, 'webhook delivery');
    } catch (err) {
      opts.logger.warn({ err: { name: (err as Error).name } }, 'outbox delivery failed');
    }
  };
  return startTicker(tick, opts.intervalMs ?? 5000, 'outbox');
}
