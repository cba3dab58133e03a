// Reads that used to leave no trace, and refused attempts (issue 10.9): each read appends an audit
// event; refusals on another clinic's or client's ids are counted per person, route and hour (one
// audit event per hour, however many attempts) and listed for the owner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';

// the real time: sessions are checked against it
const now = () => new Date();
/** 15:00 UTC (09:00 or 10:00 in Chicago) on the first weekday at least two days ahead */
function weekdayStart() {
  const d = new Date(Date.now() + 2 * 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return `${d.toISOString().slice(0, 10)}T15:00:00Z`;
}
let t: TestApp;
let org: Org;
let clinic: Clinic;
let clientId: string;
let bookingId: string;

const audited = (action: string) =>
  t.db.selectFrom('audit_events').select(['actor_user_id', 'actor_role', 'entity_id', 'client_id', 'details']).where('organization_id', '=', org.id).where('action', '=', action).orderBy('position').execute();

beforeAll(async () => {
  t = await createTestApp({ now });
  org = await t.factory.org();
  clinic = await setUpClinic(t, org);
  clientId = (await t.factory.client(org)).id;
  const res = await t.request('/api/bookings', { cookie: clinic.frontDesk.cookie, body: { locationId: org.locationId, serviceId: clinic.consultationId, clientId, start: weekdayStart(), idempotencyKey: 'audit-reads-1' } });
  expect(res.status).toBe(201);
  bookingId = ((await res.json()) as { id: string }).id;
});
afterAll(() => t.close());

describe('reads are audited', () => {
  it('alerts, adverse events, the outbox, a booking .ics and its money, treatment readiness, message preferences and the calendar feed', async () => {
    const get = async (who: Actor | null, path: string) => {
      const res = await t.request(path, who ? { cookie: who.cookie } : {});
      expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
      return res;
    };
    await get(clinic.provider, '/api/alerts');
    await get(clinic.provider, '/api/adverse-events');
    await get(clinic.owner, '/api/outbox');
    await get(clinic.frontDesk, `/api/bookings/${bookingId}/ics`);
    await get(clinic.frontDesk, `/api/clients/${clientId}/treatment-readiness?modality=pen`);
    await get(clinic.frontDesk, `/api/bookings/${bookingId}/billing`);
    await get(clinic.frontDesk, `/api/clients/${clientId}/message-preferences`);
    const feed = await t.request(`/api/providers/${clinic.provider.userId}/calendar-feed`, { cookie: clinic.provider.cookie, method: 'POST' });
    const { url } = (await feed.json()) as { url: string };
    expect(await (await get(null, new URL(url).pathname)).text()).toContain('BEGIN:VCALENDAR');

    expect(await audited('alert.list')).toMatchObject([{ actor_user_id: clinic.provider.userId, details: { count: 0 } }]);
    expect(await audited('adverse_event.list')).toMatchObject([{ actor_user_id: clinic.provider.userId, details: { count: 0 } }]);
    expect(await audited('outbox.list')).toMatchObject([{ actor_user_id: clinic.owner.userId }]);
    expect(await audited('booking.ics')).toMatchObject([{ actor_user_id: clinic.frontDesk.userId, entity_id: bookingId, client_id: clientId }]);
    expect(await audited('readiness.read')).toMatchObject([{ actor_user_id: clinic.frontDesk.userId, client_id: clientId, details: { modality: 'pen' } }]);
    expect(await audited('billing.booking')).toMatchObject([{ actor_user_id: clinic.frontDesk.userId, entity_id: bookingId, client_id: clientId }]);
    expect(await audited('message_preferences.read')).toMatchObject([{ actor_user_id: clinic.frontDesk.userId, client_id: clientId }]);
    // whoever holds the secret URL reads as the provider it belongs to
    expect(await audited('calendar_feed.read')).toMatchObject([{ actor_user_id: clinic.provider.userId, actor_role: 'calendar_feed', details: { bookings: 1 } }]);
  });
});

describe('refused attempts', () => {
  it('are counted per person, route and hour, with one audit event per person an hour, and listed for the owner', async () => {
    const otherOrg = await t.factory.org('Other Spa');
    const prober = await t.factory.actor(otherOrg, 'owner');
    const client = await t.factory.actor(org, 'client');
    // another clinic's owner tries this clinic's client five times, and a booking once
    for (let i = 0; i < 5; i++) expect((await t.request(`/api/clients/${clientId}`, { cookie: prober.cookie })).status).toBe(404);
    expect((await t.request(`/api/bookings/${bookingId}`, { cookie: prober.cookie })).status).toBe(404);
    // a client tries another client's record (ownership) and the staff list (role), twice each
    for (let i = 0; i < 2; i++) {
      expect((await t.request(`/api/clients/${clientId}/bookings`, { cookie: client.cookie })).status).toBe(404);
      expect((await t.request('/api/staff', { cookie: client.cookie })).status).toBe(403);
    }
    // not attempts on a record: a path with no route, and a listing that finds nothing
    expect((await t.request('/api/no-such-thing/1', { cookie: client.cookie })).status).toBe(404);
    // the same probe in the hour before: a count of its own, summed in the owner's list
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    await t.db.insertInto('access_refusals').values({ organization_id: otherOrg.id, window_start: new Date(Math.floor(hourAgo.getTime() / 3_600_000) * 3_600_000), user_id: prober.userId, role: 'owner', method: 'GET', route: '/api/clients/{clientId}', status: 404, count: 3, first_at: hourAgo, last_at: hourAgo, last_ip: null }).execute();

    const rows = await t.db.selectFrom('access_refusals').select(['organization_id', 'user_id', 'method', 'route', 'status', 'count']).where('first_at', '>', hourAgo).orderBy('first_at').execute();
    expect(rows).toEqual([
      { organization_id: otherOrg.id, user_id: prober.userId, method: 'GET', route: '/api/clients/{clientId}', status: 404, count: 5 },
      { organization_id: otherOrg.id, user_id: prober.userId, method: 'GET', route: '/api/bookings/{bookingId}', status: 404, count: 1 },
      { organization_id: org.id, user_id: client.userId, method: 'GET', route: '/api/clients/{clientId}/bookings', status: 404, count: 2 },
      { organization_id: org.id, user_id: client.userId, method: 'GET', route: '/api/staff', status: 403, count: 2 },
    ]);
    const trail = await t.db.selectFrom('audit_events').select(['organization_id', 'entity_id']).where('action', '=', 'access.refused').orderBy('position').execute();
    // a person's first refusal of the hour only
    expect(trail).toEqual([
      { organization_id: otherOrg.id, entity_id: 'GET /api/clients/{clientId}' },
      { organization_id: org.id, entity_id: 'GET /api/clients/{clientId}/bookings' },
    ]);

    // each owner sees the refusals of their own clinic's people, summed over the hours, latest first
    const list = await t.request('/api/audit/refusals', { cookie: prober.cookie });
    expect(list.status).toBe(200);
    const { items } = (await list.json()) as { items: { name: string; route: string; status: number; count: number; firstAt: string; lastAt: string }[] };
    expect(items.map((i) => [i.name, i.route, i.status, i.count])).toEqual([
      [prober.name, '/api/bookings/{bookingId}', 404, 1],
      [prober.name, '/api/clients/{clientId}', 404, 8],
    ]);
    expect(items[1]!.firstAt).toBe(hourAgo.toISOString());
    const own = (await (await t.request('/api/audit/refusals', { cookie: clinic.owner.cookie })).json()) as { items: { route: string; count: number }[] };
    expect(own.items.map((i) => [i.route, i.count])).toEqual([
      ['/api/staff', 2],
      ['/api/clients/{clientId}/bookings', 2],
    ]);
    expect(await audited('access_refusal.list')).toMatchObject([{ actor_user_id: clinic.owner.userId, details: { count: 2 } }]);
  });
});
