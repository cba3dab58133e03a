// Everything a booking needs to check one slot, read in one statement (one round trip): the client,
// a booking already made with the same idempotency key, the location with its hours, the service,
// the requested provider (or every provider at the location), the rooms and devices there, and what
// holds them near the start: bookings, time off, maintenance, closures and changed hours. Each part
// is a small indexed lookup; PostgreSQL and PGlite both answer it as one JSON row.
import { sql } from 'kysely';
import type { Db } from '../connect.js';
type Json = unknown;
import type { ServiceRow } from './scheduling.repository.js';

export interface BusyFact {
  resource_kind: string;
  resource_id: string;
  booking_id: string;
  start: number;
  end: number;
}

export interface SlotFacts {
  client: { id: string; first_name: string; last_name: string; email: string | null; phone: string | null } | null;
  existing_id: string | null;
  location: { id: string; name: string; time_zone: string; state: string } | null;
  schedule: { weekly: Json; grid_min: number; min_notice_min: number; horizon_days: number; hold_min: number } | null;
  service: ServiceRow | null;
  /** whether the deposit and package step has anything to do for this client and service */
  deposit_rule: boolean;
  /** the client holds a package or an active membership (a credit to draw, a member price for the deposit) */
  client_packages: boolean;
  providers: { user_id: string; weekly: Json; name: string; role: string; title: string; licence_type: string | null; licence_state: string | null; licence_expires_on: string | null }[];
  credentials: { user_id: string; credential: string; expires_on: string | null }[];
  scope_rules: { state: string; licence_type: string; modality: string; max_depth_mm: string | number | null; outcome: string }[];
  closures: { date: string }[];
  overrides: { user_id: string; date: string; ranges: Json }[];
  time_off: { user_id: string; start: number; end: number }[];
  rooms: { id: string; name: string }[];
  devices: { id: string; modality: string | null; model: string; serial: string }[];
  maintenance: { device_id: string; start: number; end: number }[];
  busy: BusyFact[];
}

const ms = (col: string) => sql.raw(`(extract(epoch from ${col}) * 1000)::float8`);

/**
 * The facts for a slot check: closures and changed hours on local dates [dateFrom, dateTo] (the
 * start's local date is among them), times held in [from, to); `providerId` narrows the providers.
 */
