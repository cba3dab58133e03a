// The run (docs/import.md): every row without an outcome yet is checked and written, one row at a
// time, so the progress bar moves and a run cut off (a server stopped) resumes at the first row it
// had not done. When every row has its outcome, the import's rows are dropped (the outcomes stay) and
// the finish is audited with the counts.
import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { applyRow, inRowTransaction, type RunTarget } from './apply-row.js';
import type { Mapping } from './fields.js';
import { loadLookups } from './import-lookups.js';
import { loadImportRows } from './import-store.js';
import { prepareRow } from './prepare-row.js';
import { presetById } from './presets.js';

export interface RunOptions {
  /** stop (as if the server stopped) after this many rows: how the tests cut a run off */
  stopAfterRows?: number;
}

const plainFailure = (rowNumber: number, e: unknown) => {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === '23505') return `Row ${rowNumber}: it would duplicate a record Dermis already has (another client with this email, for example); correct the row and import it again.`;
  return `Row ${rowNumber}: it could not be imported because of an unexpected error; import the file again later, and if it happens again tell the Dermis administrator.`;
};

export async function runImport(ctx: Ctx, id: string, opts: RunOptions = {}): Promise<'finished' | 'stopped'> {
  const org = ctx.principal.organizationId;
  const imp = await loadImportRows(ctx.db, org, id);
  if (imp.status === 'finished' || !imp.rows) return 'finished';
  const target: RunTarget = { id, kind: imp.kind, presetName: presetById(imp.preset)?.name ?? 'another system', locationId: imp.location_id };
  const shape = { kind: imp.kind, headers: imp.headers, mapping: imp.mapping as Mapping };
  const lookups = await loadLookups(ctx.db, org, imp.location_id);
  const done = new Set((await ctx.db.selectFrom('csv_import_rows').select('row_number').where('organization_id', '=', org).where('import_id', '=', id).execute()).map((r) => r.row_number));
  let worked = 0;
  for (const [i, cells] of imp.rows.entries()) {
    const rowNumber = i + 2;
    if (done.has(rowNumber)) continue;
    if (opts.stopAfterRows !== undefined && worked >= opts.stopAfterRows) return 'stopped';
    worked++;
    const p = prepareRow(shape, lookups, cells, rowNumber, ctx.now());
    try {
      if (!p.ok) await inRowTransaction(ctx, target, rowNumber, () => Promise.resolve({ outcome: 'error', clientId: null, entityId: null, message: p.errors.join(' '), rowKey: null }));
      else await applyRow(ctx, target, p.row, lookups);
    } catch (e) {
      await inRowTransaction(ctx, target, rowNumber, () => Promise.resolve({ outcome: 'error', clientId: null, entityId: null, message: plainFailure(rowNumber, e), rowKey: null }));
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    const counts = await trx
      .selectFrom('csv_import_rows')
      .select(['outcome', sql<number>`count(*)::int`.as('n')])
      .where('organization_id', '=', org)
      .where('import_id', '=', id)
      .groupBy('outcome')
      .execute();
    await trx.updateTable('csv_imports').set({ status: 'finished', finished_at: ctx.now(), progress_at: ctx.now(), rows: null }).where('organization_id', '=', org).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'import.finished', entityType: 'csv_import', entityId: id, details: Object.fromEntries(counts.map((c) => [c.outcome, c.n])) });
  });
  return 'finished';
}
