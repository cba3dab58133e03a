import { z } from 'zod';
import { isoDate } from '../../domain/shared/input.js';
import { Temporal } from 'temporal-polyfill';
import { findBooking, listBookingsBetween, listClientBookings } from '../../db/repositories/bookings.repository.js';
import { localDays } from '../../domain/scheduling/local-time.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { invalid, notFound } from '../errors.js';
import { loadClient, loadClientOf } from '../clients/load-client.js';
import { bookingView } from './booking-view.js';
import { loadLocation } from '../organization/load-location.js';

export const calendarQuery = z.object({ locationId: z.uuid(), from: isoDate(), to: isoDate() });

/** The staff calendar: every booking at a location over local dates (contact details, no clinical data). */
export async function listCalendar(ctx: Ctx, q: z.infer<typeof calendarQuery>) {
  if (q.to < q.from) throw invalid('to', 'must be on or after from');
  if (Temporal.PlainDate.from(q.from).until(q.to).days > 31) throw invalid('to', 'at most 31 days at a time');
  const loc = await loadLocation(ctx.db, ctx.principal.organizationId, q.locationId);
  const w = localDays(q.from, q.to, loc.time_zone);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await listBookingsBetween(trx, ctx.principal.organizationId, { locationId: loc.id, start: new Date(w.start), end: new Date(w.end) });
    await recordAudit(trx, ctx, { action: 'booking.calendar', entityType: 'location', entityId: loc.id, details: { from: q.from, to: q.to, count: rows.length } });
    return rows.map(bookingView);
  });
}

export async function listBookingsOfClient(ctx: Ctx, clientId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClient(trx, ctx, clientId);
    const rows = await listClientBookings(trx, ctx.principal.organizationId, client.id);
    await recordAudit(trx, ctx, { action: 'booking.list', entityType: 'client', entityId: client.id, clientId: client.id });
    return rows.map(bookingView);
  });
}

export async function getBooking(ctx: Ctx, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const b = await findBooking(trx, ctx.principal.organizationId, id);
    if (!b) throw notFound('booking');
    await loadClientOf(trx, ctx, b.client_id, 'booking');
    await recordAudit(trx, ctx, { action: 'booking.read', entityType: 'booking', entityId: b.id, clientId: b.client_id });
    return bookingView(b);
  });
}
