// Scheduling on a realistic clinic: 5 locations, each with 8 providers, 4 rooms and 2 RF devices,
// 6 months of past and 3 months of future bookings filling about 70% of room time. Measures
// availability (14-day search, any provider), a 6-session series plan, booking over real HTTP at
// concurrency 1, 8 and 32, a 20-request race for one slot, and overlaps counted afterwards.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { connect, type DbHandle } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createAuth } from '../src/adapters/auth/better-auth.js';
import { identityFromAuth } from '../src/adapters/auth/identity.js';
import { range } from '../src/db/repositories/scheduling.repository.js';
import { findAvailability } from '../src/services/scheduling/find-availability.js';
import { planSeriesSlots } from '../src/services/scheduling/book-series.js';
import type { Ctx } from '../src/services/context.js';
import { measureAvailabilityHttp } from './availability-http.bench.js';
import { bookingFigures, pgbenchTps } from './booking.bench.js';

const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Phoenix'];
const STATES = ['NY', 'TX', 'CO', 'CA', 'AZ'];
const WEEKLY = Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '17:00' }]]));
const PASSWORD = 'bench-password-2026';

interface Dataset {
  orgId: string;
  locations: { id: string; tz: string }[];
  consultationId: string;
  rfId: string;
  deskEmail: string;
  deskUserId: string;
  clients: string[];
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(2));
};

