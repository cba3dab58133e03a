// FROZEN once shipped. The audit trail without a per-organization lock (issue 14, item 1; decision
// 0015, superseding the head-row lock of 0005): an event is appended in the transaction that does
// the work with only its `position` (a global sequence, the order of appending); the worker's sealer
// later gives it its chain number (seq), the previous hash and its own hash. The append-only trigger
// lets that one change through, once, and nothing else.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence audit_events_position_seq`.execute(db);
  await sql`alter table audit_events add column position bigint`.execute(db);
  await sql`alter table audit_events disable trigger audit_events_no_change`.execute(db);
  // events already chained keep their chain order as their position
  await sql`
    update audit_events e set position = n.rn
    from (select organization_id, seq, row_number() over (order by organization_id, seq) as rn from audit_events) n
    where n.organization_id = e.organization_id and n.seq = e.seq`.execute(db);
  await sql`alter table audit_events enable trigger audit_events_no_change`.execute(db);
  await sql`select setval('audit_events_position_seq', coalesce((select max(position) from audit_events), 0) + 1, false)`.execute(db);
  await sql`alter table audit_events alter column position set default nextval('audit_events_position_seq')`.execute(db);
  await sql`alter table audit_events alter column position set not null`.execute(db);
  await sql`alter table audit_events drop constraint audit_events_pkey`.execute(db);
  await sql`alter table audit_events add primary key (organization_id, position)`.execute(db);
  await sql`alter table audit_events add constraint audit_events_seq_key unique (organization_id, seq)`.execute(db);
  await sql`alter table audit_events alter column seq drop not null`.execute(db);
  await sql`alter table audit_events alter column prev_hash drop not null`.execute(db);
  await sql`alter table audit_events alter column hash drop not null`.execute(db);
  await sql`alter table audit_events add column sealed_at timestamptz`.execute(db);
  // the sealer finds the unsealed events of an organization by this index
  await sql`create index audit_events_unsealed_idx on audit_events(organization_id, position) where hash is null`.execute(db);
  await sql`
    create or replace function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and old.hash is null and new.hash is not null and new.seq is not null
        and new.organization_id = old.organization_id and new.position = old.position
        and new.occurred_at = old.occurred_at and new.action = old.action and new.entity_type = old.entity_type
        and new.actor_user_id is not distinct from old.actor_user_id and new.actor_role is not distinct from old.actor_role
        and new.entity_id is not distinct from old.entity_id and new.client_id is not distinct from old.client_id
        and new.ip is not distinct from old.ip and new.request_id is not distinct from old.request_id
        and new.details = old.details then
        return new;
      end if;
      raise exception 'audit_events is append-only';
    end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only';
    end $$`.execute(db);
  await sql`drop index audit_events_unsealed_idx`.execute(db);
  await sql`alter table audit_events drop column sealed_at`.execute(db);
  await sql`alter table audit_events drop constraint audit_events_seq_key`.execute(db);
  await sql`alter table audit_events drop constraint audit_events_pkey`.execute(db);
  await sql`alter table audit_events add primary key (organization_id, seq)`.execute(db);
  await sql`alter table audit_events drop column position`.execute(db);
  await sql`drop sequence audit_events_position_seq`.execute(db);
}
