import type { Db } from '../../db/connect.js';
import { claimPending, markMessage } from '../../db/repositories/outbox.repository.js';
import { backoff, MAX_ATTEMPTS } from './retry.js';
import type { EmailPort, SecretBox } from '../ports.js';
import { SECRET_LINK } from './enqueue-message.js';

/**
 * Sends pending emails. Without a configured email port, messages stay pending and visible in the
 * staff console (with any secret link still sealed). Each message is claimed and marked in its own
 * transaction; a secret link is opened only to send and is dropped once the message is sent or
 * has failed for good.
 */
export async function deliverPendingEmail(db: Db, email: EmailPort | null, opts: { secrets?: SecretBox | null; batch?: number } = {}): Promise<{ sent: number; failed: number }> {
  const batch = opts.batch ?? 20;
  if (!email) return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < batch; i++) {
    const done = await db.transaction().execute(async (trx) => {
      const [m] = await claimPending(trx, 1);
      if (!m) return false;
      const attempts = m.attempts + 1;
      try {
        const text = m.secret_sealed ? m.body_text.replace(SECRET_LINK, openSecret(opts.secrets, m.secret_sealed)) : m.body_text;
        await email.send({
          to: m.to_address,
          subject: m.subject,
          text,
          ...(m.attachment_ics ? { attachments: [{ filename: 'appointment.ics', content: m.attachment_ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] } : {}),
        });
        await markMessage(trx, m, { status: 'sent', sent_at: new Date(), attempts, last_error: null, secret_sealed: null });
        sent++;
      } catch (err) {
        const status = attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
        await markMessage(trx, m, {
          status,
          attempts,
          last_error: err instanceof Error ? err.message.slice(0, 500) : 'send failed',
          send_after: backoff(attempts),
          ...(status === 'failed' ? { secret_sealed: null } : {}),
        });
        failed++;
      }
      return true;
    });
    if (!done) break;
  }
  return { sent, failed };
}

export function openSecret(secrets: SecretBox | null | undefined, sealed: string): string {
  if (!secrets) throw new Error('this message holds a sealed link and the worker has no key to open it');
  try {
    return secrets.open(sealed);
  } catch {
    throw new Error('the sealed link could not be opened (was the server secret changed?)');
  }
}
