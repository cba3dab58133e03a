import type { Db } from '../../db/connect.js';
import { claimPending, markMessage } from '../../db/repositories/outbox.repository.js';
import { backoff, MAX_ATTEMPTS } from './retry.js';
import type { SecretBox, SmsPort } from '../ports.js';
import { SECRET_LINK } from './enqueue-message.js';
import { openSecret } from './deliver-pending-email.js';


/** Sends due text messages when an SMS gateway is configured; otherwise they wait in the outbox. */
export async function deliverPendingSms(db: Db, sms: SmsPort | null, batch = 20, secrets: SecretBox | null = null): Promise<{ sent: number; failed: number }> {
  if (!sms) return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < batch; i++) {
    const done = await db.transaction().execute(async (trx) => {
      const [m] = await claimPending(trx, 1, 'sms');
      if (!m) return false;
      const attempts = m.attempts + 1;
      try {
        // a recall's unsubscribe link travels sealed, as in email (docs/recall.md)
        const text = m.secret_sealed ? m.body_text.replace(SECRET_LINK, openSecret(secrets, m.secret_sealed)) : m.body_text;
        await sms.send({ to: m.to_address, text });
        await markMessage(trx, m, { status: 'sent', sent_at: new Date(), attempts, last_error: null, secret_sealed: null });
        sent++;
      } catch (err) {
        await markMessage(trx, m, { status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', attempts, last_error: err instanceof Error ? err.message.slice(0, 500) : 'send failed', send_after: backoff(attempts) });
        failed++;
      }
      return true;
    });
    if (!done) break;
  }
  return { sent, failed };
}
