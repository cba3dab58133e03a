// One row of a run, written with its outcome. The row's outcome is claimed in the transaction that
// writes its records (keyed by import and row number), so a resumed run never does a row twice; a
// future appointment is booked through the normal booking service (its own transactions), and a
// booking found at resume for the same client, service and start counts as already there.
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/connect.js';
import { findClientBookingAt, insertBooking } from '../../db/repositories/bookings.repository.js';
import { insertClient } from '../../db/repositories/clients.repository.js';
import { insertNote } from '../../db/repositories/clinical-notes.repository.js';
import { insertPackagePurchase } from '../../db/repositories/package-balances.repository.js';
import { findPackageAt } from '../../db/repositories/pricing.repository.js';
import type { CsvRowOutcome } from '../../db/schema-import.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { issueInvoice } from '../billing/invoice-store.js';
import { placeBooking } from '../scheduling/place-booking.js';
import { keyImported } from './dry-run-import.js';
import { findExistingClient, type Lookups } from './import-lookups.js';
import { rowKeyOf, type PreparedRow } from './prepare-row.js';

export interface RowOutcome {
  outcome: CsvRowOutcome;
  clientId: string | null;
  entityId: string | null;
  message: string | null;
  rowKey: string | null;
}

export interface RunTarget {
  id: string;
  kind: 'clients' | 'appointments' | 'packages' | 'notes';
  presetName: string;
  locationId: string;
}

const who = (r: PreparedRow) => `${r.values.firstName} ${r.values.lastName}`;

/** Claims the row, does its work and records the outcome in one transaction; null when another run did it. */
export async function inRowTransaction(ctx: Ctx, target: RunTarget, rowNumber: number, work: (trx: Db) => Promise<RowOutcome>): Promise<RowOutcome | null> {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('csv_import_rows')
      .values({ organization_id: org, import_id: target.id, row_number: rowNumber, outcome: 'error', message: null })
      .onConflict((oc) => oc.columns(['organization_id', 'import_id', 'row_number']).doNothing())
      .returning('row_number')
      .executeTakeFirst();
    if (!claimed) return null;
    const o = await work(trx);
    await trx
      .updateTable('csv_import_rows')
      .set({ outcome: o.outcome, client_id: o.clientId, entity_id: o.entityId, message: o.message, row_key: o.rowKey })
      .where('organization_id', '=', org).where('import_id', '=', target.id).where('row_number', '=', rowNumber)
      .execute();
    await trx.updateTable('csv_imports').set({ progress_at: ctx.now() }).where('organization_id', '=', org).where('id', '=', target.id).execute();
    return o;
  });
}

/** The row's client: found by its natural key, or made (audited as any new client is). */
async function clientOf(trx: Db, ctx: Ctx, target: RunTarget, r: PreparedRow) {
  const org = ctx.principal.organizationId;
  const found = await findExistingClient(trx, org, r.values);
  if (found) return { id: found.id, created: false };
  const v = r.values;
  const row = await insertClient(trx, {
    organization_id: org, first_name: v.firstName, last_name: v.lastName, email: v.email, phone: v.phone, date_of_birth: v.dateOfBirth, preferred_location_id: target.locationId, user_id: null,
  });
  await recordAudit(trx, ctx, { action: 'client.create', entityType: 'client', entityId: row.id, clientId: row.id, details: { importId: target.id, row: r.rowNumber } });
  return { id: row.id, created: true };
}

const done = (outcome: CsvRowOutcome, clientId: string | null, entityId: string | null, message: string | null = null, rowKey: string | null = null): RowOutcome => ({ outcome, clientId, entityId, message, rowKey });

async function historyVisit(trx: Db, ctx: Ctx, target: RunTarget, r: PreparedRow): Promise<RowOutcome> {
  const org = ctx.principal.organizationId;
  const client = await clientOf(trx, ctx, target, r);
  const existing = await findClientBookingAt(trx, org, client.id, r.serviceId!, r.start!);
  if (existing) return done('existing', client.id, existing.id, `Row ${r.rowNumber}: this appointment is already in Dermis; the row was skipped.`);
  const cancelled = r.historyStatus === 'cancelled' || r.historyStatus === 'late_cancelled';
  // history holds no time: no booking_resources rows, so it blocks nothing and old overlaps are kept as they were
  const b = await insertBooking(trx, {
    organization_id: org, location_id: target.locationId, client_id: client.id, service_id: r.serviceId!, status: r.historyStatus, starts_at: r.start!,
    ends_at: new Date(r.start!.getTime() + Math.max(r.durationMin, 5) * 60_000), provider_user_id: r.providerId!, room_id: null, device_id: null, hold_expires_at: null,
    idempotency_key: null, plan_id: null, price_line_id: null, override_reason: null, cancel_reason: cancelled ? `Cancelled in ${target.presetName} (imported)` : null, created_by: ctx.principal.userId,
  });
  await recordAudit(trx, ctx, { action: 'booking.import', entityType: 'booking', entityId: b.id, clientId: client.id, details: { importId: target.id, row: r.rowNumber, status: r.historyStatus, serviceId: r.serviceId } });
  return done('created', client.id, b.id);
}

