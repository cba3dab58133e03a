// The round trip (issue 15, item 5): the demo clinic and a clinic with a client taken through the
// whole journey (consents, chart, photo, outcomes) are exported, then imported with
// `dermis import-export` into an empty Dermis, one after the other (so the second goes into a
// database with another clinic). Exporting them again from there gives the same rows table by table,
// the same FHIR resources, byte-identical consent PDFs and photos; the audit trail verifies; staff
// sign in after choosing a new password. A changed file, a bad cell and a clinic that is already
// there are refused with exit code 2, naming the file, and nothing is written.
// Runs on PGlite and, with `npm run test:pg`, on PostgreSQL (the import goes into a fresh database).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { freshDatabase, onPostgres } from '../support/test-db.js';
import { seedDemo } from '../../src/services/seed/seed-demo.js';
import { setUpClinic } from '../support/clinic.js';
import { treatClient } from '../support/treated-client.js';
import { writeClinicExport, type ExportManifest } from '../../src/services/export/write-export.js';
import { runCli } from '../../src/main/cli.js';
import { loadEnv } from '../../src/config/env.js';
import { startServer } from '../../src/main/server.js';
import { secretBox } from '../../src/adapters/crypto/secret-box.js';
import { sealAudit } from '../../src/services/audit/seal-audit.js';

const SECRET = 'round-trip-secret-that-is-long-enough-0123456789';
const saved = { ...process.env };
let now = new Date();
let t: TestApp;
let root: string;
let target: Awaited<ReturnType<typeof freshDatabase>> | null = null;
const exported: { slug: string; dir: string; manifest: ExportManifest }[] = [];
let providerEmail: string;

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdin: new PassThrough(), stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } });
  return { code, out: out.join(''), err: err.join('') };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A copy of an export with one CSV cell changed and the manifest made to match (so only the cell is wrong). */
async function withCell(src: string, table: string, column: string, value: string) {
  const dir = await mkdtemp(path.join(root, 'bad-cell-'));
  await cp(src, dir, { recursive: true });
  const file = path.join(dir, 'csv', `${table}.csv`);
  const rows: string[][] = parse(await readFile(file));
  rows[1]![rows[0]!.indexOf(column)] = value;
  const { stringify } = await import('csv-stringify/sync');
  const body = Buffer.from(stringify(rows));
  await writeFile(file, body);
  const m = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as ExportManifest;
  const entry = m.tables.find((x) => x.table === table)!;
  entry.bytes = body.byteLength;
  entry.sha256 = sha(body);
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(m));
  return dir;
}

/** A CSV's rows as sorted lines (the export does not order rows), without the columns named. */
async function tableRows(file: string, without: string[] = []) {
  const [header, ...rows]: string[][] = parse(await readFile(file));
  const keep = header!.map((h, i) => (without.includes(h) ? -1 : i)).filter((i) => i >= 0);
  return rows.map((r) => JSON.stringify(keep.map((i) => r[i]))).sort();
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dermis-round-trip-'));
  t = await createTestApp({ now: () => now });
  const demo = await seedDemo({ db: t.db, identity: t.identity, now: () => now }, { onlyIfEmpty: true });
  providerEmail = demo.signIns.find((s) => s.role === 'provider')!.email;
  const org = await t.factory.org('Round Trip Spa');
  await treatClient(t, org, await setUpClinic(t, org), (d) => (now = d));
  // a running server seals the trail every second; the exports carry a sealed chain
  await sealAudit(t.db, now);
  for (const slug of ['glow', org.slug]) {
    const o = await t.db.selectFrom('organizations').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    const dir = path.join(root, `export-${slug}`);
    exported.push({ slug, dir, manifest: await writeClinicExport({ db: t.db, storage: t.storage, now: () => now }, o.id, dir) });
  }
  // the Dermis the clinics move to: a new data folder, and on PostgreSQL a new, empty database
  // (freshDatabase reads the suite's DATABASE_URL, so it comes before the environment is replaced)
  if (onPostgres()) target = await freshDatabase();
  process.env = { ...saved, DERMIS_DATA_DIR: path.join(root, 'new-dermis'), DERMIS_SECRET: SECRET, DERMIS_LOG_LEVEL: 'silent' };
  delete process.env.DATABASE_URL;
  if (target) process.env.DATABASE_URL = target.url!;
  else if (existsSync(path.join('dist', 'pglite-template', 'PG_VERSION'))) {
    // as a new data folder of the built server starts (src/main/open-database.ts): a copy of the
    // migrated, empty database the build leaves, instead of initdb and every migration in WebAssembly
    await cp(path.join('dist', 'pglite-template'), path.join(root, 'new-dermis', 'pgdata'), { recursive: true });
  }
}, 120_000);

