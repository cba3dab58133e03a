// The owner's "Start export": answered at once (an export takes a while), the list shows its progress
// and then the download. One runs at a time per clinic. Audited when asked and when finished.
import type { Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import { actorOf, recordAudit } from '../../audit/record-audit-event.js';
import type { ExportFiles } from './export-files-port.js';
import { EXPORT_KEEP_DAYS, selectExports, toView, type DataExportView } from './data-export-view.js';
import { expireDataExports } from './expire-data-exports.js';
import { completeDataExport } from './run-data-export.js';
import { exportsUnavailable } from './list-data-exports.js';

const alreadyRunning = () => new AppError('conflict', 'an export is already running for this clinic; wait for it to finish, then download it from the list');

/** Two starts at once on PostgreSQL: the loser meets the one-running index rather than the check. */
const isOneRunningClash = (err: unknown) => (err as { code?: unknown } | null)?.code === '23505' && [undefined, 'data_exports_one_running'].includes((err as { constraint?: string }).constraint);

export async function startDataExport(ctx: Ctx, files: ExportFiles | null): Promise<{ export: DataExportView; done: Promise<unknown> }> {
  if (!files) exportsUnavailable();
  const org = ctx.principal.organizationId;
  const at = ctx.now();
  // a stalled export frees the clinic to start another
  await expireDataExports(ctx.db, files, at, org);
  const started = await ctx.db.transaction().execute(async (trx) => {
    const running = await trx.selectFrom('data_exports').select('id').where('organization_id', '=', org).where('status', '=', 'running').executeTakeFirst();
    if (running) throw alreadyRunning();
    const row = await trx
      .insertInto('data_exports')
      .values({ organization_id: org, requested_by: ctx.principal.userId, status: 'running', created_at: at, progress_at: at, expires_at: new Date(at.getTime() + EXPORT_KEEP_DAYS * 86_400_000) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'export.started', entityType: 'data_export', entityId: row.id });
    return row;
  }).catch((err: unknown) => {
    throw isOneRunningClash(err) ? alreadyRunning() : err;
  });
  const view = toView(await selectExports(ctx.db, org).where('e.id', '=', started.id).executeTakeFirstOrThrow());
  const target = { organizationId: org, id: started.id, folder: view.fileName.replace(/\.tar\.gz$/, '') };
  // the outcome is recorded on the row; a failure to record it must not become an unhandled rejection
  const done = completeDataExport(ctx.db, files, target, ctx.now, actorOf(ctx)).catch(() => undefined);
  return { export: view, done };
}
