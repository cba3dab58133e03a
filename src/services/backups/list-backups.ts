// The owner's view of backups: who makes them, the schedule, the next run and the recent history.
import type { Ctx } from '../context.js';
import type { BackupPort } from './backup-port.js';
import { nextScheduledBackup } from './scheduled-backup.js';
import { selectRuns, toView, type BackupRunView } from './backup-view.js';

export interface BackupOverview {
  /** dermis: this server makes backups; postgres: the database server's tools do; none: not set up */
  managedBy: 'dermis' | 'postgres' | 'none';
  schedule: { everyHours: number; keep: number; directory: string; secretIncluded: boolean } | null;
  nextRunAt: string | null;
  running: boolean;
  lastSuccess: BackupRunView | null;
  items: BackupRunView[];
}

const HISTORY = 30;

export async function listBackups(ctx: Ctx, port: BackupPort | null): Promise<BackupOverview> {
  const items = (await selectRuns(ctx.db).orderBy('b.started_at', 'desc').limit(HISTORY).execute()).map(toView);
  const last = await selectRuns(ctx.db).where('b.status', '=', 'succeeded').orderBy('b.started_at', 'desc').limit(1).executeTakeFirst();
  const base = { running: items.some((i) => i.status === 'running'), lastSuccess: last ? toView(last) : null, items };
  if (port?.managedBy !== 'dermis') return { managedBy: port ? 'postgres' : 'none', schedule: null, nextRunAt: null, ...base };
  const { everyHours, keep, directory, secretIncluded } = port.schedule;
  const next = await nextScheduledBackup(ctx.db, port);
  return { managedBy: 'dermis', schedule: { everyHours, keep, directory, secretIncluded }, nextRunAt: next ? next.toISOString() : null, ...base };
}
