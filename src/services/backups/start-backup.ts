// The owner's "Back up now": answered at once (the archive takes a while), the list shows the
// outcome. Audited when asked and when finished, in the owner's organization.
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { actorOf, recordAudit } from '../audit/record-audit-event.js';
import type { BackupPort } from './backup-port.js';
import { completeBackup, recordBackupStart } from './run-backup.js';
import { selectRuns, toView, type BackupRunView } from './backup-view.js';

export function backupsUnavailable(port: BackupPort | null): never {
  if (port?.managedBy === 'postgres') {
    throw new AppError('conflict', 'this server uses a PostgreSQL database: back it up with pg_dump, and copy the uploads folder and the secret beside it (see the backup runbook)');
  }
  throw new AppError('conflict', 'backups are not set up on this server');
}

export async function startBackup(ctx: Ctx, port: BackupPort | null): Promise<{ run: BackupRunView; done: Promise<unknown> }> {
  if (port?.managedBy !== 'dermis') backupsUnavailable(port);
  const started = await ctx.db.transaction().execute(async (trx) => {
    const run = await recordBackupStart(trx, port, 'owner', ctx.principal.userId, ctx.now());
    await recordAudit(trx, ctx, { action: 'backup.started', entityType: 'backup_run', entityId: run.id });
    return run;
  });
  // the outcome is recorded on the row; a failure to record it must not become an unhandled rejection
  const done = completeBackup(ctx.db, port, started, ctx.now, actorOf(ctx)).catch(() => undefined);
  const row = await selectRuns(ctx.db).where('b.id', '=', started.id).executeTakeFirstOrThrow();
  return { run: toView(row), done };
}
