import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/test-db.js';
import { startSmtp } from '../support/smtp.js';
import { smtpEmail } from '../../src/adapters/email/smtp.js';
import { enqueueMessage } from '../../src/services/outbox/enqueue-message.js';
import { deliverPendingEmail } from '../../src/services/outbox/deliver-pending-email.js';
import type { DbHandle } from '../../src/db/connect.js';

let h: DbHandle;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let orgId: string;

beforeAll(async () => {
  h = await freshDatabase();
  smtp = await startSmtp();
  orgId = (await h.db.insertInto('organizations').values({ slug: 'mail-spa', name: 'Mail Spa' }).returning('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await smtp.close();
  await h.close();
});

describe('email outbox', () => {
  it('keeps messages pending when no delivery is configured', async () => {
    await h.db.transaction().execute((trx) => enqueueMessage(trx, { organizationId: orgId, channel: 'email', kind: 'test', to: 'kept@example.com', subject: 'Kept', text: 'hello' }));
    expect(await deliverPendingEmail(h.db, null)).toEqual({ sent: 0, failed: 0 });
    const row = await h.db.selectFrom('outbox_messages').selectAll().where('to_address', '=', 'kept@example.com').executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
  });

  it('delivers over a real SMTP server, once, and marks the message sent', async () => {
    const email = smtpEmail(smtp.url, 'Dermis <no-reply@dermis.local>');
    await h.db.transaction().execute((trx) => enqueueMessage(trx, { organizationId: orgId, channel: 'email', kind: 'test', to: 'ann@example.com', subject: 'Your visit', text: 'See you soon', idempotencyKey: 'k1' }));
    // the same idempotency key queues nothing more
    await h.db.transaction().execute((trx) => enqueueMessage(trx, { organizationId: orgId, channel: 'email', kind: 'test', to: 'ann@example.com', subject: 'Your visit', text: 'See you soon', idempotencyKey: 'k1' }));
    const r = await deliverPendingEmail(h.db, email);
    expect(r.failed).toBe(0);
    const toAnn = smtp.received.filter((m) => m.to.includes('ann@example.com'));
    expect(toAnn).toHaveLength(1);
    expect(toAnn[0]!.raw).toContain('Subject: Your visit');
    expect(toAnn[0]!.raw).toContain('See you soon');
    const row = await h.db.selectFrom('outbox_messages').selectAll().where('idempotency_key', '=', 'k1').executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    expect(row.sent_at).not.toBeNull();
    expect(await deliverPendingEmail(h.db, email)).toEqual({ sent: 0, failed: 0 });
    email.close();
  });

  it('a failing server leaves the message pending with the error, to retry', async () => {
    const broken = smtpEmail('smtp://127.0.0.1:1', 'x@y.z');
    await h.db.transaction().execute((trx) => enqueueMessage(trx, { organizationId: orgId, channel: 'email', kind: 'test', to: 'retry@example.com', subject: 'R', text: 'r' }));
    await h.db.updateTable('outbox_messages').set({ status: 'sent' }).where('to_address', '=', 'kept@example.com').execute();
    const r = await deliverPendingEmail(h.db, broken, { batch: 1 });
    expect(r.failed).toBe(1);
    const row = await h.db.selectFrom('outbox_messages').selectAll().where('to_address', '=', 'retry@example.com').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toBeTruthy();
    broken.close();
  });
});
