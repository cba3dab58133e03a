// One backup from start to finish, the same for a scheduled run and the owner's "Back up now": a
// row marked running (the database allows one at a time), the archive written, the row finished
// with the outcome, then retention. The row is what the owner sees, so every outcome lands there.
import type { Db } from '../../db/connect.js';
import type { BackupTrigger } from '../../db/schema-backups.js';
import { AppError } from '../errors.js';
import { appendAudit, type AuditActor } from '../audit/record-audit-event.js';
import type { DermisBackups } from './backup-port.js';
import { plainBackupError } from './plain-error.js';
import { applyBackupRetention } from './apply-retention.js';

export interface StartedRun {
  id: string;
  fileName: string;
}

/** Records a running backup; a conflict when one is already running. Call inside the caller's transaction. */
export async function recordBackupStart(trx: Db, port: DermisBackups, trigger: BackupTrigger, requestedBy: string | null, at: Date): Promise<StartedRun> {
  const running = await trx.selectFrom('backup_runs').select('id').where('status', '=', 'running').executeTakeFirst();
  if (running) throw new AppError('conflict', 'a backup is already running; its result appears in the list when it ends');
  const row = await trx
    .insertInto('backup_runs')
    .values({ trigger, requested_by: requestedBy, file_name: port.fileNameFor(at), status: 'running', started_at: at })
    .returning(['id', 'file_name'])
    .executeTakeFirstOrThrow();
  return { id: row.id, fileName: row.file_name };
}

/**
 * Writes the archive and records how it went. Never throws for a failed backup (that is an outcome,
 * shown to the owner); `actor` audits the outcome in the organization of the owner who asked.
 */
export async function completeBackup(db: Db, port: DermisBackups, run: StartedRun, now: () => Date, actor: AuditActor | null): Promise<'succeeded' | 'failed'> {
  let outcome: { status: 'succeeded'; bytes: number; secretIncluded: boolean } | { status: 'failed'; error: string };
  try {
    const r = await port.write(run.fileName);
    outcome = { status: 'succeeded', ...r };
  } catch (err) {
    outcome = { status: 'failed', error: plainBackupError(err) };
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('backup_runs')
      .set(
        outcome.status === 'succeeded'
          ? { status: 'succeeded', finished_at: now(), bytes: outcome.bytes, secret_included: outcome.secretIncluded }
          : { status: 'failed', finished_at: now(), error: outcome.error },
      )
      .where('id', '=', run.id)
      .execute();
    if (actor) {
      const details = outcome.status === 'succeeded' ? { status: 'succeeded', bytes: outcome.bytes, secretIncluded: outcome.secretIncluded } : { status: 'failed' };
      await appendAudit(trx, actor, { action: 'backup.finished', entityType: 'backup_run', entityId: run.id, details }, now());
    }
  });
  if (outcome.status === 'succeeded') await applyBackupRetention(db, port, now);
  return outcome.status;
}
