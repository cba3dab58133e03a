// Seeds the demo clinic's history and coming weeks straight into the tables (the services check
// in and sign only on a visit's own day, so history cannot go through them): bookings with their
// resources, signed charts with their lots, aftercare journeys and answered check-ins, invoices and
// payments, packages, reviews, outcomes and one adverse event. Rows are built in memory and written
// in a few multi-row inserts, so seeding stays fast on the embedded database.
import type { Db } from '../../db/connect.js';
import { instantOf, localDateOf } from '../../domain/scheduling/local-time.js';
import { buildAftercarePlan } from '../../domain/treatment/aftercare-plan.js';
import { DEMO_CLIENTS, DEMO_LOCATIONS, DEMO_STAFF } from './demo-data.js';
import { HISTORY_CLIENTS, HISTORY_DAYS, idMaker, planVisits, rng, type DemoLocation, type PlannedVisit } from './demo-history-plan.js';
import { lotFor, seedDemoLots } from './demo-history-lots.js';
import { historyMoney } from './demo-history-money.js';

const MIN = 60_000;
const DAY = 86_400_000;

type Row = Record<string, unknown>;
export type Rows = Record<string, Row[]>;

/** Inserts rows table by table, a few hundred per statement. */
async function writeAll(trx: Db, rows: Rows) {
  for (const [table, list] of Object.entries(rows)) {
    for (let i = 0; i < list.length; i += 300) {
      // the tables and columns are this file's own; the builders above type each row
      await trx.insertInto(table as 'bookings').values(list.slice(i, i + 300) as never).execute();
    }
  }
}

const range = (a: number, b: number) => `[${new Date(a).toISOString()},${new Date(b).toISOString()})`;

function chartData(v: PlannedVisit, modality: 'pen' | 'rf' | 'roller', deviceId: string, lotId: string, startHm: string, numbingMin: number) {
  const [h, m] = startHm.split(':').map(Number) as [number, number];
  const off = `${String(h + Math.floor((m + numbingMin) / 60)).padStart(2, '0')}:${String((m + numbingMin) % 60).padStart(2, '0')}`;
  const areas =
    modality === 'roller'
      ? [{ area: 'cheeks', depthMm: 0.5, passes: 4 }, { area: 'forehead', depthMm: 0.25, passes: 3 }]
      : modality === 'rf'
        ? [{ area: 'cheeks', depthMm: 1.5, passes: 2, rfPreset: 'Morpheus8 24-pin, 1.5 mm, energy 20' }, { area: 'chin_jawline', depthMm: 1.5, passes: 2, rfPreset: 'Morpheus8 24-pin, 1.5 mm, energy 18' }]
        : v.serviceCode === 'pen_acne_scars'
          ? [{ area: 'cheeks', depthMm: 1, passes: 3 }, { area: 'perioral', depthMm: 0.5, passes: 2 }]
          : [{ area: 'forehead', depthMm: 0.5, passes: 2 }, { area: 'cheeks', depthMm: 1, passes: 3 }, { area: 'chin_jawline', depthMm: 0.75, passes: 2 }, ...(v.serviceCode === 'pen_face_neck' ? [{ area: 'neck', depthMm: 0.5, passes: 2 }] : [])];
  return {
    checklist: { skinCleansed: true, beforePhotosBeforeNumbing: true, numbingApplied: numbingMin > 0 },
    deviceId, lotIds: [lotId],
    numbing: numbingMin > 0 ? { product: 'Lidocaine 4% cream', amount: '2 g', area: 'Treated areas', onAt: startHm, offAt: off } : null,
    areas,
    products: [{ name: 'Hyaluronic acid serum, sterile', approvedForDevice: true }],
    endPoint: modality === 'roller' ? 'Even mild redness' : 'Uniform erythema with pinpoint bleeding',
    notes: '',
  };
}

export interface HistoryInput {
  organizationId: string;
  now: Date;
  locationIds: Map<string, string>;
  userIds: Map<string, string>;
  /** the demo's clients by email */
  clientIds: Map<string, string>;
}

