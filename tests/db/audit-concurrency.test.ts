// Many writers appending at once must still form one unbroken chain (on PostgreSQL these are real
// concurrent transactions on separate connections). Appends take no lock (decision 0015); sealers,
// even several at once, link them into one chain, and an event appended before a crash is sealed later.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/test-db.js';
import { appendAudit } from '../../src/services/audit/record-audit-event.js';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.js';
import { sealAudit } from '../../src/services/audit/seal-audit.js';
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
    for (const o of orgs) expect(await verifyAuditChain(h.db, o.id)).toMatchObject({ ok: true, events: 0, unsealed: { count: 20 } });
    await sealAudit(h.db, new Date());
    for (const o of orgs) {
      const r = await verifyAuditChain(h.db, o.id);
      expect(r).toMatchObject({ ok: true, events: 20, unsealed: { count: 0, oldestAgeSeconds: null } });
    }
  });

  it('appends while several sealers run at once still form one gapless chain', async () => {
    const org = await h.db.insertInto('organizations').values({ slug: 'conc-d', name: 'D' }).returning('id').executeTakeFirstOrThrow();
    const append = (i: number) =>
      h.db.transaction().execute((trx) => appendAudit(trx, { organizationId: org.id, userId: null, role: 'system', requestId: `s${i}`, ip: null }, { action: 'test.append', entityType: 'test', details: { i } }, new Date()));
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 60; i++) {
      work.push(append(i));
      if (i % 10 === 0) work.push(sealAudit(h.db, new Date()), sealAudit(h.db, new Date()));
    }
    await Promise.all(work);
    await sealAudit(h.db, new Date());
    expect(await verifyAuditChain(h.db, org.id)).toMatchObject({ ok: true, events: 60, problems: [], unsealed: { count: 0 } });
  });

  it('an event committed just before a crash is sealed by the next sealer, nothing lost', async () => {
    const org = await h.db.insertInto('organizations').values({ slug: 'conc-e', name: 'E' }).returning('id').executeTakeFirstOrThrow();
    const at = new Date(Date.now() - 90_000);
    await h.db.transaction().execute((trx) => appendAudit(trx, { organizationId: org.id, userId: null, role: 'system', requestId: null, ip: null }, { action: 'test.before_crash', entityType: 'test' }, at));
    // the process stops here; after a restart the sealer finds the event waiting, with its age
    const waiting = await verifyAuditChain(h.db, org.id);
    expect(waiting.unsealed.count).toBe(1);
    expect(waiting.unsealed.oldestAgeSeconds).toBeGreaterThanOrEqual(89);
    expect(await sealAudit(h.db, new Date())).toBeGreaterThanOrEqual(1);
    expect(await verifyAuditChain(h.db, org.id)).toMatchObject({ ok: true, events: 1, unsealed: { count: 0 } });
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
