// Utilisation, rebooking and outcomes reports, called as services with an owner's context over
// bookings, outcomes and adverse events written straight into the database, so every figure is known.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import type { Ctx } from '../../src/services/context.js';
import type { BookingStatus } from '../../src/db/schema-scheduling.js';
import { REPORT_NAMES, reportQuery, type Report } from '../../src/services/reports/report.js';
import { openMinutes, utilisationReport } from '../../src/services/reports/utilisation.js';
import { rebookingReport } from '../../src/services/reports/rebooking.js';
import { outcomesReport } from '../../src/services/reports/outcomes.js';

let t: TestApp;
let org: Org;
let clinic: Clinic;
let ctx: Ctx;
let rollerId: string;
let rfId: string;

const NINE_HOURS = { start: '08:00', end: '17:00' };
const table = (r: Report, name: string) => r.tables.find((x) => x.name === name)!.rows;
const q = (from: string, to: string) => reportQuery.parse({ from, to });

/** A booking starting at a local wall-clock time (offset given: CST -06:00 before 14 March, CDT -05:00 after). */
async function book(clientId: string, serviceId: string, status: BookingStatus, local: string, minutes = 60, resources: ('provider' | 'room')[] = []) {
  const starts = new Date(local);
  const ends = new Date(starts.getTime() + minutes * 60_000);
  const b = await t.db
    .insertInto('bookings')
    .values({ organization_id: org.id, location_id: org.locationId, client_id: clientId, service_id: serviceId, status, starts_at: starts, ends_at: ends, provider_user_id: clinic.provider.userId, created_by: clinic.owner.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const kind of resources) {
    const resourceId = kind === 'provider' ? clinic.provider.userId : clinic.roomId;
    // a cancelled booking's resources are released, as the scheduling service does
    await t.db.insertInto('booking_resources').values({ organization_id: org.id, booking_id: b.id, resource_kind: kind, resource_id: resourceId, during: `[${starts.toISOString()},${ends.toISOString()})`, active: status !== 'cancelled' }).execute();
  }
  return b.id;
}
const client = async () => (await t.factory.client(org)).id;

beforeAll(async () => {
  t = await createTestApp();
  org = await t.factory.org();
  clinic = await setUpClinic(t, org);
  // open 9 hours on weekdays
  const weekly = Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [NINE_HOURS]]));
  await t.db.updateTable('location_schedules').set({ weekly: JSON.stringify(weekly) }).where('organization_id', '=', org.id).execute();
  const extra = await t.db
    .insertInto('services')
    .values([
      { organization_id: org.id, code: 'roller_face', name: 'Roller', kind: 'treatment', modality: 'roller', treatment_min: 30 },
      { organization_id: org.id, code: 'rf_face', name: 'RF', kind: 'treatment', modality: 'rf', treatment_min: 45 },
    ])
    .returning(['id', 'modality'])
    .execute();
  rollerId = extra.find((s) => s.modality === 'roller')!.id;
  rfId = extra.find((s) => s.modality === 'rf')!.id;
  const owner = clinic.owner;
  ctx = {
    db: t.db,
    principal: { userId: owner.userId, organizationId: org.id, role: 'owner', clientId: null, name: owner.name, email: owner.email, twoFactorEnabled: false, emailVerified: true, twoFactorSetupRequired: false, twoFactorMandatory: false },
    meta: { requestId: null, ip: null },
    now: () => new Date('2027-07-15T12:00:00Z'),
  };
}, 60_000);
afterAll(async () => t?.close());