/** Builds the clinic and its bookings with bulk inserts (not through the API: that is measured later). */
async function buildDataset(h: DbHandle, identity: ReturnType<typeof identityFromAuth>): Promise<Dataset> {
  const db = h.db;
  const org = await db.insertInto('organizations').values({ slug: `bench-${randomUUID().slice(0, 8)}`, name: 'Bench Clinics' }).returning('id').executeTakeFirstOrThrow();
  const desk = await identity.createUser({ name: 'Bench Desk', email: `desk-${org.id.slice(0, 8)}@bench.example`, password: PASSWORD });
  await db.insertInto('memberships').values({ organization_id: org.id, user_id: desk.userId, role: 'front_desk' }).execute();
  const consultation = await db.insertInto('services').values({ organization_id: org.id, code: 'consultation', name: 'Consultation', kind: 'consultation', treatment_min: 60, needs_room: true }).returning('id').executeTakeFirstOrThrow();
  const rf = await db
    .insertInto('services')
    .values({ organization_id: org.id, code: 'rf_face', name: 'RF microneedling', kind: 'treatment', modality: 'rf', treatment_min: 45, numbing_min: 15, needs_room: true, needs_device: true, device_after_min: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const locations: Dataset['locations'] = [];
  const resources: { loc: string; tz: string; providers: string[]; rooms: string[]; devices: string[] }[] = [];
  for (let l = 0; l < 5; l++) {
    const loc = await db.insertInto('locations').values({ organization_id: org.id, name: `Clinic ${l + 1}`, time_zone: ZONES[l]!, state: STATES[l]! }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('location_schedules').values({ organization_id: org.id, location_id: loc.id, weekly: JSON.stringify(WEEKLY), min_notice_min: 0, horizon_days: 120 }).execute();
    const providers: string[] = [];
    for (let p = 0; p < 8; p++) {
      const id = `bench-${l}-${p}-${org.id.slice(0, 6)}`;
      await db.insertInto('users').values({ id, name: `Provider ${l}.${p}`, email: `${id}@bench.example` }).execute();
      await db.insertInto('memberships').values({ organization_id: org.id, user_id: id, role: 'provider', licence_type: 'md', licence_expires_on: '2035-01-01' }).execute();
      await db.insertInto('provider_schedules').values({ organization_id: org.id, user_id: id, location_id: loc.id, weekly: JSON.stringify(WEEKLY) }).execute();
      providers.push(id);
    }
    for (const m of ['rf', 'pen', 'roller'] as const) {
      await db.insertInto('scope_rules').values({ organization_id: org.id, state: STATES[l]!, licence_type: 'md', modality: m, outcome: 'allowed' }).onConflict((oc) => oc.doNothing()).execute();
    }
    const rooms: string[] = [];
    for (let r = 0; r < 4; r++) rooms.push((await db.insertInto('rooms').values({ organization_id: org.id, location_id: loc.id, name: `Room ${r + 1}` }).returning('id').executeTakeFirstOrThrow()).id);
    const devices: string[] = [];
    for (let d = 0; d < 2; d++) {
      devices.push((await db.insertInto('devices').values({ organization_id: org.id, location_id: loc.id, modality: 'rf', manufacturer: 'InMode', model: 'Morpheus8', serial: `RF-${l}-${d}-${org.id.slice(0, 6)}` }).returning('id').executeTakeFirstOrThrow()).id);
    }
    locations.push({ id: loc.id, tz: ZONES[l]! });
    resources.push({ loc: loc.id, tz: ZONES[l]!, providers, rooms, devices });
  }
  const clients: string[] = [];
  for (let i = 0; i < 400; i += 100) {
    const rows = Array.from({ length: 100 }, (_, j) => ({ organization_id: org.id, first_name: 'Bench', last_name: `Client${i + j}`, email: `c${i + j}@bench.example` }));
    clients.push(...(await db.insertInto('clients').values(rows).returning('id').execute()).map((r) => r.id));
  }
  // each weekday hour, each room is booked with probability 0.7 by a free provider; 1 in 6 is RF
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const today = Temporal.Now.plainDateISO('UTC');
  const bookings: Record<string, unknown>[] = [];
  const res: Record<string, unknown>[] = [];
  const flush = async () => {
    for (let i = 0; i < bookings.length; i += 500) await db.insertInto('bookings').values(bookings.slice(i, i + 500) as never).execute();
    for (let i = 0; i < res.length; i += 1000) await db.insertInto('booking_resources').values(res.slice(i, i + 1000) as never).execute();
    bookings.length = 0;
    res.length = 0;
  };
  for (const r of resources) {
    for (let d = today.subtract({ months: 6 }); Temporal.PlainDate.compare(d, today.add({ months: 3 })) < 0; d = d.add({ days: 1 })) {
      if (d.dayOfWeek > 5) continue;
      const past = Temporal.PlainDate.compare(d, today) < 0;
      for (let hour = 9; hour < 17; hour++) {
        const start = d.toZonedDateTime({ timeZone: r.tz, plainTime: new Temporal.PlainTime(hour) }).epochMilliseconds;
        const free = [...r.providers];
        let rfUsed = 0;
        for (const room of r.rooms) {
          if (rand() > 0.7) continue;
          const provider = free.splice(Math.floor(rand() * free.length), 1)[0]!;
          const isRf = rfUsed < 2 && rand() < 1 / 6;
          const id = randomUUID();
          const s = new Date(start);
          const e = new Date(start + 60 * 60_000);
          bookings.push({
            organization_id: org.id, id, location_id: r.loc, client_id: clients[Math.floor(rand() * clients.length)]!, service_id: isRf ? rf.id : consultation.id,
            status: past ? 'completed' : 'confirmed', starts_at: s, ends_at: e, provider_user_id: provider, room_id: room, device_id: isRf ? r.devices[rfUsed]! : null, created_by: desk.userId,
          });
          res.push({ organization_id: org.id, booking_id: id, resource_kind: 'provider', resource_id: provider, during: range(s, e) });
          res.push({ organization_id: org.id, booking_id: id, resource_kind: 'room', resource_id: room, during: range(s, e) });
          if (isRf) res.push({ organization_id: org.id, booking_id: id, resource_kind: 'device', resource_id: r.devices[rfUsed++]!, during: range(s, e) });
        }
      }
      if (bookings.length > 2000) await flush();
    }
  }
  await flush();
  await sql`analyze`.execute(db);
  return { orgId: org.id, locations, consultationId: consultation.id, rfId: rf.id, deskEmail: `desk-${org.id.slice(0, 8)}@bench.example`, deskUserId: desk.userId, clients };
}

const ctxFor = (h: DbHandle, d: Dataset): Ctx => ({
  db: h.db,
  principal: { userId: d.deskUserId, organizationId: d.orgId, role: 'front_desk', clientId: null, name: 'Bench Desk', email: d.deskEmail, twoFactorEnabled: false, emailVerified: true, twoFactorSetupRequired: false, twoFactorMandatory: false },
  meta: { requestId: null, ip: null },
  now: () => new Date(),
});

async function availabilityFigures(h: DbHandle, d: Dataset) {
  const ctx = ctxFor(h, d);
  const from = Temporal.Now.plainDateISO('UTC').add({ days: 1 });
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = from.add({ days: i % 20 });
    const t = performance.now();
    await findAvailability(ctx, d.locations[i % 5]!.id, { serviceId: i % 4 === 0 ? d.rfId : d.consultationId, from: start.toString(), to: start.add({ days: 13 }).toString() });
    times.push(performance.now() - t);
  }
  return { p50: pct(times, 0.5), p95: pct(times, 0.95) };
}

async function seriesFigure(h: DbHandle, d: Dataset) {
  const ctx = ctxFor(h, d);
  const from = Temporal.Now.plainDateISO('UTC').add({ days: 1 });
  const t = performance.now();
  const r = await planSeriesSlots(ctx, d.locations[0]!.id, { serviceId: d.rfId, sessions: 6, intervalDays: { min: 14, max: 21 }, firstFrom: from.toString(), firstTo: from.add({ days: 6 }).toString() });
  const ms = performance.now() - t;
  return { ms: Number(ms.toFixed(2)), sessions: r.slots.length };
}


async function overlaps(h: DbHandle, orgId: string) {
  const r = await sql<{ n: string }>`
    select count(*) as n from booking_resources a join booking_resources b
      on a.organization_id = b.organization_id and a.resource_kind = b.resource_kind and a.resource_id = b.resource_id
     and a.booking_id < b.booking_id and a.during && b.during
    where a.active and b.active and a.organization_id = ${orgId}`.execute(h.db);
  return Number(r.rows[0]!.n);
}

export async function prepare(h: DbHandle) {
  await migrateToLatest(h.db);
  const auth = createAuth({ db: h.db as never, secret: 'bench-secret-0123456789abcdef0123456789', publicUrl: 'http://localhost', secureCookies: false, sendPasswordReset: () => Promise.resolve() });
  const t = performance.now();
  const d = await buildDataset(h, identityFromAuth(auth));
  const count = await h.db.selectFrom('bookings').select((eb) => eb.fn.countAll<string>().as('n')).where('organization_id', '=', d.orgId).executeTakeFirstOrThrow();
  return { d, buildSeconds: Number(((performance.now() - t) / 1000).toFixed(1)), bookings: Number(count.n) };
}

export async function schedulingBenches(pgUrl: string | null) {
  const out: Record<string, unknown> = {};
  if (pgUrl) {
    const h = await connect({ databaseUrl: pgUrl, poolSize: 40 });
    const { d, buildSeconds, bookings } = await prepare(h);
    const a = await availabilityFigures(h, d);
    const s = await seriesFigure(h, d);
    const web = await measureAvailabilityHttp(h, d);
    const http = await bookingFigures(h, d, 'http://localhost:3000', pgUrl);
    out.postgresql = {
      dataset_bookings: bookings, dataset_build_s: buildSeconds, availability_p50_ms: a.p50, availability_p95_ms: a.p95, series_plan_ms: s.ms, series_sessions_found: s.sessions,
      ...web, booking_server: http.server, ...http.levels, race_successes: http.raceSuccesses, overlaps: await overlaps(h, d.orgId),
    };
    await h.close();
    // the database's own rate on the same server, as the ceiling bookings are compared with
    (out.postgresql as Record<string, unknown>).pgbench_tps_c32 = await pgbenchTps(pgUrl);
  }
  const lite = await connect({});
  const { d, buildSeconds, bookings } = await prepare(lite);
  const a = await availabilityFigures(lite, d);
  const s = await seriesFigure(lite, d);
  const web = await measureAvailabilityHttp(lite, d);
  out.pglite = { dataset_bookings: bookings, dataset_build_s: buildSeconds, availability_p50_ms: a.p50, availability_p95_ms: a.p95, series_plan_ms: s.ms, ...web, overlaps: await overlaps(lite, d.orgId) };
  await lite.close();
  return out;
}
