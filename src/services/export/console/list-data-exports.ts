// The owner's list of exports, newest first, with the progress of one that runs. Expired archives are
// deleted first, so the list never offers a download that is gone.
import type { Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import type { ExportFiles } from './export-files-port.js';
import { selectExports, toView, type DataExportView } from './data-export-view.js';
import { expireDataExports } from './expire-data-exports.js';

const HISTORY = 30;

export interface DataExportList {
  running: boolean;
  items: DataExportView[];
}

export function exportsUnavailable(): never {
  throw new AppError('conflict', 'exports from the console are not set up on this server; the operator can run dermis export (docs/export.md)');
}

export async function listDataExports(ctx: Ctx, files: ExportFiles | null): Promise<DataExportList> {
  const org = ctx.principal.organizationId;
  if (files) await expireDataExports(ctx.db, files, ctx.now(), org);
  const items = (await selectExports(ctx.db, org).orderBy('e.created_at', 'desc').limit(HISTORY).execute()).map(toView);
  return { running: items.some((i) => i.status === 'running'), items };
}
