// Text messages through a real HTTP gateway on loopback: sent with the bearer token, retried when
// the gateway fails, kept in the outbox when no gateway is configured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freshDatabase } from '../support/test-db.js';
import type { DbHandle } from '../../src/db/connect.js';
import { httpSms } from '../../src/adapters/sms/http-sms.js';
import { deliverPendingSms } from '../../src/services/outbox/deliver-pending-sms.js';
import { enqueueMessage } from '../../src/services/outbox/enqueue-message.js';

let h: DbHandle;
let server: Server;
let url: string;
let failNext = false;
const received: { auth: string | undefined; body: { to: string; text: string } }[] = [];

beforeAll(async () => {
  h = await freshDatabase();
  server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      if (failNext) {
        failNext = false;
        res.writeHead(503).end();
        return;
      }
      received.push({ auth: req.headers.authorization, body: JSON.parse(data) as { to: string; text: string } });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await h.close();
});

describe('SMS delivery', () => {
  it('waits without a gateway, retries a failure, then sends once with the token', async () => {
    const org = await h.db.insertInto('organizations').values({ slug: 'sms-test', name: 'SMS' }).returning('id').executeTakeFirstOrThrow();
    await h.db.transaction().execute((trx) => enqueueMessage(trx, { organizationId: org.id, channel: 'sms', kind: 'test.sms', to: '+15125550100', subject: '', text: 'Your visit is at 10:00', idempotencyKey: 'sms-1' }));
    expect(await deliverPendingSms(h.db, null)).toEqual({ sent: 0, failed: 0 });
    const sms = httpSms(url, 'gateway-token-123');
    failNext = true;
    expect(await deliverPendingSms(h.db, sms)).toEqual({ sent: 0, failed: 1 });
    const retried = await h.db.selectFrom('outbox_messages').select(['status', 'attempts', 'last_error']).where('idempotency_key', '=', 'sms-1').executeTakeFirstOrThrow();
    expect(retried).toMatchObject({ status: 'pending', attempts: 1, last_error: 'SMS gateway answered 503' });
    // the retry waits for its backoff; once due, it goes
    expect(await deliverPendingSms(h.db, sms)).toEqual({ sent: 0, failed: 0 });
    await h.db.updateTable('outbox_messages').set({ send_after: new Date(Date.now() - 1000) }).where('idempotency_key', '=', 'sms-1').execute();
    expect(await deliverPendingSms(h.db, sms)).toEqual({ sent: 1, failed: 0 });
    expect(received).toEqual([{ auth: 'Bearer gateway-token-123', body: { to: '+15125550100', text: 'Your visit is at 10:00' } }]);
    expect(await deliverPendingSms(h.db, sms)).toEqual({ sent: 0, failed: 0 });
  });
});
