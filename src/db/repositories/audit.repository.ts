import { sql } from 'kysely';
import type { Db } from '../connect.js';
import type { AuditEventsTable } from '../schema.js';
import type { Selectable } from 'kysely';

export type AuditEventRow = Selectable<AuditEventsTable>;

export type NewAuditEvent = Omit<AuditEventRow, 'details' | 'position' | 'seq' | 'prev_hash' | 'hash' | 'sealed_at'> & { details: Record<string, unknown> };

/** Appends an unsealed event: no lock, so concurrent work in one organization never waits on the trail. */
export async function appendEvent(db: Db, row: NewAuditEvent) {
  await db
    .insertInto('audit_events')
    .values({ ...row, details: JSON.stringify(row.details) })
    .execute();
}

/** Organizations with events waiting for the sealer. */
export async function organizationsWithUnsealed(db: Db) {
  const rows = await db.selectFrom('audit_events').select('organization_id').distinct().where('hash', 'is', null).execute();
  return rows.map((r) => r.organization_id);
}

/**
 * Takes the organization's sealing lock for the rest of the transaction, without waiting: one sealer
 * per organization at a time, across processes. False when another holds it.
 */
export async function trySealLock(db: Db, organizationId: string) {
  const r = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(hashtextextended(${`audit-seal:${organizationId}`}, 0)) as ok`.execute(db);
  return r.rows[0]?.ok === true;
}

/** The chain head, created at genesis on first use; read under the sealing lock. */
export async function headFor(db: Db, organizationId: string) {
  await db
    .insertInto('audit_heads')
    .values({ organization_id: organizationId, last_seq: 0, last_hash: 'genesis' })
    .onConflict((oc) => oc.column('organization_id').doNothing())
    .execute();
  return db.selectFrom('audit_heads').selectAll().where('organization_id', '=', organizationId).forUpdate().executeTakeFirstOrThrow();
}

/** The oldest unsealed events of an organization, in the order they were appended. */
export function unsealedEvents(db: Db, organizationId: string, limit: number) {
  return db.selectFrom('audit_events').selectAll().where('organization_id', '=', organizationId).where('hash', 'is', null).orderBy('position').limit(limit).execute();
}

/** Writes the chain fields of sealed events (the trigger allows this once per event) and moves the head. */
export async function writeSeals(db: Db, organizationId: string, seals: { position: number; seq: number; prevHash: string; hash: string }[], sealedAt: Date) {
  if (seals.length === 0) return;
  const values = sql.join(seals.map((s) => sql`(${s.position}::bigint, ${s.seq}::bigint, ${s.prevHash}::text, ${s.hash}::text)`));
  await sql`
    update audit_events e set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash, sealed_at = ${sealedAt}
    from (values ${values}) as v(position, seq, prev_hash, hash)
    where e.organization_id = ${organizationId} and e.position = v.position and e.hash is null`.execute(db);
  const last = seals[seals.length - 1]!;
  await db.updateTable('audit_heads').set({ last_seq: last.seq, last_hash: last.hash }).where('organization_id', '=', organizationId).execute();
}

/** How many events wait for the sealer, and when the oldest was appended. */
export async function unsealedSummary(db: Db, organizationId: string) {
  return db
    .selectFrom('audit_events')
    .select([sql<number>`count(*)::int`.as('count'), sql<Date | null>`min(occurred_at)`.as('oldest')])
    .where('organization_id', '=', organizationId)
    .where('hash', 'is', null)
    .executeTakeFirstOrThrow();
}

export async function getHead(db: Db, organizationId: string) {
  return db.selectFrom('audit_heads').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
}

/** The sealed chain in chain order. */
export async function* streamChain(db: Db, organizationId: string, batch = 1000) {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(batch)
      .execute();
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1]!.seq!;
  }
}

export interface AuditFilter {
  organizationId: string;
  clientId?: string | undefined;
  actorUserId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforePosition?: number | undefined;
  limit: number;
}

export async function listEvents(db: Db, f: AuditFilter) {
  let q = db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select([
      'e.position', 'e.seq', 'e.occurred_at', 'e.actor_user_id', 'e.actor_role', 'e.action', 'e.entity_type', 'e.entity_id',
      'e.client_id', 'e.ip', 'e.request_id', 'e.details', 'u.name as actor_name',
    ])
    .where('e.organization_id', '=', f.organizationId);
  if (f.clientId) q = q.where('e.client_id', '=', f.clientId);
  if (f.actorUserId) q = q.where('e.actor_user_id', '=', f.actorUserId);
  if (f.action) q = q.where('e.action', 'like', `${f.action.replace(/[%_]/g, '')}%`);
  if (f.entityType) q = q.where('e.entity_type', '=', f.entityType);
  if (f.from) q = q.where('e.occurred_at', '>=', f.from);
  if (f.to) q = q.where('e.occurred_at', '<', f.to);
  if (f.beforePosition) q = q.where('e.position', '<', f.beforePosition);
  return q.orderBy('e.position', 'desc').limit(f.limit).execute();
}

export async function countEvents(db: Db, organizationId: string) {
  const r = await db
    .selectFrom('audit_events')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return r.n;
}

/** The newest event about one entity with an action under the prefix, leaving out the given actions (reads): an undo checks it is the caller's last change. */
export function latestEventOf(db: Db, organizationId: string, entity: { type: string; id: string }, actions: { prefix: string; ignore: readonly string[] }) {
  return db
    .selectFrom('audit_events')
    .select(['position', 'seq', 'occurred_at', 'actor_user_id', 'action', 'details'])
    .where('organization_id', '=', organizationId)
    .where('entity_type', '=', entity.type)
    .where('entity_id', '=', entity.id)
    .where('action', 'like', `${actions.prefix.replace(/[%_]/g, '')}%`)
    .where('action', 'not in', actions.ignore.length ? [...actions.ignore] : [''])
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirst();
}
