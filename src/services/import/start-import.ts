// "Run import": answered at once, the run goes on in the background and the import's progress shows
// rows done of the total. An import cut off (no progress for a minute) is resumed the same way; one
// that is running is not started twice. Audited.
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { assertMapping } from './dry-run-import.js';
import { isStale, loadImportRows, loadImportView, STALE_AFTER_MS } from './import-store.js';
import { runImport, type RunOptions } from './run-import.js';

export async function startImport(ctx: Ctx, id: string, opts: RunOptions = {}) {
  const org = ctx.principal.organizationId;
  const now = ctx.now();
  const resumed = await ctx.db.transaction().execute(async (trx) => {
    const imp = await loadImportRows(trx, org, id);
    if (imp.status === 'finished') throw new AppError('conflict', 'This import has finished. Upload the file again to import it once more; rows already imported are skipped.');
    if (imp.status === 'running' && !isStale(imp, now)) throw new AppError('conflict', 'This import is running; follow its progress here.');
    assertMapping({ kind: imp.kind, headers: imp.headers, mapping: imp.mapping });
    // only one caller wins the start (or the resume) of a run
    const won = await trx
      .updateTable('csv_imports')
      .set({ status: 'running', started_at: imp.started_at ?? now, progress_at: now })
      .where('organization_id', '=', org)
      .where('id', '=', id)
      .where((eb) => eb.or([eb('status', '=', 'uploaded'), eb.and([eb('status', '=', 'running'), eb('progress_at', '<', new Date(now.getTime() - STALE_AFTER_MS))])]))
      .returning('id')
      .executeTakeFirst();
    if (!won) throw new AppError('conflict', 'This import is running; follow its progress here.');
    await recordAudit(trx, ctx, { action: imp.status === 'running' ? 'import.resume' : 'import.run', entityType: 'csv_import', entityId: id, details: { rows: imp.total_rows } });
    return imp.status === 'running';
  });
  // the outcome is on the rows; a failure leaves the import running until it is seen as cut off and resumed
  const done = runImport(ctx, id, opts).catch(() => 'failed' as const);
  return { import: await loadImportView(ctx.db, org, id, ctx.now()), resumed, done };
}