describe('utilisation', () => {
  it('counts two 60-minute bookings of a provider over a day open 9 hours, not a cancelled one', async () => {
    const c = await client();
    // Tuesday 2 March 2027
    await book(c, clinic.consultationId, 'completed', '2027-03-02T09:00:00-06:00', 60, ['provider', 'room']);
    await book(c, clinic.consultationId, 'confirmed', '2027-03-02T11:00:00-06:00', 60, ['provider']);
    await book(c, clinic.consultationId, 'cancelled', '2027-03-02T13:00:00-06:00', 60, ['provider', 'room']);
    await book(c, clinic.consultationId, 'confirmed', '2027-03-03T09:00:00-06:00', 60, ['provider']);

    const r = await utilisationReport(ctx, q('2027-03-02', '2027-03-02'));
    expect(table(r, 'providers')).toEqual([{ name: clinic.provider.name, bookedMinutes: 120, openMinutes: 540, utilisation: 0.2222 }]);
    expect(table(r, 'rooms')).toEqual([{ name: 'Room 1', bookedMinutes: 60, openMinutes: 540, utilisation: 0.1111 }]);
    expect(table(r, 'devices')).toEqual([{ name: `SkinPen SP-${org.slug}`, bookedMinutes: 0, openMinutes: 540, utilisation: 0 }]);
    expect(r.summary).toEqual({ providerUtilisation: 0.2222, roomUtilisation: 0.1111, deviceUtilisation: 0 });

    // a weekend is closed: nothing open, utilisation 0 rather than a division by zero
    const weekend = await utilisationReport(ctx, q('2027-03-06', '2027-03-07'));
    expect(table(weekend, 'providers')[0]).toMatchObject({ openMinutes: 0, utilisation: 0 });
  });

  it('counts open minutes across the US DST changes by the real length of each day', () => {
    const allDay = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]]));
    const tz = 'America/Chicago';
    // Sunday 14 March 2027 springs forward: 24 + 23 + 24 hours
    expect(openMinutes(allDay, [], '2027-03-13', '2027-03-15', tz)).toBe(71 * 60);
    expect(openMinutes(allDay, [], '2027-03-14', '2027-03-14', tz)).toBe(23 * 60);
    expect(openMinutes(allDay, ['2027-03-15'], '2027-03-13', '2027-03-15', tz)).toBe(47 * 60);
    // Sunday 7 November 2027 falls back: a 25-hour day
    expect(openMinutes(allDay, [], '2027-11-07', '2027-11-07', tz)).toBe(25 * 60);
    // 09:00 to 17:00 stays 8 hours on the short day
    expect(openMinutes({ 7: [{ start: '09:00', end: '17:00' }] }, [], '2027-03-14', '2027-03-14', tz)).toBe(8 * 60);
  });
});

describe('rebooking', () => {
  it('counts a next session of the same modality booked 28 to 42 days later', async () => {
    const [a, b, c, d] = [await client(), await client(), await client(), await client()];
    await book(a, clinic.penId, 'completed', '2027-04-05T10:00:00-05:00');
    await book(a, clinic.penId, 'confirmed', '2027-05-10T10:00:00-05:00'); // 35 days: inside
    await book(b, clinic.penId, 'completed', '2027-04-06T10:00:00-05:00');
    await book(b, clinic.penId, 'confirmed', '2027-04-20T10:00:00-05:00'); // 14 days: too soon
    await book(b, clinic.penId, 'cancelled', '2027-05-11T10:00:00-05:00'); // inside, but cancelled
    await book(c, clinic.penId, 'completed', '2027-04-07T10:00:00-05:00');
    await book(c, rollerId, 'confirmed', '2027-05-07T10:00:00-05:00'); // inside, another modality
    await book(d, clinic.penId, 'completed', '2027-04-08T10:00:00-05:00');
    await book(d, clinic.penId, 'confirmed', '2027-05-25T10:00:00-05:00'); // 47 days: too late

    const r = await rebookingReport(ctx, q('2027-04-01', '2027-04-30'));
    expect(r.summary).toEqual({ completed: 4, rebookedInInterval: 1, rate: 0.25 });
    expect(table(r, 'by_modality')).toEqual([{ modality: 'Pen', interval: '28–42 days', rule: 'INT-1', completed: 4, rebooked: 1, rate: 0.25 }]);
    expect(table(r, 'by_provider')).toEqual([{ provider: clinic.provider.name, completed: 4, rebooked: 1, rate: 0.25 }]);
  });
});

