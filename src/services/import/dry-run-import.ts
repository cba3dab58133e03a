// The dry run: every row checked as the run would take it, nothing written. Each row is new, already
// in Dermis, or wrong, and what is wrong is a plain sentence naming the column and what to fix. The
// dry run does not book: whether a future appointment's time is free is known only when it is booked,
// and one that is not is listed in the run's conflict report. Audited (counts only).
import type { Db } from '../../db/connect.js';
import { findClientBookingAt } from '../../db/repositories/bookings.repository.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { mappingProblems, type Mapping } from './fields.js';
import { findExistingClient, loadLookups, type Lookups } from './import-lookups.js';
import { loadImportRows, loadImportView } from './import-store.js';
import { prepareRow, rowKeyOf, type ImportShape, type PreparedRow } from './prepare-row.js';

export type DryRunOutcome = 'new' | 'existing' | 'error';
export interface DryRunRow {
  row: number;
  outcome: DryRunOutcome;
  messages: string[];
}

/** Refuses a mapping that cannot work, naming each field. */
export function assertMapping(imp: ImportShape) {
  const problems = mappingProblems(imp.kind, imp.headers, imp.mapping);
  if (problems.length) throw new AppError('validation', problems.map((p) => `${p.message}.`).join(' '), problems);
}

/** A row key already imported by a finished row of any earlier import of the clinic. */
export async function keyImported(db: Db, organizationId: string, key: string) {
  return Boolean(await db.selectFrom('csv_import_rows').select('row_number').where('organization_id', '=', organizationId).where('row_key', '=', key).where('outcome', '=', 'created').executeTakeFirst());
}

const who = (r: PreparedRow) => `${r.values.firstName} ${r.values.lastName}`;

async function checkRow(db: Db, org: string, kind: ImportShape['kind'], r: PreparedRow, seen: Map<string, number>): Promise<DryRunRow> {
  const client = await findExistingClient(db, org, r.values);
  const earlier = seen.get(`client:${r.clientKey}`);
  if (kind === 'clients') {
    if (client) return { row: r.rowNumber, outcome: 'existing', messages: [`Row ${r.rowNumber}: ${who(r)} is already a client in Dermis; the row is skipped and the record left as it is.`] };
    if (earlier) return { row: r.rowNumber, outcome: 'existing', messages: [`Row ${r.rowNumber}: ${who(r)} is the same client as row ${earlier}; the row is skipped.`] };
    seen.set(`client:${r.clientKey}`, r.rowNumber);
    return { row: r.rowNumber, outcome: 'new', messages: [] };
  }
  if (!client && !earlier) seen.set(`client:${r.clientKey}`, r.rowNumber);
  if (kind === 'appointments') {
    if (client && (await findClientBookingAt(db, org, client.id, r.serviceId!, r.start!))) return { row: r.rowNumber, outcome: 'existing', messages: [`Row ${r.rowNumber}: this appointment is already in Dermis; the row is skipped.`] };
    const key = `visit:${r.clientKey}|${r.serviceId}|${r.start!.toISOString()}`;
    if (seen.has(key)) return { row: r.rowNumber, outcome: 'existing', messages: [`Row ${r.rowNumber}: the same appointment as row ${seen.get(key)}; the row is skipped.`] };
    seen.set(key, r.rowNumber);
    return { row: r.rowNumber, outcome: 'new', messages: r.bookNow ? [`Row ${r.rowNumber}: a future appointment; it is booked with the usual rules when the import runs, or listed as a conflict.`] : [] };
  }
  const key = client ? rowKeyOf(kind, r, client.id) : null;
  if (key && (await keyImported(db, org, key))) return { row: r.rowNumber, outcome: 'existing', messages: [`Row ${r.rowNumber}: this ${kind === 'packages' ? 'package balance' : 'note'} was imported before; the row is skipped.`] };
  const fileKey = `${kind}:${r.clientKey}|${rowKeyOf(kind, r, '')}`;
  if (seen.has(fileKey)) return { row: r.rowNumber, outcome: 'existing', messages: [`Row ${r.rowNumber}: the same ${kind === 'packages' ? 'package balance' : 'note'} as row ${seen.get(fileKey)}; the row is skipped.`] };
  seen.set(fileKey, r.rowNumber);
  return { row: r.rowNumber, outcome: 'new', messages: [] };
}

export async function dryRunRows(db: Db, org: string, imp: ImportShape & { rows: string[][] }, lookups: Lookups, now: Date): Promise<DryRunRow[]> {
  const seen = new Map<string, number>();
  const out: DryRunRow[] = [];
  for (const [i, cells] of imp.rows.entries()) {
    const p = prepareRow(imp, lookups, cells, i + 2, now);
    out.push(p.ok ? await checkRow(db, org, imp.kind, p.row, seen) : { row: i + 2, outcome: 'error', messages: p.errors });
  }
  return out;
}

export async function dryRunImport(ctx: Ctx, id: string) {
  const org = ctx.principal.organizationId;
  const imp = await loadImportRows(ctx.db, org, id);
  if (!imp.rows) throw new AppError('conflict', 'This import has finished; its rows are no longer kept. Upload the file again to check it.');
  const shape = { kind: imp.kind, headers: imp.headers, mapping: imp.mapping as Mapping, rows: imp.rows };
  assertMapping(shape);
  const lookups = await loadLookups(ctx.db, org, imp.location_id);
  const rows = await dryRunRows(ctx.db, org, shape, lookups, ctx.now());
  const counts = { new: rows.filter((r) => r.outcome === 'new').length, existing: rows.filter((r) => r.outcome === 'existing').length, errors: rows.filter((r) => r.outcome === 'error').length };
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'import.dry_run', entityType: 'csv_import', entityId: id, details: counts }));
  return { import: await loadImportView(ctx.db, org, id, ctx.now()), counts, rows };
}