afterAll(async () => {
  process.env = saved;
  await target?.close();
  await t?.close();
});

describe('an export imported into another Dermis', () => {
  it('refuses a changed or incomplete folder, naming the file, and a bad cell naming file, row and column; nothing is written', async () => {
    const [, spa] = exported;
    const tampered = await mkdtemp(path.join(root, 'tampered-'));
    await cp(spa!.dir, tampered, { recursive: true });
    const clients = path.join(tampered, 'csv', 'clients.csv');
    await writeFile(clients, (await readFile(clients, 'utf8')).replace(/,[^,\n]+@example\.com/, ',someone.else@example.com'));
    let r = await cli('import-export', '--from', tampered);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/csv\/clients\.csv .*(SHA-256|bytes)/);
    expect(r.err).toContain('Nothing was imported');

    const photo = spa!.manifest.files.find((f) => f.kind === 'photo')!;
    const { rm } = await import('node:fs/promises');
    await rm(path.join(tampered, photo.url));
    await writeFile(clients, await readFile(path.join(spa!.dir, 'csv', 'clients.csv')));
    r = await cli('import-export', '--from', tampered);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${photo.url} is listed in manifest.json but missing`);

    r = await cli('import-export', '--from', await withCell(spa!.dir, 'bookings', 'starts_at', 'next tuesday'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('csv/bookings.csv, row 1, column "starts_at": "next tuesday" is not a date and time');

    // a row the database refuses (it points at a client that is not there), found inside the batch;
    // it comes after the users, clients and photos were written: all of it is rolled back
    r = await cli('import-export', '--from', await withCell(spa!.dir, 'outcomes', 'client_id', '00000000-0000-4000-8000-000000000000'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/csv\/outcomes\.csv, row 1.*refused the row/);
    const uploads = path.join(process.env.DERMIS_DATA_DIR!, 'uploads');
    const files = await readdir(uploads, { recursive: true }).catch(() => [] as string[]);
    expect(files.filter((f) => /\.(jpe?g|png|webp)$/.test(String(f)))).toEqual([]);
  }, 60_000);

  it('imports the demo clinic into an empty database, then a second clinic beside it, and refuses one that is already there', async () => {
    for (const e of exported) {
      const r = await cli('import-export', '--from', e.dir);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain('chain intact');
    }
    const again = await cli('import-export', '--from', exported[0]!.dir);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already holds the clinic');
    const verify = await cli('audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/glow: \d+ events, chain intact/);
  }, 60_000);

  it('exports again to the same rows, FHIR resources, consent PDFs and photos', async () => {
    const again = path.join(root, 'again');
    expect((await cli('export', '--out', again)).code).toBe(0);
    for (const e of exported) {
      const m2 = JSON.parse(await readFile(path.join(again, e.slug, 'manifest.json'), 'utf8')) as ExportManifest;
      // clients, bookings, charts, consents, photos, outcomes, package balances, invoices, payments: every table
      expect(m2.tables.map((x) => x.table).sort()).toEqual(e.manifest.tables.map((x) => x.table).sort());
      for (const table of e.manifest.tables) {
        if (table.table.startsWith('audit_') || table.table in { jobs: 1, data_exports: 1, webhook_endpoints: 1, webhook_deliveries: 1 }) continue;
        expect(await tableRows(path.join(again, e.slug, table.url)), table.url).toEqual(await tableRows(path.join(e.dir, table.url)));
      }
      // the old trail is all there, unchanged and in order, followed by the import
      const before = await tableRows(path.join(e.dir, 'csv/audit_events.csv'), ['position']);
      const after = await tableRows(path.join(again, e.slug, 'csv/audit_events.csv'), ['position']);
      expect(after).toEqual(expect.arrayContaining(before));
      expect(after.length).toBe(before.length + 1);
      expect(after.some((r) => r.includes('"export.imported"'))).toBe(true);
      // FHIR: the same resources
      expect(m2.output.map((o) => [o.type, o.count])).toEqual(e.manifest.output.map((o) => [o.type, o.count]));
      for (const o of e.manifest.output) {
        const lines = async (base: string) => (await readFile(path.join(base, o.url), 'utf8')).trim().split('\n').sort();
        expect(await lines(path.join(again, e.slug)), o.url).toEqual(await lines(e.dir));
      }
      // consent PDFs and photos, byte for byte
      expect(m2.files.map((f) => [f.url, f.sha256]).sort()).toEqual(e.manifest.files.map((f) => [f.url, f.sha256]).sort());
      expect(m2.error).toEqual([]);
    }
    // and the two clinics between them have rows in every table the round trip is about
    const rowsOf = (table: string) => exported.reduce((n, e) => n + (e.manifest.tables.find((x) => x.table === table)?.rows ?? 0), 0);
    for (const table of ['clients', 'bookings', 'charts', 'chart_lots', 'consents', 'photos', 'outcomes', 'package_purchases', 'package_draws', 'invoices', 'invoice_lines', 'payments', 'memberships']) expect(rowsOf(table), table).toBeGreaterThan(0);
    expect(exported.flatMap((e) => e.manifest.files).filter((f) => f.kind === 'photo').length).toBeGreaterThan(0);
    expect(exported.flatMap((e) => e.manifest.files).filter((f) => f.kind === 'consent').length).toBeGreaterThan(0);
  }, 60_000);

  it('lets the staff choose a new password and sign in', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const url = `http://127.0.0.1:${port}`;
    const s = await startServer(loadEnv({ ...process.env, PORT: String(port), DERMIS_PUBLIC_URL: url, DERMIS_SEED_DEMO: 'never', DERMIS_WORKER: 'off', DERMIS_BACKUP_EVERY_HOURS: '0' }));
    try {
      const post = (p: string, body: unknown, cookie?: string) => fetch(url + p, { method: 'POST', headers: { origin: url, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
      // no password came along
      expect((await post('/api/auth/sign-in/email', { email: providerEmail, password: 'whatever-it-was-1' })).status).toBe(401);
      expect((await post('/api/auth/request-password-reset', { email: providerEmail, redirectTo: '/reset-password' })).status).toBe(200);
      const msg = await s.handle.db.selectFrom('outbox_messages').selectAll().where('to_address', '=', providerEmail).where('kind', '=', 'password_reset').executeTakeFirstOrThrow();
      const token = /token=([^\s&]+)/.exec(secretBox(SECRET).open(msg.secret_sealed!))![1]!;
      expect((await post('/api/auth/reset-password', { newPassword: 'moved-clinic-password-7', token: decodeURIComponent(token) })).status).toBe(200);
      const signIn = await post('/api/auth/sign-in/email', { email: providerEmail, password: 'moved-clinic-password-7' });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const me = (await (await fetch(url + '/api/me', { headers: { cookie } })).json()) as { role: string; organization?: { slug: string } };
      expect(me.role).toBe('provider');
      // the package balances are the clinic's own, on the imported rows
      const purchases = await s.handle.db.selectFrom('package_purchases').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(purchases.n)).toBe(exported[0]!.manifest.tables.find((x) => x.table === 'package_purchases')!.rows + exported[1]!.manifest.tables.find((x) => x.table === 'package_purchases')!.rows);
    } finally {
      await s.stop();
    }
  }, 60_000);
});
