// Exports do not pile up: an archive is deleted when it expires (7 days), and an export that stopped
// making progress (its server stopped mid-way) is marked failed so the clinic may start another.
// Run when the owner opens the list or starts one, and for every clinic when the server starts.
import type { Db } from '../../../db/connect.js';
import type { ExportFiles } from './export-files-port.js';

/** A running export reports progress at least this often; one silent for longer was cut off. */
const STALLED_MS = 30 * 60_000;

export async function expireDataExports(db: Db, files: ExportFiles, now: Date, organizationId: string | null): Promise<void> {
  const stalled = await db
    .updateTable('data_exports')
    .set({ status: 'failed', finished_at: now, error: 'the server stopped before the export finished; start a new one' })
    .where('status', '=', 'running')
    .where('progress_at', '<', new Date(now.getTime() - STALLED_MS))
    .$if(organizationId !== null, (q) => q.where('organization_id', '=', organizationId!))
    .returning(['organization_id', 'id'])
    .execute();
  for (const r of stalled) await files.remove(r.organization_id, r.id);
  const expired = await db
    .selectFrom('data_exports')
    .select(['organization_id', 'id'])
    .where('status', '=', 'ready')
    .where('expires_at', '<=', now)
    .$if(organizationId !== null, (q) => q.where('organization_id', '=', organizationId!))
    .execute();
  for (const r of expired) {
    // the file first: a row marked expired never points at an archive still on disk
    await files.remove(r.organization_id, r.id);
    await db.updateTable('data_exports').set({ status: 'expired' }).where('organization_id', '=', r.organization_id).where('id', '=', r.id).execute();
  }
}

/**
 * At the start of a server with the embedded database, which no other process uses (the server
 * lock): an export still marked running was cut off by a stop or crash.
 */
export async function failInterruptedExports(db: Db, files: ExportFiles, now: Date): Promise<void> {
  const cut = await db
    .updateTable('data_exports')
    .set({ status: 'failed', finished_at: now, error: 'the server stopped before the export finished; start a new one' })
    .where('status', '=', 'running')
    .returning(['organization_id', 'id'])
    .execute();
  for (const r of cut) await files.remove(r.organization_id, r.id);
}
