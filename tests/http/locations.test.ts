// Locations (issue 15, item 1): the owner corrects the first location's address, phone, time zone and
// state, and opens a second location that can then be given its hours. Bad input names the field in
// plain words; another clinic's location is not found; every change is in the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { WEEKDAYS } from './role-matrix.table.js';

let t: TestApp;
let org: Org;
let owner: Actor;

type Location = { id: string; name: string; timeZone: string; state: string; address: string; phone: string };
type Problem = { detail: string; errors?: { path: string; message: string }[] };
const json = async <T>(res: Response) => (await res.json()) as T;

beforeAll(async () => {
  t = await createTestApp();
  org = await t.factory.org('Two Doors Spa');
  owner = await t.factory.actor(org, 'owner');
});
afterAll(async () => t.close());

describe('an owner manages the locations', () => {
  it("corrects the first location's address, phone, time zone and state, on record", async () => {
    const res = await t.request(`/api/locations/${org.locationId}`, {
      method: 'PUT',
      cookie: owner.cookie,
      body: { name: 'Main', address: '1600 Glenarm Pl, Denver, CO 80202', phone: '+1 (303) 555-0142', timeZone: 'america/denver', state: 'co' },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await json<Location>(res)).toEqual({ id: org.locationId, name: 'Main', address: '1600 Glenarm Pl, Denver, CO 80202', phone: '+1 (303) 555-0142', timeZone: 'America/Denver', state: 'CO' });
    const shown = await json<{ locations: Location[] }>(await t.request('/api/organization', { cookie: owner.cookie }));
    expect(shown.locations.find((l) => l.id === org.locationId)).toMatchObject({ timeZone: 'America/Denver', state: 'CO', address: '1600 Glenarm Pl, Denver, CO 80202' });
    const event = await t.db.selectFrom('audit_events').selectAll().where('organization_id', '=', org.id).where('action', '=', 'location.updated').executeTakeFirstOrThrow();
    expect(event.entity_id).toBe(org.locationId);
    expect(event.actor_user_id).toBe(owner.userId);
    expect(event.details).toMatchObject({ changed: { time_zone: { from: 'America/Chicago', to: 'America/Denver' }, state: { from: 'TX', to: 'CO' } } });
  });

  it('opens a second location that takes its own hours', async () => {
    const res = await t.request('/api/locations', { cookie: owner.cookie, body: { name: 'Cherry Creek', address: '3000 E 1st Ave, Denver, CO 80206', timeZone: 'America/Denver', state: 'CO' } });
    expect(res.status, await res.clone().text()).toBe(201);
    const added = await json<Location>(res);
    expect(added).toMatchObject({ name: 'Cherry Creek', phone: '', timeZone: 'America/Denver', state: 'CO' });
    const shown = await json<{ locations: Location[] }>(await t.request('/api/organization', { cookie: owner.cookie }));
    expect(shown.locations.map((l) => l.name).sort()).toEqual(['Cherry Creek', 'Main']);
    const hours = await t.request(`/api/locations/${added.id}/schedule`, { method: 'PUT', cookie: owner.cookie, body: { weekly: WEEKDAYS, gridMin: 15, minNoticeMin: 60, horizonDays: 90, holdMin: 10, lateCancelHours: 24 } });
    expect(hours.status, await hours.clone().text()).toBe(200);
    expect(await t.db.selectFrom('audit_events').select('entity_id').where('organization_id', '=', org.id).where('action', '=', 'location.created').executeTakeFirst()).toEqual({ entity_id: added.id });
  });

  it('names the field in plain words when something is wrong', async () => {
    const bad = async (body: Record<string, unknown>, path = `/api/locations/${org.locationId}`, method = 'PUT') => {
      const res = await t.request(path, { method, cookie: owner.cookie, body });
      expect(res.status).toBe(400);
      return (await json<Problem>(res)).errors ?? [];
    };
    const base = { name: 'Main', address: '1600 Glenarm Pl, Denver, CO 80202', timeZone: 'America/Denver', state: 'CO' };
    expect(await bad({ ...base, timeZone: 'Mars/Olympus' })).toEqual([expect.objectContaining({ path: 'timeZone', message: 'Choose the time zone of the location from the list, such as America/Chicago' })]);
    expect(await bad({ ...base, state: 'ZZ' })).toEqual([expect.objectContaining({ path: 'state', message: 'Choose the US state the location is in' })]);
    expect(await bad({ ...base, phone: 'call us' })).toEqual([expect.objectContaining({ path: 'phone' })]);
    const address = (await bad({ ...base, address: '  ' }))[0]!;
    expect(address.path).toBe('address');
    expect(address.message).not.toMatch(/string|regex|invalid_/i);
    const taken = await bad({ ...base, name: 'cherry creek' });
    expect(taken.map((e) => e.path)).toEqual(['name']);
    expect(taken[0]!.message).toContain('already has a location named');
    expect(await bad({ ...base, name: 'Main' }, '/api/locations', 'POST')).toEqual([expect.objectContaining({ path: 'name' })]);
  });

  it("keeps other clinics' locations out of reach, and the change to the owner", async () => {
    const other = await t.factory.org('Next Door Spa');
    const res = await t.request(`/api/locations/${other.locationId}`, { method: 'PUT', cookie: owner.cookie, body: { name: 'Mine now', address: '1 Elm St, Austin, TX 78701', timeZone: 'America/Chicago', state: 'TX' } });
    expect(res.status).toBe(404);
    const theirs = await t.db.selectFrom('locations').select('name').where('id', '=', other.locationId).executeTakeFirstOrThrow();
    expect(theirs.name).toBe('Main');
    const desk = await t.factory.actor(org, 'front_desk');
    expect((await t.request('/api/locations', { cookie: desk.cookie, body: { name: 'Desk Annex', address: '2 Elm St, Denver, CO 80202', timeZone: 'America/Denver', state: 'CO' } })).status).toBe(403);
  });
});
