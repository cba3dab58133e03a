import { sql } from 'kysely';
import type { Db } from '../connect.js';
import type { AuditEventsTable } from '../schema.js';
import type { Selectable } from 'kysely';

export type AuditEventRow = Selectable<AuditEventsTable>;

/** Locks the organization's chain head for the rest of the transaction (serialises appends). */
export async function lockHead(db: Db, organizationId: string) {
  await db
    .insertInto('audit_heads')
    .values({ organization_id: organizationId, last_seq: 0, last_hash: 'genesis' })
    .onConflict((oc) => oc.column('organization_id').doNothing())
    .execute();
  return db
    .selectFrom('audit_heads')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function appendEvent(db: Db, row: Omit<AuditEventRow, 'details'> & { details: Record<string, unknown> }) {
  await db
    .insertInto('audit_events')
    .values({ ...row, details: JSON.stringify(row.details) })
    .execute();
  await db
    .updateTable('audit_heads')
    .set({ last_seq: row.seq, last_hash: row.hash })
    .where('organization_id', '=', row.organization_id)
    .execute();
}

export async function getHead(db: Db, organizationId: string) {
  return db.selectFrom('audit_heads').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
}

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
    after = rows[rows.length - 1]!.seq;
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
  beforeSeq?: number | undefined;
  limit: number;
}

export async function listEvents(db: Db, f: AuditFilter) {
  let q = db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select([
      'e.seq', 'e.occurred_at', 'e.actor_user_id', 'e.actor_role', 'e.action', 'e.entity_type', 'e.entity_id',
      'e.client_id', 'e.ip', 'e.request_id', 'e.details', 'u.name as actor_name',
    ])
    .where('e.organization_id', '=', f.organizationId);
  if (f.clientId) q = q.where('e.client_id', '=', f.clientId);
  if (f.actorUserId) q = q.where('e.actor_user_id', '=', f.actorUserId);
  if (f.action) q = q.where('e.action', 'like', `${f.action.replace(/[%_]/g, '')}%`);
  if (f.entityType) q = q.where('e.entity_type', '=', f.entityType);
  if (f.from) q = q.where('e.occurred_at', '>=', f.from);
  if (f.to) q = q.where('e.occurred_at', '<', f.to);
  if (f.beforeSeq) q = q.where('e.seq', '<', f.beforeSeq);
  return q.orderBy('e.seq', 'desc').limit(f.limit).execute();
}

export async function countEvents(db: Db, organizationId: string) {
  const r = await db
    .selectFrom('audit_events')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return r.n;
}
