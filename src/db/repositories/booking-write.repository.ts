// A booking written in one statement: the booking, one row per resource it holds, the follow-up row
// in the outbox (the worker renders its messages) and its audit event. One statement is atomic by itself,
// so the common booking needs no BEGIN/COMMIT round trips; the exclusion constraint on the resource
// rows (decision 0009) refuses an overlap and with it the whole statement; advisory locks per resource
// and day (decision 0025) keep two such statements from deadlocking on each other's rows.
import { sql, type Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { BookingsTable, ResourceKind } from '../schema-scheduling.js';
import type { AuditEventsTable, OutboxMessagesTable } from '../schema.js';
import { resourceLocks } from './resource-locks.repository.js';

export interface HeldResource {
  kind: ResourceKind;
  id: string;
  start: Date;
  end: Date;
}

export async function insertBookingAtOnce(
  db: Db,
  a: {
    booking: Insertable<BookingsTable> & { id: string };
    resources: HeldResource[];
    /** the follow-up outbox row (follow-ups.repository.ts followUpRow) */
    followUp: Insertable<OutboxMessagesTable> | null;
    audit: Omit<Insertable<AuditEventsTable>, 'details'> & { details: Record<string, unknown> };
    /** the webhook event the audited action announces (decision 0018): one delivery per subscribed endpoint */
    webhook: { type: string; payload: unknown; at: Date } | null;
  },
) {
  const org = a.booking.organization_id;
  let q = db
    .with('b', (w) => w.insertInto('bookings').values(a.booking).returningAll())
    // the rows are written once this booking holds its resources' locks (resource-locks.repository.ts)
    .with('r', (w) =>
      w
        .insertInto('booking_resources')
        .columns(['organization_id', 'booking_id', 'resource_kind', 'resource_id', 'during'])
        .expression(
          sql`select ${org}::uuid, ${a.booking.id}::uuid, u.kind, u.rid, tstzrange(u.s, u.e, '[)')
            from unnest(${a.resources.map((r) => r.kind)}::text[], ${a.resources.map((r) => r.id)}::text[], ${a.resources.map((r) => r.start.toISOString())}::timestamptz[], ${a.resources.map((r) => r.end.toISOString())}::timestamptz[]) as u(kind, rid, s, e)
            cross join ${resourceLocks(a.resources)} as l`,
        )
        .returning('booking_id'),
    )
    .with('a', (w) => w.insertInto('audit_events').values({ ...a.audit, details: JSON.stringify(a.audit.details) }).returning('organization_id'));
  if (a.webhook) {
    const { type, payload, at } = a.webhook;
    q = q.with('w', (w) =>
      w
        .insertInto('webhook_deliveries')
        .columns(['organization_id', 'endpoint_id', 'event_type', 'payload', 'next_attempt_at'])
        .expression((eb) =>
          eb
            .selectFrom('webhook_endpoints as e')
            .select(['e.organization_id', 'e.id', sql<string>`${type}::text`.as('event_type'), sql<string>`${JSON.stringify(payload)}::jsonb`.as('payload'), sql<Date>`${at.toISOString()}::timestamptz`.as('next_attempt_at')])
            .where('e.organization_id', '=', org)
            .where('e.active', '=', true)
            .where(sql<boolean>`${type}::text = any(e.events)`),
        )
        .returning('id'),
    );
  }
  if (a.followUp) {
    const row = a.followUp;
    q = q.with('f', (w) => w.insertInto('outbox_messages').values(row).returning('id'));
  }
  return q.selectFrom('b').selectAll().executeTakeFirstOrThrow();
}
