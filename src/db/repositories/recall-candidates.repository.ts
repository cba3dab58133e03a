// Who is due a recall (services/recall/run-recalls.ts, docs/recall.md). Each query answers clients
// with what the message needs: the subject it is about (a stable reference, so a client is recalled
// once per subject), the service and location the booking link opens on, contact details and consent.
// Reminders look back a bounded time, so switching a flow on does not write to every client of years.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../connect.js';

export interface RecallCandidate {
  client_id: string;
  subject_ref: string;
  service_id: string | null;
  service_name: string | null;
  location_id: string | null;
  /** the first date to offer in the picker (the next session's window), if any */
  from_date: string | null;
  first_name: string;
  email: string | null;
  phone: string | null;
  marketing: boolean;
  care_recalls: boolean;
}

const NOT_BOOKED = sql`('cancelled', 'late_cancelled', 'no_show')`;
const DAY_MS = 86_400_000;

/** Adds the client's name, contact details and consent to candidate rows (c: client_id, subject_ref, ...). */
async function withClients(db: Db, organizationId: string, candidates: RawBuilder<unknown>): Promise<RecallCandidate[]> {
  const r = await sql<RecallCandidate>`
    select c.client_id, c.subject_ref, c.service_id, c.service_name, c.location_id, c.from_date,
      cl.first_name, cl.email, cl.phone, coalesce(mp.marketing, false) as marketing, coalesce(mp.care_recalls, true) as care_recalls
    from (${candidates}) c
    join clients cl on cl.organization_id = ${organizationId} and cl.id = c.client_id
    left join message_preferences mp on mp.organization_id = ${organizationId} and mp.client_id = c.client_id
    order by c.client_id, c.subject_ref`.execute(db);
  return r.rows;
}

/**
 * A course (a plan, else a series) with sessions left, whose last completed session was long enough
 * ago that the next one's window (the plan's minimum interval, never under the floor) opened
 * `delayDays` ago or more (at most 90 days ago), and nothing of that service is booked ahead.
 */
export function seriesNextCandidates(db: Db, organizationId: string, a: { now: Date; delayDays: number; floorDays: number }) {
  return withClients(db, organizationId, sql`
    with course as (
      select b.client_id,
        case when b.plan_id is not null then 'plan:' || b.plan_id::text else 'series:' || b.series_id::text end as course,
        (array_agg(b.plan_id))[1] as plan_id,
        count(*) filter (where b.status not in ${NOT_BOOKED} or b.series_id is not null) as planned,
        count(*) filter (where b.status = 'completed') as done,
        max(b.starts_at) filter (where b.status = 'completed') as last_done,
        (array_agg(b.service_id order by b.starts_at desc) filter (where b.status = 'completed'))[1] as service_id,
        (array_agg(b.location_id order by b.starts_at desc) filter (where b.status = 'completed'))[1] as location_id
      from bookings b
      where b.organization_id = ${organizationId} and (b.plan_id is not null or b.series_id is not null)
      group by 1, 2
    ), due as (
      select c.*, s.name as service_name, l.time_zone,
        coalesce((p.plan->>'sessions')::int, c.planned::int) as sessions,
        (c.last_done at time zone l.time_zone)::date + greatest(${a.floorDays}::int, coalesce((p.plan->'intervalDays'->>'min')::int, 0)) as opens_on
      from course c
      join services s on s.organization_id = ${organizationId} and s.id = c.service_id
      join locations l on l.organization_id = ${organizationId} and l.id = c.location_id
      left join treatment_plans p on p.organization_id = ${organizationId} and p.id = c.plan_id
      where c.done >= 1
    )
    select d.client_id, d.course || ':' || (d.done + 1)::text as subject_ref, d.service_id, d.service_name, d.location_id,
      greatest(d.opens_on, (${a.now.toISOString()}::timestamptz at time zone d.time_zone)::date)::text as from_date
    from due d
    where d.done < d.sessions
      and d.opens_on + ${a.delayDays}::int <= (${a.now.toISOString()}::timestamptz at time zone d.time_zone)::date
      and d.opens_on + ${a.delayDays}::int + 90 > (${a.now.toISOString()}::timestamptz at time zone d.time_zone)::date
      and not exists (
        select 1 from bookings f where f.organization_id = ${organizationId} and f.client_id = d.client_id and f.service_id = d.service_id
          and f.status in ('held', 'confirmed', 'checked_in') and f.starts_at > ${a.now.toISOString()}::timestamptz)`);
}

