// What a client may book at a location, service by service: the booking screens list services with
// this, and availability clips its search to it, so nothing is offered that booking then refuses.
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/connect.js';
import { findService, getLocationSchedule, listServices, type ServiceRow } from '../../db/repositories/scheduling.repository.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { loadClient } from '../clients/load-client.js';
import { loadLocation } from '../organization/load-location.js';
import { bookingWindow } from './booking-window.js';
import type { BookingWindowView } from './booking-window.schema.js';

const CLINICAL_READERS: ReadonlySet<string> = new Set(['client', 'provider', 'medical_director']);

async function windowsFor(trx: Db, ctx: Ctx, locationId: string, clientId: string, services: ServiceRow[], opts: { planId: string | null; ignoreBookingId: string | null }) {
  const org = ctx.principal.organizationId;
  const client = await loadClient(trx, ctx, clientId);
  const loc = await loadLocation(trx, org, locationId);
  const schedule = await getLocationSchedule(trx, org, loc.id);
  if (!schedule) throw new AppError('conflict', `${loc.name} has no opening hours yet.`, [{ path: 'locationId', message: 'no opening hours' }]);
  const today = Temporal.Instant.fromEpochMilliseconds(ctx.now().getTime()).toZonedDateTimeISO(loc.time_zone).toPlainDate().toString();
  const out: BookingWindowView[] = [];
  for (const service of services) {
    out.push(await bookingWindow(trx, org, { clientId: client.id, service, timeZone: loc.time_zone, today, horizonDays: schedule.horizon_days, ...opts, clinicalReader: CLINICAL_READERS.has(ctx.principal.role) }));
  }
  // the window reads the client's screening standing: a read of health-derived data
  await recordAudit(trx, ctx, { action: 'booking_window.read', entityType: 'client', entityId: client.id, clientId: client.id, details: { locationId: loc.id, services: services.length } });
  return out;
}

/** One service's window, for availability. */
export async function clientWindow(ctx: Ctx, locationId: string, serviceId: string, clientId: string, opts: { planId: string | null; ignoreBookingId: string | null }): Promise<BookingWindowView> {
  return ctx.db.transaction().execute(async (trx) => {
    const service = await findService(trx, ctx.principal.organizationId, serviceId);
    if (!service || !service.active) throw notFound('service');
    return (await windowsFor(trx, ctx, locationId, clientId, [service], opts))[0]!;
  });
}

/** Every active service's window at a location. */
export async function getBookingOptions(ctx: Ctx, clientId: string, locationId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const services = (await listServices(trx, ctx.principal.organizationId)).filter((s) => s.active);
    return { items: await windowsFor(trx, ctx, locationId, clientId, services, { planId: null, ignoreBookingId: null }) };
  });
}
