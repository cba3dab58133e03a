// Ids of another organization, in paths or bodies, answer 404 (or a field error) and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';

let t: TestApp;
let orgA: Org;
let orgB: Org;
let ownerB: Actor;
let providerB: Actor;
let clientA: { id: string };

const snapshot = async () => ({
  clients: await t.db.selectFrom('clients').selectAll().where('organization_id', '=', orgA.id).orderBy('id').execute(),
  notes: await t.db.selectFrom('clinical_notes').selectAll().where('organization_id', '=', orgA.id).execute(),
});

beforeAll(async () => {
  t = await createTestApp();
  orgA = await t.factory.org('A');
  orgB = await t.factory.org('B');
  ownerB = await t.factory.actor(orgB, 'owner');
  providerB = await t.factory.actor(orgB, 'provider');
  clientA = await t.factory.client(orgA);
});
afterAll(() => t.close());

describe('tenant isolation', () => {
  it('reading, updating or annotating a client of another organization is 404 and changes nothing', async () => {
    const before = await snapshot();
    const read = await t.request(`/api/clients/${clientA.id}`, { cookie: providerB.cookie });
    const patch = await t.request(`/api/clients/${clientA.id}`, { method: 'PATCH', cookie: providerB.cookie, body: { firstName: 'Hacked' } });
    const note = await t.request(`/api/clients/${clientA.id}/notes`, { cookie: providerB.cookie, body: { body: 'x' } });
    const notes = await t.request(`/api/clients/${clientA.id}/notes`, { cookie: providerB.cookie });
    expect([read.status, patch.status, note.status, notes.status]).toEqual([404, 404, 404, 404]);
    expect(((await read.json()) as { detail: string }).detail).toBe('client not found');
    expect(await snapshot()).toEqual(before);
  });

  it('an unknown id answers exactly like another organization\'s id (no existence leak)', async () => {
    const unknown = await t.request('/api/clients/00000000-0000-4000-8000-000000000000', { cookie: providerB.cookie });
    const foreign = await t.request(`/api/clients/${clientA.id}`, { cookie: providerB.cookie });
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: null });
    expect(unknown.status).toBe(foreign.status);
    expect(strip((await unknown.json()) as Record<string, unknown>)).toEqual(strip((await foreign.json()) as Record<string, unknown>));
  });

  it('a body naming another organization\'s location is refused and nothing is created', async () => {
    const before = await t.db.selectFrom('clients').select('id').where('organization_id', '=', orgB.id).execute();
    const res = await t.request('/api/clients', { cookie: ownerB.cookie, body: { firstName: 'X', lastName: 'Y', preferredLocationId: orgA.locationId } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { path: string }[] };
    expect(body.errors[0]!.path).toBe('preferredLocationId');
    const after = await t.db.selectFrom('clients').select('id').where('organization_id', '=', orgB.id).execute();
    expect(after).toEqual(before);
  });

  it('lists and the audit trail show only the caller\'s organization', async () => {
    const list = (await (await t.request('/api/clients', { cookie: ownerB.cookie })).json()) as { items: { id: string }[] };
    expect(list.items.map((c) => c.id)).not.toContain(clientA.id);
    const audit = (await (await t.request(`/api/audit?clientId=${clientA.id}`, { cookie: ownerB.cookie })).json()) as { items: unknown[] };
    expect(audit.items).toEqual([]);
  });

  it('a client sees only their own record', async () => {
    const me = await t.factory.actor(orgA, 'client');
    const own = await t.request(`/api/clients/${me.clientId}`, { cookie: me.cookie });
    expect(own.status).toBe(200);
    const other = await t.request(`/api/clients/${clientA.id}`, { cookie: me.cookie });
    expect(other.status).toBe(404);
    const upd = await t.request(`/api/clients/${me.clientId}`, { method: 'PATCH', cookie: me.cookie, body: { phone: '+1 512 555 0123' } });
    expect(upd.status).toBe(200);
    expect(((await upd.json()) as { phone: string }).phone).toBe('+1 512 555 0123');
  });
});
