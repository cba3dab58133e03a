// The CLI as an operator uses it, on a real embedded database in a temporary data folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { runCli } from '../../src/main/cli.js';
import { connect } from '../../src/db/connect.js';

let dir: string;
const saved = { ...process.env };

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdin: new PassThrough(), stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

async function cli(...args: string[]) {
  const x = io();
  const code = await runCli(args, x.io);
  return { code, out: x.out(), err: x.err() };
}

const pgdata = () => path.join(dir, 'pgdata');

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dermis-cli-'));
  // these commands are about the embedded database, whichever database the suite runs on
  delete process.env.DATABASE_URL;
  process.env.DERMIS_DATA_DIR = dir;
  process.env.DERMIS_SECRET = 'cli-test-secret-0123456789abcdef0123456789';
});
afterAll(async () => {
  process.env = saved;
  await rm(dir, { recursive: true, force: true });
});

describe('dermis CLI', () => {
  it('migrate, then seed --demo creates the demo MedSpa once', async () => {
    expect((await cli('migrate')).code).toBe(0);
    expect((await cli('migrate')).out).toContain('up to date');
    const seeded = await cli('seed', '--demo');
    expect(seeded.code).toBe(0);
    expect(seeded.out).toContain('owner@glow.example.com');
    expect((await cli('seed', '--demo')).out).toContain('not seeded');
    // the demo carries six months of history: allow for a busy machine
  }, 120_000);

  it('export writes the demo clinic into a new folder, and refuses bad usage with exit 2', async () => {
    const out = path.join(dir, 'export-glow');
    const r = await cli('export', '--out', out, '--clinic', 'glow');
    expect(r, r.err).toMatchObject({ code: 0 });
    expect(r.out).toMatch(/Glow .*: \d+ FHIR resources, \d+ tables, \d+ files written to /);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { organization: { slug: string }; output: { type: string; count: number }[] };
    expect(manifest.organization.slug).toBe('glow');
    expect(manifest.output.find((o) => o.type === 'Patient')!.count).toBeGreaterThan(10);
    expect(await readdir(out)).toEqual(expect.arrayContaining(['fhir', 'csv', 'manifest.json']));
    // never over an earlier export; an unknown clinic and a missing --out are usage errors
    const again = await cli('export', '--out', out, '--clinic', 'glow');
    expect(again.code).toBe(2);
    expect(again.err).toContain('is not empty');
    const unknown = await cli('export', '--out', path.join(dir, 'x'), '--clinic', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('the clinics are: glow');
    const noOut = await cli('export', '--clinic', 'glow');
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('--out DIR');
    // the export is in the clinic's audit trail
    const h = await connect({ dataDir: pgdata() });
    const events = await h.db.selectFrom('audit_events').select('action').where('action', '=', 'export.command').execute();
    await h.close();
    expect(events).toHaveLength(1);
  }, 120_000);

  it('audit verify reports events waiting for the sealer, passes on an intact chain and fails (exit 1) on a tampered one', async () => {
    // the demo was seeded without a server running: its events wait for the sealer
    const waiting = await cli('audit', 'verify');
    expect(waiting).toMatchObject({ code: 0 });
    expect(waiting.out).toMatch(/glow: 0 events, chain intact; \d+ not yet sealed, the oldest \d+ s old/);
    expect((await cli('audit', 'seal')).out).toMatch(/^\d+ events sealed/);
    const sealed = await cli('audit', 'verify');
    expect(sealed).toMatchObject({ code: 0 });
    expect(sealed.out).not.toContain('not yet sealed');
    const h = await connect({ dataDir: pgdata() });
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(h.db);
    await sql`update audit_events set action = 'edited' where seq = 1`.execute(h.db);
    await sql`alter table audit_events enable trigger audit_events_no_change`.execute(h.db);
    await h.close();
    const r = await cli('audit', 'verify');
    expect(r.code).toBe(1);
    expect(r.out).toContain('TAMPERED');
  });

  it('backup and restore round-trip the embedded database, keeping the replaced one aside', async () => {
    const file = path.join(dir, 'backup.tar.gz');
    const before = await connect({ dataDir: pgdata() });
    const clients = await before.db.selectFrom('clients').select(['id', 'last_name']).orderBy('id').execute();
    await before.close();
    expect((await cli('backup', file)).code).toBe(0);

    // change the live database after the backup
    const h = await connect({ dataDir: pgdata() });
    // (renamed rather than deleted: the demo's clients have visits, invoices and charts)
    await h.db.updateTable('clients').set({ last_name: 'Changed' }).where('user_id', 'is', null).execute();
    await h.close();

    const r = await cli('restore', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('previous database is kept');
    const after = await connect({ dataDir: pgdata() });
    expect(await after.db.selectFrom('clients').select(['id', 'last_name']).orderBy('id').execute()).toEqual(clients);
    await after.close();
    expect((await readdir(dir)).some((n) => n.startsWith('pgdata.before-restore-'))).toBe(true);
  });

  it('invalid usage exits 2 with a message on stderr', async () => {
    expect(await cli('frobnicate')).toMatchObject({ code: 2 });
    expect((await cli('frobnicate')).err).toContain('unknown command');
    expect((await cli('backup')).code).toBe(2);
    expect((await cli('restore', path.join(dir, 'missing.tar.gz'))).code).toBe(1);
  });

  it('the dermis bin answers help and refuses a bad configuration with exit 2', () => {
    const bin = path.resolve('bin/dermis.js');
    expect(spawnSync(process.execPath, [bin, 'help'], { encoding: 'utf8' }).status).toBe(0);
    const bad = spawnSync(process.execPath, [bin, 'migrate'], { encoding: 'utf8', env: { ...process.env, PORT: 'x' } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('PORT');
  });
});