export async function loadSlotFacts(
  db: Db,
  organizationId: string,
  a: { locationId: string; serviceId: string; clientId: string; providerId: string | null; idempotencyKey: string | null; dateFrom: string; dateTo: string; from: Date; to: Date; now: Date },
): Promise<SlotFacts> {
  const org = organizationId;
  const span = sql`tstzrange(${a.from.toISOString()}::timestamptz, ${a.to.toISOString()}::timestamptz, '[)')`;
  const r = await sql<SlotFacts>`
    with prov as (
      select ps.user_id, ps.weekly, u.name, m.role, m.title, m.licence_type, m.licence_state, m.licence_expires_on
        from provider_schedules ps
        join memberships m on m.organization_id = ps.organization_id and m.user_id = ps.user_id
        join users u on u.id = ps.user_id
       where ps.organization_id = ${org} and ps.location_id = ${a.locationId} and m.active
         and (${a.providerId}::text is null or ps.user_id = ${a.providerId})
    ), rm as (
      select id, name from rooms where organization_id = ${org} and location_id = ${a.locationId} and active
    ), dev as (
      select id, modality, model, serial from devices where organization_id = ${org} and location_id = ${a.locationId} and active
    )
    select
      (select json_build_object('id', c.id, 'first_name', c.first_name, 'last_name', c.last_name, 'email', c.email, 'phone', c.phone)
         from clients c where c.organization_id = ${org} and c.id = ${a.clientId}) as client,
      (select b.id from bookings b where b.organization_id = ${org} and b.idempotency_key = ${a.idempotencyKey}) as existing_id,
      (select json_build_object('id', l.id, 'name', l.name, 'time_zone', l.time_zone, 'state', l.state)
         from locations l where l.organization_id = ${org} and l.id = ${a.locationId}) as location,
      (select json_build_object('weekly', s.weekly, 'grid_min', s.grid_min, 'min_notice_min', s.min_notice_min, 'horizon_days', s.horizon_days, 'hold_min', s.hold_min)
         from location_schedules s where s.organization_id = ${org} and s.location_id = ${a.locationId}) as schedule,
      (select row_to_json(v) from services v where v.organization_id = ${org} and v.id = ${a.serviceId}) as service,
      exists (select 1 from service_deposits d where d.organization_id = ${org} and d.service_id = ${a.serviceId}) as deposit_rule,
      exists (select 1 from package_purchases p where p.organization_id = ${org} and p.client_id = ${a.clientId})
        or exists (select 1 from client_memberships m where m.organization_id = ${org} and m.client_id = ${a.clientId} and m.status = 'active') as client_packages,
      (select coalesce(json_agg(prov order by prov.name, prov.user_id), '[]') from prov) as providers,
      (select coalesce(json_agg(json_build_object('user_id', pc.user_id, 'credential', pc.credential, 'expires_on', pc.expires_on)), '[]')
         from provider_credentials pc where pc.organization_id = ${org} and pc.user_id in (select user_id from prov)) as credentials,
      (select coalesce(json_agg(json_build_object('state', sr.state, 'licence_type', sr.licence_type, 'modality', sr.modality, 'max_depth_mm', sr.max_depth_mm, 'outcome', sr.outcome)
         order by sr.state, sr.licence_type, sr.modality), '[]') from scope_rules sr where sr.organization_id = ${org}) as scope_rules,
      (select coalesce(json_agg(json_build_object('date', lc.date)), '[]')
         from location_closures lc where lc.organization_id = ${org} and lc.location_id = ${a.locationId}
          and lc.date between ${a.dateFrom}::date and ${a.dateTo}::date) as closures,
      (select coalesce(json_agg(json_build_object('user_id', po.user_id, 'date', po.date, 'ranges', po.ranges)), '[]')
         from provider_overrides po where po.organization_id = ${org} and po.location_id = ${a.locationId}
          and po.date between ${a.dateFrom}::date and ${a.dateTo}::date
          and po.user_id in (select user_id from prov)) as overrides,
      (select coalesce(json_agg(json_build_object('user_id', t.user_id, 'start', ${ms('lower(t.during)')}, 'end', ${ms('upper(t.during)')})), '[]')
         from provider_time_off t where t.organization_id = ${org} and t.during && ${span} and t.user_id in (select user_id from prov)) as time_off,
      (select coalesce(json_agg(rm order by rm.name, rm.id), '[]') from rm) as rooms,
      (select coalesce(json_agg(dev order by dev.model, dev.id), '[]') from dev) as devices,
      (select coalesce(json_agg(json_build_object('device_id', dm.device_id, 'start', ${ms('lower(dm.during)')}, 'end', ${ms('upper(dm.during)')})), '[]')
         from device_maintenance dm where dm.organization_id = ${org} and dm.during && ${span} and dm.device_id in (select id from dev)) as maintenance,
      (select coalesce(json_agg(json_build_object('resource_kind', br.resource_kind, 'resource_id', br.resource_id, 'booking_id', br.booking_id,
                'start', ${ms('lower(br.during)')}, 'end', ${ms('upper(br.during)')})), '[]')
         from booking_resources br
        where br.organization_id = ${org} and br.active and br.during && ${span}
          and br.resource_id in (select user_id from prov union all select id::text from rm union all select id::text from dev)
          -- expired holds no longer count (as in listBusy)
          and br.booking_id not in (select h.id from bookings h where h.organization_id = ${org} and h.status = 'held' and h.hold_expires_at <= ${a.now.toISOString()}::timestamptz)) as busy
  `.execute(db);
  return r.rows[0]!;
}
