// The owner's backups through the API: "Back up now" answers 202 and the list shows the backup
// running, then its outcome in plain words; one at a time; retention keeps the newest N; the schedule
// runs when due; PostgreSQL installations are told to use pg_dump. The archive machinery is a fake
// port here (the real one is proven end to end in tests/cli/backup-restore.test.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor } from '../support/factory.js';
import type { DermisBackups } from '../../src/services/backups/backup-port.js';
import { runScheduledBackupIfDue } from '../../src/services/backups/scheduled-backup.js';
import { failInterruptedBackups } from '../../src/services/backups/running-backups.js';

interface Overview {
  managedBy: string;
  schedule: { everyHours: number; keep: number } | null;
  nextRunAt: string | null;
  running: boolean;
  lastSuccess: { fileName: string } | null;
  items: { id: string; status: string; fileName: string; bytes: number | null; error: string | null; removed: boolean; requestedBy: string | null; trigger: string }[];
}

/** A backup port whose writes the test finishes or fails when it chooses. */
function fakePort(keep: number) {
  let n = 0;
  let pending: { resolve: () => void; reject: (e: Error) => void } | null = null;
  const removed: string[] = [];
  const port: DermisBackups = {
    managedBy: 'dermis',
    schedule: { everyHours: 24, keep, directory: '/srv/dermis/backups', secretIncluded: true, notBefore: new Date(Date.now() - 60_000) },
    fileNameFor: () => `dermis-backup-${String(++n).padStart(4, '0')}.tar.gz`,
    write: () =>
      new Promise((resolve, reject) => {
        pending = { resolve: () => resolve({ bytes: 1234, secretIncluded: true }), reject };
      }),
    remove: (name) => {
      removed.push(name);
      return Promise.resolve();
    },
  };
  return {
    port,
    removed,
    /** resolves once the archive is being written */
    async writing() {
      for (let i = 0; i < 200 && !pending; i++) await new Promise((r) => setTimeout(r, 10));
    },
    finish: () => {
      pending?.resolve();
      pending = null;
    },
    fail: (e: Error) => {
      pending?.reject(e);
      pending = null;
    },
  };
}

let t: TestApp;
let owner: Actor;
let fake: ReturnType<typeof fakePort>;

const overview = async () => (await (await t.request('/api/backups', { cookie: owner.cookie })).json()) as Overview;
const backUpNow = () => t.request('/api/backups', { method: 'POST', cookie: owner.cookie });
async function settled() {
  for (let i = 0; i < 100; i++) {
    const o = await overview();
    if (!o.running) return o;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the backup never finished');
}

beforeAll(async () => {
  fake = fakePort(2);
  t = await createTestApp({ backups: fake.port });
  owner = await t.factory.actor(await t.factory.org(), 'owner');
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.deleteFrom('backup_runs').execute();
});

describe('backups in the console', () => {
  it('"Back up now" answers 202, shows the backup running, then its result; audited', async () => {
    expect((await overview()).items).toEqual([]);
    const res = await backUpNow();
    expect(res.status).toBe(202);
    const { run } = (await res.json()) as { run: { id: string; status: string } };
    expect(run.status).toBe('running');
    const during = await overview();
    expect(during.running).toBe(true);
    expect((await backUpNow()).status).toBe(409);
    fake.finish();
    const after = await settled();
    expect(after.items[0]).toMatchObject({ id: run.id, status: 'succeeded', bytes: 1234, error: null, trigger: 'owner', requestedBy: owner.name });
    expect(after.lastSuccess?.fileName).toBe(after.items[0]!.fileName);
    expect(after.schedule).toMatchObject({ everyHours: 24, keep: 2 });
    const actions = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', run.id).orderBy('position').execute();
    expect(actions.map((a) => a.action)).toEqual(['backup.started', 'backup.finished']);
  });

  it('a failed backup is shown with its reason in plain words, and the next one may start', async () => {
    await backUpNow();
    fake.fail(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    const o = await settled();
    expect(o.items[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('the disk is full') as string });
    expect(o.lastSuccess).toBeNull();
    expect((await backUpNow()).status).toBe(202);
    fake.finish();
    await settled();
  });

  it('retention keeps the newest N successful backups and deletes the files of older ones', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await backUpNow()).status).toBe(202);
      fake.finish();
      await settled();
    }
    const o = await overview();
    expect(o.items.map((i) => i.removed)).toEqual([false, false, true]);
    expect(fake.removed.at(-1)).toBe(o.items[2]!.fileName);
  });

  it('the schedule runs a backup when one is due, not again until the interval has passed', async () => {
    const first = runScheduledBackupIfDue(t.db, fake.port, () => new Date());
    await fake.writing();
    fake.finish();
    expect(await first).toBe('succeeded');
    expect(await runScheduledBackupIfDue(t.db, fake.port, () => new Date())).toBeNull();
    const o = await overview();
    expect(o.items[0]).toMatchObject({ trigger: 'schedule', requestedBy: null, status: 'succeeded' });
    const { started_at } = await t.db.selectFrom('backup_runs').select('started_at').executeTakeFirstOrThrow();
    expect(new Date(o.nextRunAt!).getTime() - started_at.getTime()).toBe(24 * 3_600_000);
  });

  it('a backup cut off by a stop is shown as failed when the server starts again', async () => {
    // left running by a server that stopped mid-backup
    await t.db.insertInto('backup_runs').values({ trigger: 'schedule', file_name: 'dermis-backup-cut-off.tar.gz', status: 'running' }).execute();
    expect(await failInterruptedBackups(t.db, new Date())).toBe(1);
    expect((await overview()).items[0]).toMatchObject({ status: 'failed', error: 'the server stopped before the backup finished' });
    expect((await backUpNow()).status).toBe(202);
    fake.finish();
    await settled();
  });
});

describe('backups on a PostgreSQL installation', () => {
  it('are the database server\'s job: the owner is told to use pg_dump', async () => {
    const pg = await createTestApp({ backups: { managedBy: 'postgres' } });
    try {
      const o = await pg.factory.actor(await pg.factory.org(), 'owner');
      const list = (await (await pg.request('/api/backups', { cookie: o.cookie })).json()) as Overview;
      expect(list).toMatchObject({ managedBy: 'postgres', schedule: null, nextRunAt: null });
      const start = await pg.request('/api/backups', { method: 'POST', cookie: o.cookie });
      expect(start.status).toBe(409);
      expect(((await start.json()) as { detail: string }).detail).toContain('pg_dump');
    } finally {
      await pg.close();
    }
  });
});