async function packageBalance(trx: Db, ctx: Ctx, target: RunTarget, r: PreparedRow, timeZone: string): Promise<RowOutcome> {
  const org = ctx.principal.organizationId;
  const client = await clientOf(trx, ctx, target, r);
  const key = rowKeyOf('packages', r, client.id);
  if (key && (await keyImported(trx, org, key))) return done('existing', client.id, null, `Row ${r.rowNumber}: this package balance was imported before; the row was skipped.`);
  const pkg = (await findPackageAt(trx, org, r.packageId!, target.locationId))!;
  const n = r.values.remainingSessions!;
  const inv = await issueInvoice(trx, {
    organizationId: org, issuedBy: ctx.principal.userId, issuedAt: ctx.now(), locationId: target.locationId, clientId: client.id, bookingId: null, currency: pkg.currency, taxRateBp: 0,
    lines: [{ kind: 'package', description: `${pkg.name}: ${n} sessions left, brought from ${target.presetName}`, serviceCode: pkg.service_code, quantity: 1, unitCents: 0, taxable: false }],
  });
  const today = Temporal.Instant.fromEpochMilliseconds(ctx.now().getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
  const expires = r.values.expiresOn ?? today.add({ days: pkg.valid_days }).toString();
  const p = await insertPackagePurchase(trx, {
    organization_id: org, client_id: client.id, location_id: target.locationId, package_id: pkg.id, invoice_id: inv.id, name: pkg.name, service_code: pkg.service_code,
    sessions_total: n, price_cents: 0, currency: pkg.currency, expires_on: expires,
  });
  await recordAudit(trx, ctx, { action: 'package.import', entityType: 'package_purchase', entityId: p.id, clientId: client.id, details: { importId: target.id, row: r.rowNumber, packageId: pkg.id, sessions: n, invoiceNumber: inv.number } });
  return done('created', client.id, p.id, null, key);
}

async function note(trx: Db, ctx: Ctx, target: RunTarget, r: PreparedRow): Promise<RowOutcome> {
  const org = ctx.principal.organizationId;
  const client = await clientOf(trx, ctx, target, r);
  const key = rowKeyOf('notes', r, client.id);
  if (key && (await keyImported(trx, org, key))) return done('existing', client.id, null, `Row ${r.rowNumber}: this note was imported before; the row was skipped.`);
  const heading = `Imported from ${target.presetName}${r.values.noteDate ? `, written ${r.values.noteDate}` : ''}:`;
  const n = await insertNote(trx, { organization_id: org, client_id: client.id, author_user_id: ctx.principal.userId, body: `${heading}\n${r.values.note!}` });
  await recordAudit(trx, ctx, { action: 'clinical_note.create', entityType: 'clinical_note', entityId: n.id, clientId: client.id, details: { importId: target.id, row: r.rowNumber } });
  return done('created', client.id, n.id, null, key);
}

/** A future appointment: booked as the desk would book it, or listed as a conflict with the reason. */
async function futureVisit(ctx: Ctx, target: RunTarget, r: PreparedRow): Promise<RowOutcome | null> {
  const org = ctx.principal.organizationId;
  const client = await ctx.db.transaction().execute((trx) => clientOf(trx, ctx, target, r));
  let outcome: RowOutcome;
  const existing = await findClientBookingAt(ctx.db, org, client.id, r.serviceId!, r.start!);
  if (existing) outcome = done('existing', client.id, existing.id, `Row ${r.rowNumber}: this appointment is already in Dermis; the row was skipped.`);
  else {
    try {
      const placed = await placeBooking(ctx, {
        locationId: target.locationId, serviceId: r.serviceId!, clientId: client.id, start: r.start!.toISOString(), hold: false,
        idempotencyKey: `import-${target.id}-${r.rowNumber}`, ...(r.providerId ? { providerId: r.providerId } : {}),
      });
      outcome = done('created', client.id, placed.booking.id);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const when = `${r.values.date} at ${r.values.time}`;
      // the slot check answers "taken" for any time the provider, room or device cannot give
      const taken = e.extra.rule === 'overlap';
      const reason = taken ? 'the provider, a room or a device is not free then (outside working hours, or another booking)' : e.message.replace(/\.$/, '');
      const next = taken ? 'Book it from the schedule at another time.' : 'Book it from the schedule once that is settled.';
      outcome = done('conflict', client.id, null, `Row ${r.rowNumber}: ${r.serviceName} for ${who(r)} on ${when}${r.providerName ? ` with ${r.providerName}` : ''} was not booked: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}. ${next}`);
    }
  }
  return inRowTransaction(ctx, target, r.rowNumber, () => Promise.resolve(outcome));
}

export async function applyRow(ctx: Ctx, target: RunTarget, r: PreparedRow, lookups: Lookups): Promise<RowOutcome | null> {
  if (target.kind === 'appointments' && r.bookNow) return futureVisit(ctx, target, r);
  return inRowTransaction(ctx, target, r.rowNumber, async (trx) => {
    if (target.kind === 'appointments') return historyVisit(trx, ctx, target, r);
    if (target.kind === 'packages') return packageBalance(trx, ctx, target, r, lookups.timeZone);
    if (target.kind === 'notes') return note(trx, ctx, target, r);
    const client = await clientOf(trx, ctx, target, r);
    return client.created ? done('created', client.id, client.id) : done('existing', client.id, client.id, `Row ${r.rowNumber}: ${who(r)} is already a client in Dermis; the row was skipped and the record left as it is.`);
  });
}
