import { z } from 'zod';
import { isoDate, line } from '../../../domain/shared/input.js';
import { Temporal } from 'temporal-polyfill';
import { findService } from '../../../db/repositories/scheduling.repository.js';
import type { Ctx } from '../../context.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { loadClient, loadClientOf } from '../../clients/load-client.js';
import { loadLocation } from '../../organization/load-location.js';

export const joinWaitlistInput = z
  .strictObject({
    locationId: z.uuid(),
    serviceId: z.uuid(),
    clientId: z.uuid(),
    providerId: line({ max: 64 }).optional(),
    fromDate: isoDate(),
    toDate: isoDate(),
  })
  .refine((w) => w.toDate >= w.fromDate, { message: 'must be on or after fromDate', path: ['toDate'] });

const exampleEntry = {
  id: '7b6a5f4e-3d2c-4b1a-9f8e-7d6c5b4a3f2e',
  clientId: 'e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a8b9',
  locationId: '8a1d5e2b-3c4f-4a6b-8d7e-9f0a1b2c3d4e',
  serviceId: 'c2b7e9a4-1f3d-4e5a-b6c7-d8e9f0a1b2c3',
  providerId: null,
  fromDate: '2026-03-02',
  toDate: '2026-03-20',
  status: 'waiting',
  offerBookingId: null,
  offers: 0,
  queuedAt: '2026-02-27T14:05:00.000Z',
  createdAt: '2026-02-27T14:05:00.000Z',
  client: 'Ana Reyes',
  service: 'Microneedling, full face',
} as const;

/** A client waiting for a service; a freed matching time is offered as an expiring hold. */
export const WaitlistEntry = z
  .object({
    id: z.guid(),
    clientId: z.guid(),
    locationId: z.guid(),
    serviceId: z.guid(),
    providerId: z.string().nullable().describe('User id of the wanted provider; null for any'),
    fromDate: z.iso.date().describe('First local date wanted, ISO date'),
    toDate: z.iso.date().describe('Last local date wanted, ISO date'),
    status: z.enum(['waiting', 'offered', 'booked', 'cancelled']),
    offerBookingId: z.guid().nullable().describe('The held booking offered to the client, if any'),
    offers: z.number().int().describe('How many times a time was offered'),
    queuedAt: z.iso.datetime().describe('Place in the queue, ISO date-time'),
    createdAt: z.iso.datetime().describe('ISO date-time'),
    // names are joined where the reader needs them: lists carry both, joining carries the service
    client: z.string().optional().describe("The client's name (in lists)"),
    service: z.string().optional().describe("The service's name (in lists and on joining)"),
  })
  .meta({ id: 'WaitlistEntry', description: 'A waitlist entry', example: exampleEntry });

export const WaitlistEntryList = z
  .object({ items: z.array(WaitlistEntry) })
  .meta({ id: 'WaitlistEntryList', description: 'Open waitlist entries in queue order', example: { items: [exampleEntry] } });

export type WaitlistEntryView = z.output<typeof WaitlistEntry>;

interface EntryRow {
  id: string; client_id: string; location_id: string; service_id: string; provider_user_id: string | null; from_date: string; to_date: string;
  status: WaitlistEntryView['status']; offer_booking_id: string | null; offers: number; queued_at: Date; created_at: Date;
}

const view = (e: EntryRow, names?: { client?: string; service?: string }): WaitlistEntryView => ({
  id: e.id, clientId: e.client_id, locationId: e.location_id, serviceId: e.service_id, providerId: e.provider_user_id, fromDate: e.from_date, toDate: e.to_date,
  status: e.status, offerBookingId: e.offer_booking_id, offers: e.offers, queuedAt: new Date(e.queued_at).toISOString(), createdAt: new Date(e.created_at).toISOString(), ...names,
});

/** A client asks for a service over a range of days; a freed matching time is offered in queue order. */
export async function joinWaitlist(ctx: Ctx, input: z.infer<typeof joinWaitlistInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const org = ctx.principal.organizationId;
    const client = await loadClient(trx, ctx, input.clientId);
    const loc = await loadLocation(trx, org, input.locationId, 'locationId');
    const service = await findService(trx, org, input.serviceId);
    if (!service || !service.active) throw invalid('serviceId', 'no such service');
    if (Temporal.PlainDate.from(input.fromDate).until(input.toDate).days > 90) throw invalid('toDate', 'at most 90 days');
    const open = await trx.selectFrom('waitlist_entries').select('id').where('organization_id', '=', org).where('client_id', '=', client.id).where('service_id', '=', service.id).where('status', 'in', ['waiting', 'offered']).executeTakeFirst();
    if (open) throw new AppError('conflict', 'already on the waitlist for this service', [{ path: 'serviceId', message: 'already waiting' }]);
    const row = await trx
      .insertInto('waitlist_entries')
      .values({ organization_id: org, client_id: client.id, location_id: loc.id, service_id: service.id, provider_user_id: input.providerId ?? null, from_date: input.fromDate, to_date: input.toDate, created_by: ctx.principal.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'waitlist.join', entityType: 'waitlist_entry', entityId: row.id, clientId: client.id });
    return view(row, { service: service.name });
  });
}

export async function listWaitlist(ctx: Ctx, q: { locationId?: string | undefined; clientId?: string | undefined }) {
  return ctx.db.transaction().execute(async (trx) => {
    const org = ctx.principal.organizationId;
    if (q.clientId) await loadClient(trx, ctx, q.clientId);
    if (q.locationId) await loadLocation(trx, org, q.locationId);
    let query = trx
      .selectFrom('waitlist_entries as w')
      .innerJoin('clients as c', (j) => j.onRef('c.organization_id', '=', 'w.organization_id').onRef('c.id', '=', 'w.client_id'))
      .innerJoin('services as s', (j) => j.onRef('s.organization_id', '=', 'w.organization_id').onRef('s.id', '=', 'w.service_id'))
      .selectAll('w')
      .select(['c.first_name', 'c.last_name', 's.name as service_name'])
      .where('w.organization_id', '=', org)
      .where('w.status', 'in', ['waiting', 'offered']);
    if (q.locationId) query = query.where('w.location_id', '=', q.locationId);
    if (q.clientId) query = query.where('w.client_id', '=', q.clientId);
    const rows = await query.orderBy('w.queued_at').limit(500).execute();
    await recordAudit(trx, ctx, { action: 'waitlist.list', entityType: q.clientId ? 'client' : 'location', entityId: q.clientId ?? q.locationId ?? null, clientId: q.clientId ?? null });
    return rows.map((r) => view(r, { client: `${r.first_name} ${r.last_name}`, service: r.service_name }));
  });
}

export async function leaveWaitlist(ctx: Ctx, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const org = ctx.principal.organizationId;
    const e = await trx.selectFrom('waitlist_entries').selectAll().where('organization_id', '=', org).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!e) throw notFound('waitlist entry');
    await loadClientOf(trx, ctx, e.client_id, 'waitlist entry');
    if (e.status !== 'waiting' && e.status !== 'offered') throw new AppError('conflict', `the entry is ${e.status}`);
    const row = await trx.updateTable('waitlist_entries').set({ status: 'cancelled' }).where('organization_id', '=', org).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'waitlist.leave', entityType: 'waitlist_entry', entityId: id, clientId: e.client_id });
    return view(row);
  });
}
