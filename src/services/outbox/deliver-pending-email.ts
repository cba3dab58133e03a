import type { Db } from '../../db/connect.js';
import { claimPending, markMessage } from '../../db/repositories/outbox.repository.js';
import { backoff, MAX_ATTEMPTS } from './retry.js';
import type { EmailPort } from '../ports.js';


/**
 * Sends pending emails. Without a configured email port, messages stay pending and visible in the
 * staff console. Each message is claimed and marked in its own transaction.
 */
export async function deliverPendingEmail(db: Db, email: EmailPort | null, batch = 20): Promise<{ sent: number; failed: number }> {
  if (!email) return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < batch; i++) {
    const done = await db.transaction().execute(async (trx) => {
      const [m] = await claimPending(trx, 1);
      if (!m) return false;
      const attempts = m.attempts + 1;
      try {
        await email.send({
          to: m.to_address,
          subject: m.subject,
          text: m.body_text,
          ...(m.attachment_ics ? { attachments: [{ filename: 'appointment.ics', content: m.attachment_ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] } : {}),
        });
        await markMessage(trx, m, { status: 'sent', sent_at: new Date(), attempts, last_error: null });
        sent++;
      } catch (err) {
        const status = attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
        await markMessage(trx, m, { status, attempts, last_error: err instanceof Error ? err.message.slice(0, 500) : 'send failed', send_after: backoff(attempts) });
        failed++;
      }
      return true;
    });
    if (!done) break;
  }
  return { sent, failed };
}