describe('outcomes', () => {
  it('summarises GAIS, satisfaction, scar score change and adverse events per protocol', async () => {
    const [e, f] = [await client(), await client()];
    const ePen = await book(e, clinic.penId, 'completed', '2027-06-01T10:00:00-05:00');
    await book(e, clinic.penId, 'completed', '2027-06-29T10:00:00-05:00');
    await book(f, clinic.penId, 'completed', '2027-06-02T10:00:00-05:00');
    await book(f, rfId, 'completed', '2027-06-03T10:00:00-05:00');
    const by = clinic.provider.userId;
    const outcome = (client_id: string, measure: 'gais' | 'satisfaction' | 'goodman_baron_quantitative', timepoint: 'baseline' | 'session' | 'follow_up', value: number, assessed_on: string, booking_id: string | null = null) =>
      ({ organization_id: org.id, client_id, booking_id, measure, timepoint, value, label: null, assessed_on, assessed_by: by });
    await t.db
      .insertInto('outcomes')
      .values([
        outcome(e, 'gais', 'follow_up', 2, '2027-06-20', ePen), // pen, by its booking
        outcome(e, 'gais', 'follow_up', 4, '2027-06-30'), // pen: E's latest completed treatment
        outcome(f, 'gais', 'follow_up', 1, '2027-06-25'), // rf: F's latest completed treatment
        outcome(e, 'gais', 'follow_up', 5, '2027-05-15'), // before the window
        outcome(e, 'gais', 'session', 3, '2027-06-29'), // not a follow-up
        outcome(e, 'satisfaction', 'follow_up', 4, '2027-06-30'),
        outcome(f, 'satisfaction', 'follow_up', 5, '2027-06-25'),
        outcome(e, 'goodman_baron_quantitative', 'baseline', 12, '2027-05-01'),
        outcome(e, 'goodman_baron_quantitative', 'follow_up', 10, '2027-06-15'),
        outcome(e, 'goodman_baron_quantitative', 'follow_up', 8, '2027-06-30'),
      ])
      .execute();
    const event = (client_id: string, grade: number, serious: boolean, onset_on: string, booking_id: string | null = null) =>
      ({ organization_id: org.id, client_id, booking_id, code: 'erythema', expected_response: false, grade, serious, relatedness: 'possible' as const, onset_on, description: 'test event', created_by: by });
    await t.db
      .insertInto('adverse_events')
      .values([event(e, 2, false, '2027-06-02', ePen), event(e, 3, true, '2027-06-30'), event(f, 1, false, '2027-06-04'), event(f, 1, false, '2027-07-02')])
      .execute();

    const r = await outcomesReport(ctx, q('2027-06-01', '2027-06-30'));
    expect(r.summary).toEqual({ sessions: 4, adverseEvents: 3, adverseEventRatePer100: 75, meanSatisfaction: 4.5 });
    expect(table(r, 'by_protocol')).toEqual([
      { modality: 'Pen', clients: 2, sessions: 3, gaisRatings: 2, improved: 0.5, meanSatisfaction: 4, meanGoodmanBaronChange: -4, adverseEvents: 2, adverseEventsPer100: 66.67 },
      { modality: 'RF', clients: 1, sessions: 1, gaisRatings: 1, improved: 1, meanSatisfaction: 5, meanGoodmanBaronChange: null, adverseEvents: 1, adverseEventsPer100: 100 },
    ]);
    expect(table(r, 'gais')).toEqual([
      { modality: 'Pen', very_much_improved: 0, much_improved: 1, improved: 0, no_change: 1, worse: 0 },
      { modality: 'RF', very_much_improved: 1, much_improved: 0, improved: 0, no_change: 0, worse: 0 },
    ]);
    expect(table(r, 'adverse_events_by_grade')).toEqual([
      { modality: 'Pen', grade1: 0, grade2: 1, grade3: 1, grade4: 0, grade5: 0, ungraded: 0, serious: 1, total: 2 },
      { modality: 'RF', grade1: 1, grade2: 0, grade3: 0, grade4: 0, grade5: 0, ungraded: 0, serious: 0, total: 1 },
    ]);
  });

  it('answers through the API inside the route\'s transaction, and the view is audited once', async () => {
    const res = await t.request('/api/reports/outcomes?from=2027-06-01&to=2027-06-30', { cookie: clinic.owner.cookie });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as Report).summary).toEqual({ sessions: 4, adverseEvents: 3, adverseEventRatePer100: 75, meanSatisfaction: 4.5 });
    const audit = await t.db.selectFrom('audit_events').select(['action', 'entity_id']).where('organization_id', '=', org.id).where('entity_type', '=', 'report').execute();
    expect(audit).toEqual([{ action: 'report.view', entity_id: 'outcomes' }]);
  });

  it('every report answers through the API (none opens a transaction of its own)', async () => {
    for (const name of REPORT_NAMES) {
      const res = await t.request(`/api/reports/${name}?from=2027-06-01&to=2027-06-30`, { cookie: clinic.owner.cookie });
      expect(res.status, `${name}: ${await res.clone().text()}`).toBe(200);
    }
  });

  it('answers an empty report for a window with nothing in it', async () => {
    const r = await outcomesReport(ctx, q('2026-01-01', '2026-01-31'));
    expect(r.summary).toEqual({ sessions: 0, adverseEvents: 0, adverseEventRatePer100: null, meanSatisfaction: null });
    expect(r.tables.every((x) => x.rows.length === 0)).toBe(true);
  });
});
