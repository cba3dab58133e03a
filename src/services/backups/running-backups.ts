// The running backup across a server's life. At start, one still marked running was cut off by a
// stop or crash (its file never got its final name): the owner sees it as failed and the next may
// start. At stop, one in progress is let finish, so its outcome is recorded before the database closes.
import type { Db } from '../../db/connect.js';

export async function failInterruptedBackups(db: Db, now: Date): Promise<number> {
  const r = await db
    .updateTable('backup_runs')
    .set({ status: 'failed', finished_at: now, error: 'the server stopped before the backup finished' })
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function waitForRunningBackup(db: Db, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const running = await db.selectFrom('backup_runs').select('id').where('status', '=', 'running').executeTakeFirst();
    if (!running) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}
