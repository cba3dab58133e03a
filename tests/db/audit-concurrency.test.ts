// Many writers appending at once must still form one unbroken chain (on PostgreSQL these are real
// concurrent transactions on separate connections; the head row lock serialises them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/test-db.js';
import { appendAudit } from '../../src/services/audit/record-audit-event.js';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.js';
import type { DbHandle } from '../../src/db/connect.js';

let h: DbHandle;
beforeAll(async () => {
  h = await freshDatabase();
});
afterAll(() => h.close());

describe('audit chain under concurrency', () => {
  it('40 concurrent appends across two organizations keep both chains intact and gapless', async () => {
    const orgs = await h.db.insertInto('organizations').values([{ slug: 'conc-a', name: 'A' }, { slug: 'conc-b', name: 'B' }]).returning('id').execute();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        h.db.transaction().execute((trx) =>
          appendAudit(trx, { organizationId: orgs[i % 2]!.id, userId: null, role: 'system', requestId: `r${i}`, ip: null }, { action: 'test.append', entityType: 'test', details: { i } }, new Date()),
        ),
      ),
    );
    for (const o of orgs) {
      const r = await verifyAuditChain(h.db, o.id);
      expect(r).toMatchObject({ ok: true, events: 20 });
    }
  });

  it('a rolled-back transaction leaves no event behind', async () => {
    const org = await h.db.insertInto('organizations').values({ slug: 'conc-c', name: 'C' }).returning('id').executeTakeFirstOrThrow();
    await expect(
      h.db.transaction().execute(async (trx) => {
        await appendAudit(trx, { organizationId: org.id, userId: null, role: 'system', requestId: null, ip: null }, { action: 'x', entityType: 'test' }, new Date());
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await verifyAuditChain(h.db, org.id)).toMatchObject({ ok: true, events: 0 });
  });
});
