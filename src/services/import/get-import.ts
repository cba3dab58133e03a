// One import, with the first rows of its file (the mapping screen's preview) until its run starts.
// The preview is personal data: its read is audited; the progress a running import is polled for is not.
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { loadImportRows, loadImportView } from './import-store.js';
import { PREVIEW_ROWS } from './upload-import.js';

export async function getImport(ctx: Ctx, id: string) {
  const org = ctx.principal.organizationId;
  const imp = await loadImportRows(ctx.db, org, id);
  const preview = imp.status === 'uploaded' ? (imp.rows ?? []).slice(0, PREVIEW_ROWS) : [];
  if (preview.length) await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'import.read', entityType: 'csv_import', entityId: id, details: { preview: preview.length } }));
  return { import: await loadImportView(ctx.db, org, id, ctx.now()), preview };
}