/** A consultation completed `delayDays` ago (up to 30 days before that) with no treatment booked since. */
export function consultNoTreatmentCandidates(db: Db, organizationId: string, a: { now: Date; delayDays: number }) {
  const until = new Date(a.now.getTime() - a.delayDays * DAY_MS).toISOString();
  const since = new Date(a.now.getTime() - (a.delayDays + 30) * DAY_MS).toISOString();
  return withClients(db, organizationId, sql`
    select b.client_id, 'consult:' || b.id::text as subject_ref, ps.id as service_id, ps.name as service_name, b.location_id, null::text as from_date
    from bookings b
    join services s on s.organization_id = b.organization_id and s.id = b.service_id and s.kind = 'consultation'
    -- the treatment the client's latest plan was quoted for, if any: the link opens on it
    left join lateral (
      select sv.id, sv.name from treatment_plans p
      join services sv on sv.organization_id = p.organization_id and sv.code = p.quote->>'serviceCode' and sv.active
      where p.organization_id = b.organization_id and p.client_id = b.client_id and p.status <> 'superseded'
      order by p.created_at desc limit 1
    ) ps on true
    where b.organization_id = ${organizationId} and b.status = 'completed'
      and b.starts_at <= ${until}::timestamptz and b.starts_at > ${since}::timestamptz
      and not exists (
        select 1 from bookings t join services ts on ts.organization_id = t.organization_id and ts.id = t.service_id and ts.kind = 'treatment'
        where t.organization_id = b.organization_id and t.client_id = b.client_id and t.status not in ${NOT_BOOKED}
          and (t.starts_at > b.starts_at or t.created_at > b.starts_at))`);
}

/** Clients whose last completed visit was `delayDays` or more ago and who have nothing booked since. */
export function lapsedCandidates(db: Db, organizationId: string, a: { now: Date; delayDays: number }) {
  const until = new Date(a.now.getTime() - a.delayDays * DAY_MS).toISOString();
  return withClients(db, organizationId, sql`
    select v.client_id, 'lapsed:' || v.id::text as subject_ref, v.service_id, s.name as service_name, v.location_id, null::text as from_date
    from (
      select distinct on (b.client_id) b.id, b.client_id, b.service_id, b.location_id, b.starts_at
      from bookings b where b.organization_id = ${organizationId} and b.status = 'completed'
      order by b.client_id, b.starts_at desc
    ) v
    join services s on s.organization_id = ${organizationId} and s.id = v.service_id
    where v.starts_at <= ${until}::timestamptz
      and not exists (
        select 1 from bookings n where n.organization_id = ${organizationId} and n.client_id = v.client_id
          and n.status not in ${NOT_BOOKED} and n.starts_at > v.starts_at)`);
}

/**
 * An unused membership credit that expires within `delayDays` (and has not expired), of a membership
 * that is not cancelled: the link opens the picker on the credit's service at the membership's location.
 */
export function creditsExpiringCandidates(db: Db, organizationId: string, a: { now: Date; delayDays: number }) {
  return withClients(db, organizationId, sql`
    select c.client_id, 'credit:' || c.id::text as subject_ref, s.id as service_id, s.name as service_name, m.location_id, null::text as from_date
    from membership_credits c
    join client_memberships m on m.organization_id = c.organization_id and m.id = c.membership_id and m.status <> 'cancelled'
    join locations l on l.organization_id = m.organization_id and l.id = m.location_id
    left join services s on s.organization_id = c.organization_id and s.code = c.service_code and s.active
    where c.organization_id = ${organizationId} and c.used_booking_id is null
      and c.expires_on >= (${a.now.toISOString()}::timestamptz at time zone l.time_zone)::date
      and c.expires_on - ${a.delayDays}::int <= (${a.now.toISOString()}::timestamptz at time zone l.time_zone)::date`);
}