export async function seedDemoHistory(trx: Db, input: HistoryInput) {
  const org = input.organizationId;
  const now = input.now.getTime();
  const zone = (l: DemoLocation) => DEMO_LOCATIONS.find((x) => x.key === l)!.time_zone;
  const today = localDateOf(now, zone('austin'));
  const newId = idMaker(4242);
  const r = rng(1201);
  const user = (email: string) => input.userIds.get(email)!;
  const desk = user('frontdesk@glow.example.com');
  const director = user('director@glow.example.com');

  // the clients seen over the months
  const clientRows = HISTORY_CLIENTS.map((c) => ({
    organization_id: org, id: newId(), user_id: null, first_name: c.first, last_name: c.last, email: `${c.first}.${c.last}@example.com`.toLowerCase(), phone: c.phone,
    date_of_birth: c.dob, preferred_location_id: input.locationIds.get(c.location)!, created_at: new Date(now - (HISTORY_DAYS + 20) * DAY),
  }));
  const clients = new Map<string, { id: string; first: string; last: string; userId: string | null }>();
  for (const c of DEMO_CLIENTS) {
    if (c.email === 'emma.schulz@example.com') continue;
    clients.set(c.email, { id: input.clientIds.get(c.email)!, first: c.first, last: c.last, userId: c.account ? input.userIds.get(c.email) ?? null : null });
  }
  clientRows.forEach((c) => clients.set(c.email, { id: c.id, first: c.first_name, last: c.last_name, userId: null }));
  const pools: Record<DemoLocation, string[]> = { austin: [], sandiego: [] };
  for (const c of DEMO_CLIENTS) if (clients.has(c.email)) pools[c.location].push(c.email);
  HISTORY_CLIENTS.forEach((c, i) => pools[c.location].push(clientRows[i]!.email));

  const lots = await seedDemoLots(trx, org, today, new Date(now - HISTORY_DAYS * DAY), input.locationIds, newId);
  const services = await trx.selectFrom('services').selectAll().where('organization_id', '=', org).execute();
  const rooms = await trx.selectFrom('rooms').select(['id', 'name']).where('organization_id', '=', org).execute();
  const packages = await trx.selectFrom('packages').select(['id', 'name', 'location_id']).where('organization_id', '=', org).execute();
  const devices = await trx.selectFrom('devices').select(['id', 'location_id', 'modality']).where('organization_id', '=', org).execute();

  const rows: Rows = { clients: clientRows, bookings: [], booking_resources: [], charts: [], chart_lots: [], aftercare_journeys: [], aftercare_check_ins: [] };
  const completed: { v: PlannedVisit; bookingId: string; clientId: string; providerId: string; locationId: string; end: number; chartId: string | null; lotId: string | null; deviceId: string | null }[] = [];

  for (const v of planVisits(today, pools)) {
    const s = services.find((x) => x.code === v.serviceCode)!;
    const locationId = input.locationIds.get(v.location)!;
    const start = instantOf(v.date, v.time, zone(v.location));
    const end = start + (s.numbing_min + s.treatment_min) * MIN;
    const providerId = user(v.providerEmail);
    const client = clients.get(v.client)!;
    const roomId = rooms.find((x) => x.name === v.room)!.id;
    const device = s.needs_device ? devices.find((d) => d.location_id === locationId && d.modality === s.modality) ?? null : null;
    const bookingId = newId();
    const cancelled = v.status === 'cancelled' || v.status === 'late_cancelled';
    rows.bookings!.push({
      organization_id: org, id: bookingId, location_id: locationId, client_id: client.id, service_id: s.id, status: v.status, starts_at: new Date(start), ends_at: new Date(end),
      provider_user_id: providerId, room_id: roomId, device_id: device?.id ?? null, created_by: desk, created_at: new Date(Math.min(now, start) - 12 * DAY),
      cancel_reason: cancelled ? r.pick(['Client unwell', 'Work conflict', 'Travel']) : null,
    });
    const res = (kind: string, id: string, after: number) => rows.booking_resources!.push({ organization_id: org, booking_id: bookingId, resource_kind: kind, resource_id: id, during: range(start, end + after * MIN), active: !cancelled });
    res('provider', providerId, s.provider_after_min);
    res('room', roomId, s.room_after_min);
    if (device) res('device', device.id, s.device_after_min);
    if (v.status !== 'completed') continue;

    let chartId: string | null = null;
    let lotId: string | null = null;
    if (s.kind === 'treatment' && s.modality) {
      chartId = newId();
      lotId = lots.get(lotFor(v.location, s.modality, v.offset))!;
      const name = DEMO_STAFF.find((x) => x.email === v.providerEmail)!.name;
      // a registered nurse's charts are co-signed by the medical director (all of them, so the
      // review queue starts empty and shows only what happens in the demo)
      const cosign = v.providerEmail === 'nurse@glow.example.com';
      const waiting = false;
      rows.charts!.push({
        organization_id: org, id: chartId, booking_id: bookingId, client_id: client.id, version: 1, supersedes: null, status: 'signed',
        data: JSON.stringify(chartData(v, s.modality, device?.id ?? devices.find((d) => d.location_id === locationId && d.modality === s.modality)?.id ?? devices[0]!.id, lotId, v.time, s.numbing_min)),
        provider_user_id: providerId, signed_name: name, signed_at: new Date(end + 10 * MIN), signature_hash: newId().replace(/-/g, '').padEnd(64, '0'), amendment_reason: null,
        needs_cosign: cosign, cosigned_by: cosign && !waiting ? director : null, cosigned_at: cosign && !waiting ? new Date(end + DAY) : null, created_at: new Date(start),
      });
      rows.chart_lots!.push({ organization_id: org, chart_id: chartId, lot_id: lotId, client_id: client.id });
      const journeyId = newId();
      rows.aftercare_journeys!.push({ organization_id: org, id: journeyId, booking_id: bookingId, client_id: client.id, chart_id: chartId, modality: s.modality, treated_at: new Date(end), time_zone: zone(v.location), created_at: new Date(end) });
      for (const c of buildAftercarePlan(end, zone(v.location)).checkIns) {
        const answeredAt = c.dueAt + 3 * 3_600_000;
        const answered = answeredAt < now && r.next() < 0.85;
        rows.aftercare_check_ins!.push({
          organization_id: org, id: newId(), journey_id: journeyId, day: c.day, due_at: new Date(c.dueAt), answered_at: answered ? new Date(answeredAt) : null,
          answers: answered ? JSON.stringify({ symptoms: [], note: null, findings: [] }) : null, level: answered ? 'expected' : null,
        });
      }
    }
    completed.push({ v, bookingId, clientId: client.id, providerId, locationId, end, chartId, lotId, deviceId: device?.id ?? null });
  }

  const money = historyMoney({ org, now, today, newId, r, desk, director, clients, completed, services, packages });
  await writeAll(trx, { ...rows, ...money });
  return { bookings: rows.bookings!.length, invoices: money.invoices!.length };
}

