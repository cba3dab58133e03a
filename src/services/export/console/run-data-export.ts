// The work of one console export, in the background of the server: the export written and packed,
// its progress put on the row as it goes (so the owner's page can show a bar), and the outcome
// recorded and audited. Never throws: a failed export is an outcome the owner reads in the list.
import type { Db } from '../../../db/connect.js';
import { appendAudit, type AuditActor } from '../../audit/record-audit-event.js';
import type { ExportFiles, ExportTarget } from './export-files-port.js';

/** Progress lands on the row at most this often: a clinic with thousands of photos is thousands of steps. */
const PROGRESS_EVERY_MS = 500;

const BY_CODE: Record<string, string> = {
  ENOSPC: 'the disk is full: free some space on the server and start the export again',
  EDQUOT: 'the disk quota is used up: free some space on the server and start the export again',
  EACCES: 'Dermis may not write to its data folder: check its permissions',
  EPERM: 'Dermis may not write to its data folder: check its permissions',
  EROFS: 'the data folder is on a read-only disk',
};

export function plainExportError(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && BY_CODE[code]) return BY_CODE[code];
  const message = err instanceof Error ? err.message : String(err);
  return `the export could not be written (${message.slice(0, 200)})`;
}

export async function completeDataExport(db: Db, files: ExportFiles, target: ExportTarget, now: () => Date, actor: AuditActor): Promise<'ready' | 'failed'> {
  let last = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const progress = (done: number, total: number, step: string) => {
    const at = Date.now();
    // one update at a time, and not more often than every PROGRESS_EVERY_MS
    if (at - last < PROGRESS_EVERY_MS && done < total) return;
    last = at;
    writing = writing.then(() =>
      db
        .updateTable('data_exports')
        .set({ progress_done: done, progress_total: total, progress_step: step, progress_at: now() })
        .where('organization_id', '=', target.organizationId)
        .where('id', '=', target.id)
        .where('status', '=', 'running')
        .execute()
        .catch(() => undefined),
    );
  };

  let outcome: { status: 'ready'; bytes: number; sha256: string } | { status: 'failed'; error: string };
  try {
    outcome = { status: 'ready', ...(await files.write(target, progress)) };
  } catch (err) {
    outcome = { status: 'failed', error: plainExportError(err) };
    await files.remove(target.organizationId, target.id).catch(() => undefined);
  }
  await writing;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('data_exports')
      .set(outcome.status === 'ready' ? { status: 'ready', finished_at: now(), bytes: outcome.bytes, sha256: outcome.sha256 } : { status: 'failed', finished_at: now(), error: outcome.error })
      .where('organization_id', '=', target.organizationId)
      .where('id', '=', target.id)
      .execute();
    const details = outcome.status === 'ready' ? { status: 'ready', bytes: outcome.bytes } : { status: 'failed' };
    await appendAudit(trx, actor, { action: 'export.finished', entityType: 'data_export', entityId: target.id, details }, now());
  });
  return outcome.status;
}
