import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.js';
import { sealAudit } from '../../src/services/audit/seal-audit.js';

let t: TestApp;
let org: Org;
let provider: Actor;
let owner: Actor;

const eventsFor = (clientId: string) =>
  t.db.selectFrom('audit_events').select(['action', 'actor_user_id', 'ip', 'request_id']).where('organization_id', '=', org.id).where('client_id', '=', clientId).orderBy('position').execute();

beforeAll(async () => {
  t = await createTestApp();
  org = await t.factory.org();
  provider = await t.factory.actor(org, 'provider');
  owner = await t.factory.actor(org, 'owner');
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('every read and write of a client\'s data records who, what, from where and the request id', async () => {
    const create = await t.request('/api/clients', { cookie: provider.cookie, body: { firstName: 'Ada', lastName: 'Audit' } });
    const { id } = (await create.json()) as { id: string };
    await t.request(`/api/clients/${id}`, { cookie: provider.cookie });
    await t.request(`/api/clients/${id}`, { method: 'PATCH', cookie: provider.cookie, body: { phone: '+1 555 000 1111' } });
    await t.request(`/api/clients/${id}/notes`, { cookie: provider.cookie, body: { body: 'note' } });
    await t.request(`/api/clients/${id}/notes`, { cookie: provider.cookie });
    const events = await eventsFor(id);
    expect(events.map((e) => e.action)).toEqual(['client.create', 'client.read', 'client.update', 'clinical_note.create', 'clinical_note.list']);
    for (const e of events) {
      expect(e.actor_user_id).toBe(provider.userId);
      expect(e.request_id).toMatch(/.+/);
      expect(e.ip).toMatch(/^10\./);
    }
    const list = await t.request('/api/clients', { cookie: provider.cookie });
    expect(list.status).toBe(200);
    const listEvent = await t.db.selectFrom('audit_events').select(['details']).where('action', '=', 'client.list').orderBy('position', 'desc').executeTakeFirstOrThrow();
    expect((listEvent.details as { ids: string[] }).ids).toContain(id);
  });

  it('owners browse and filter the trail; events are sealed into the chain after the work, and the chain verifies', async () => {
    const res = await t.request('/api/audit?action=client.&limit=2', { cookie: owner.cookie });
    const body = (await res.json()) as { items: { action: string; position: number; seq: number | null }[]; nextBeforePosition: number | null };
    expect(body.items).toHaveLength(2);
    expect(body.items.every((i) => i.action.startsWith('client.'))).toBe(true);
    expect(body.nextBeforePosition).toBe(body.items[1]!.position);
    const next = (await (await t.request(`/api/audit?action=client.&limit=2&beforePosition=${body.nextBeforePosition}`, { cookie: owner.cookie })).json()) as { items: { position: number }[] };
    expect(next.items.every((i) => i.position < body.nextBeforePosition!)).toBe(true);
    // recorded, not yet sealed: nothing waited on a lock, and verify says what is waiting
    expect(body.items.every((i) => i.seq === null)).toBe(true);
    const before = (await (await t.request('/api/audit/verify', { cookie: owner.cookie })).json()) as { ok: boolean; events: number; unsealed: { count: number; oldestAgeSeconds: number } };
    expect(before).toMatchObject({ ok: true, events: 0 });
    expect(before.unsealed.count).toBeGreaterThan(5);
    expect(await sealAudit(t.db, new Date())).toBeGreaterThan(5);
    const verify = (await (await t.request('/api/audit/verify', { cookie: owner.cookie })).json()) as { ok: boolean; events: number; unsealed: { count: number } };
    expect(verify.ok).toBe(true);
    expect(verify.events).toBeGreaterThan(5);
    expect(verify.unsealed.count).toBe(0);
    // the chain follows the order of recording
    const sealed = await t.db.selectFrom('audit_events').select(['position', 'seq']).where('organization_id', '=', org.id).orderBy('position').execute();
    expect(sealed.map((e) => e.seq)).toEqual(sealed.map((_, i) => i + 1));
  });

  it('the table refuses updates and deletes; a sealed event cannot be sealed again', async () => {
    await expect(sql`update audit_events set action = 'x' where organization_id = ${org.id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where organization_id = ${org.id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`update audit_events set hash = 'forged', prev_hash = 'forged' where organization_id = ${org.id} and seq = 2`.execute(t.db)).rejects.toThrow(/append-only/);
    // an unsealed event may receive its seal and nothing else
    await t.request('/api/clients', { cookie: provider.cookie });
    await expect(sql`update audit_events set action = 'x', seq = 999999, prev_hash = 'a', hash = 'b' where organization_id = ${org.id} and hash is null`.execute(t.db)).rejects.toThrow(/append-only/);
    await sealAudit(t.db, new Date());
  });

  it('a reordered or inserted event is detected', async () => {
    expect((await verifyAuditChain(t.db, org.id)).ok).toBe(true);
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(t.db);
    try {
      // swap two events' places in the chain
      await sql`update audit_events set seq = -1 where organization_id = ${org.id} and seq = 2`.execute(t.db);
      await sql`update audit_events set seq = 2 where organization_id = ${org.id} and seq = 4`.execute(t.db);
      await sql`update audit_events set seq = 4 where organization_id = ${org.id} and seq = -1`.execute(t.db);
      const reordered = await verifyAuditChain(t.db, org.id);
      expect(reordered.ok).toBe(false);
      expect(reordered.problems).toContainEqual({ seq: 2, problem: 'hash_mismatch' });
      await sql`update audit_events set seq = -1 where organization_id = ${org.id} and seq = 2`.execute(t.db);
      await sql`update audit_events set seq = 2 where organization_id = ${org.id} and seq = 4`.execute(t.db);
      await sql`update audit_events set seq = 4 where organization_id = ${org.id} and seq = -1`.execute(t.db);
      expect((await verifyAuditChain(t.db, org.id)).ok).toBe(true);
      // an event slipped in after the head, hashed like a real one
      const head = await t.db.selectFrom('audit_heads').selectAll().where('organization_id', '=', org.id).executeTakeFirstOrThrow();
      await t.db.insertInto('audit_events').values({ organization_id: org.id, seq: head.last_seq + 1, occurred_at: new Date(), actor_user_id: null, actor_role: 'owner', action: 'client.read', entity_type: 'client', entity_id: null, client_id: null, ip: null, request_id: null, details: '{}', prev_hash: head.last_hash, hash: 'f'.repeat(64) }).execute();
      const inserted = await verifyAuditChain(t.db, org.id);
      expect(inserted.problems).toContainEqual({ seq: head.last_seq + 1, problem: 'hash_mismatch' });
      expect(inserted.problems).toContainEqual({ seq: head.last_seq, problem: 'head_mismatch' });
      await sql`delete from audit_events where organization_id = ${org.id} and seq = ${head.last_seq + 1}`.execute(t.db);
    } finally {
      await sql`alter table audit_events enable trigger audit_events_no_change`.execute(t.db);
    }
  });

  it('an edited, deleted or truncated event is detected', async () => {
    expect((await verifyAuditChain(t.db, org.id)).ok).toBe(true);
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(t.db);
    try {
      await sql`update audit_events set details = '{"count": 999}'::jsonb where organization_id = ${org.id} and seq = 3`.execute(t.db);
      const edited = await verifyAuditChain(t.db, org.id);
      expect(edited.ok).toBe(false);
      expect(edited.problems).toContainEqual({ seq: 3, problem: 'hash_mismatch' });

      await sql`delete from audit_events where organization_id = ${org.id} and seq = 5`.execute(t.db);
      const deleted = await verifyAuditChain(t.db, org.id);
      expect(deleted.problems.some((p) => p.seq === 6 && (p.problem === 'gap' || p.problem === 'broken_link'))).toBe(true);

      const last = await t.db.selectFrom('audit_heads').select('last_seq').where('organization_id', '=', org.id).executeTakeFirstOrThrow();
      await sql`delete from audit_events where organization_id = ${org.id} and seq = ${last.last_seq}`.execute(t.db);
      const truncated = await verifyAuditChain(t.db, org.id);
      expect(truncated.problems).toContainEqual({ seq: last.last_seq, problem: 'head_mismatch' });
    } finally {
      await sql`alter table audit_events enable trigger audit_events_no_change`.execute(t.db);
    }
  });
});
