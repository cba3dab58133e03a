// Several processes each run the outbox worker (decision 0016): a message is claimed with
// FOR UPDATE SKIP LOCKED in the transaction that sends it, so two workers never send it twice.
// On PostgreSQL the two workers use two connection pools (as two processes would); on PGlite they
// share the one connection, which still checks that a claimed message is not handed out again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, onPostgres } from '../support/test-db.js';
import { startSmtp } from '../support/smtp.js';
import { smtpEmail } from '../../src/adapters/email/smtp.js';
import { enqueueMessage } from '../../src/services/outbox/enqueue-message.js';
import { deliverPendingEmail } from '../../src/services/outbox/deliver-pending-email.js';
import { connect, type DbHandle } from '../../src/db/connect.js';
import { claimPending } from '../../src/db/repositories/outbox.repository.js';

let h: DbHandle & { url?: string };
let other: DbHandle;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let orgId: string;

beforeAll(async () => {
  h = await freshDatabase();
  other = onPostgres() ? await connect({ databaseUrl: h.url!, poolSize: 4 }) : h;
  smtp = await startSmtp();
  orgId = (await h.db.insertInto('organizations').values({ slug: 'claim-spa', name: 'Claim Spa' }).returning('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await smtp.close();
  if (other !== h) await other.close();
  await h.close();
});

describe('outbox claim with two workers', () => {
  it('delivers every message exactly once when two workers run at the same time', async () => {
    const total = 40;
    for (let i = 0; i < total; i++) {
      await h.db.transaction().execute((trx) => enqueueMessage(trx, { organizationId: orgId, channel: 'email', kind: 'test', to: `c${i}@example.com`, subject: `Message ${i}`, text: 'hello', idempotencyKey: `claim-${i}` }));
    }
    const a = smtpEmail(smtp.url, 'Dermis <no-reply@dermis.local>');
    const b = smtpEmail(smtp.url, 'Dermis <no-reply@dermis.local>');
    // each worker keeps going until it finds nothing left, as its ticker would
    const drain = async (db: DbHandle['db'], email: typeof a) => {
      let sent = 0;
      for (;;) {
        const r = await deliverPendingEmail(db, email, { batch: 5 });
        sent += r.sent;
        if (r.sent === 0 && r.failed === 0) return sent;
      }
    };
    const [sentA, sentB] = await Promise.all([drain(h.db, a), drain(other.db, b)]);
    a.close();
    b.close();
    expect(sentA + sentB).toBe(total);
    const recipients = smtp.received.flatMap((m) => m.to);
    expect(recipients).toHaveLength(total);
    expect(new Set(recipients).size).toBe(total);
    const rows = await h.db.selectFrom('outbox_messages').select(['status', 'attempts']).where('organization_id', '=', orgId).execute();
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    if (onPostgres()) expect(sentA > 0 && sentB > 0).toBe(true);
  });

  it('sends a message with a secret link before a backlog of older reminders', async () => {
    for (let i = 0; i < 6; i++) {
      await h.db.transaction().execute((trx) => enqueueMessage(trx, { organizationId: orgId, channel: 'email', kind: 'reminder', to: `old${i}@example.com`, subject: `Reminder ${i}`, text: 'hello', idempotencyKey: `backlog-${i}`, sendAfter: new Date(Date.now() - 86_400_000) }));
    }
    await h.db.insertInto('outbox_messages').values({ organization_id: orgId, channel: 'email', kind: 'verify_email', to_address: 'waiting@example.com', subject: 'Confirm your email', body_text: 'Open {{link}}', secret_sealed: 'sealed-link' }).execute();
    const claimed = await h.db.transaction().execute((trx) => claimPending(trx, 1));
    expect(claimed.map((m) => m.to_address)).toEqual(['waiting@example.com']);
  });
});
