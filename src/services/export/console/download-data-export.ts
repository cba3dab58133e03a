// The owner downloads a finished export. Only their own clinic's (another clinic's id is not found),
// only while it is kept, and every download is in the audit trail: it carries every record.
import type { Ctx } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import type { ExportArchive, ExportFiles } from './export-files-port.js';
import { selectExports, toView } from './data-export-view.js';
import { exportsUnavailable } from './list-data-exports.js';
import { expireDataExports } from './expire-data-exports.js';

export async function downloadDataExport(ctx: Ctx, files: ExportFiles | null, id: string): Promise<{ archive: ExportArchive; fileName: string; sha256: string | null }> {
  const org = ctx.principal.organizationId;
  if (files) await expireDataExports(ctx.db, files, ctx.now(), org);
  const row = await selectExports(ctx.db, org).where('e.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('export');
  if (!files) exportsUnavailable();
  const view = toView(row);
  if (view.status === 'running') throw new AppError('conflict', 'this export is still running; download it when the list shows it ready');
  if (view.status === 'failed') throw new AppError('conflict', `this export failed (${view.error ?? 'no reason recorded'}); start a new one`);
  if (view.status === 'expired') throw new AppError('conflict', 'this export has expired and its file was deleted; start a new one');
  const archive = await files.open(org, id);
  if (!archive) throw new AppError('conflict', 'the file of this export is missing on the server; start a new one');
  try {
    await recordAudit(ctx.db, ctx, { action: 'export.downloaded', entityType: 'data_export', entityId: id, details: { bytes: archive.bytes } });
  } catch (err) {
    // no download without its audit event
    await archive.body.cancel().catch(() => undefined);
    throw err;
  }
  return { archive, fileName: view.fileName, sha256: view.sha256 };
}
