// Backups as a clinic lives them (issue 10, finding 4): a clinic with a clinical photo and a staff
// member enrolled in two-factor sign-in is backed up by its running server ("Back up now") and by
// the CLI with the server stopped; each backup is restored into an empty folder on a "new machine",
// a server starts on it, the photo opens with the same bytes and the original authenticator app
// still signs in. Always on the embedded database, whichever database the suite runs on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { PassThrough } from 'node:stream';
import sharp from 'sharp';
import { loadEnv } from '../../src/config/env.js';
import { startServer } from '../../src/main/server.js';
import { runCli } from '../../src/main/cli.js';
import { openPglite } from '../../src/db/connect.js';
import { makeFactory, PASSWORD } from '../support/factory.js';
import { totpFromUri } from '../support/totp.js';

const PASSPHRASE = 'correct horse battery staple';
const saved = { ...process.env };
let root: string;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdin: new PassThrough(), stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } });
  return { code, out: out.join(''), err: err.join('') };
}

/** A server on dataDir, started the way `npm start` starts one, and a browser-like fetch against it. */
async function serve(dataDir: string, extra: Record<string, string> = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = loadEnv({ DERMIS_DATA_DIR: dataDir, PORT: String(port), DERMIS_PUBLIC_URL: url, DERMIS_SEED_DEMO: 'never', DERMIS_LOG_LEVEL: 'silent', DERMIS_WORKER: 'off', DERMIS_BACKUP_EVERY_HOURS: '0', ...extra });
  const s = await startServer(env);
  const request = (p: string, init: { method?: string; cookie?: string; body?: unknown; bytes?: Buffer } = {}) =>
    fetch(url + p, {
      method: init.method ?? (init.body !== undefined || init.bytes ? 'POST' : 'GET'),
      headers: { origin: url, ...(init.cookie ? { cookie: init.cookie } : {}), ...(init.bytes ? { 'content-type': 'image/jpeg' } : init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(init.bytes ? { body: new Uint8Array(init.bytes) } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  return { s, env, request };
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

/** Signs in with password and, when asked for it, the current code of the authenticator app. */
async function signInWithTotp(request: Awaited<ReturnType<typeof serve>>['request'], email: string, totpUri: string) {
  const first = await request('/api/auth/sign-in/email', { body: { email, password: PASSWORD } });
  expect(first.status).toBe(200);
  expect(((await first.json()) as { twoFactorRedirect?: boolean }).twoFactorRedirect).toBe(true);
  const second = await request('/api/auth/two-factor/verify-totp', { cookie: cookiesOf(first), body: { code: await totpFromUri(totpUri) } });
  return { status: second.status, cookie: cookiesOf(second) };
}

interface Seeded {
  providerEmail: string;
  totpUri: string;
  ownerCookie: string;
  photoUrl: string;
  photoBytes: Buffer;
  secret: string;
}

let source: string;
let seeded: Seeded;
let serverBackup: string;

/** A clinic: an owner, a provider enrolled in TOTP, a client who consented to photos, one photo. */
async function seedClinic(app: Awaited<ReturnType<typeof serve>>): Promise<Seeded> {
  const { request } = app;
  const signIn = async (email: string, password: string) => {
    const res = await request('/api/auth/sign-in/email', { body: { email, password } });
    expect(res.status).toBe(200);
    return cookiesOf(res);
  };
  const factory = makeFactory({ db: app.s.handle.db, identity: app.s.identity, signIn, request });
  const org = await factory.org('Backed Up Spa');
  const owner = await factory.actor(org, 'owner');
  const provider = await factory.actor(org, 'provider');
  const client = await factory.actor(org, 'client');
  const png = await sharp({ create: { width: 60, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } }).png().toBuffer();
  const preview = (await (await request(`/api/clients/${client.clientId}/consents/preview?kind=photo_clinical`, { cookie: client.cookie })).json()) as { documentHash: string; clientName: string };
  const consent = await request(`/api/clients/${client.clientId}/consents`, {
    cookie: client.cookie,
    body: { kind: 'photo_clinical', signedName: preview.clientName, signaturePng: `data:image/png;base64,${png.toString('base64')}`, documentHash: preview.documentHash, agree: true },
  });
  expect(consent.status).toBe(201);
  const face = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 210, g: 160, b: 150 } } }).jpeg().toBuffer();
  const upload = await request(`/api/clients/${client.clientId}/photos?view=front&stage=before`, { cookie: provider.cookie, bytes: face });
  expect(upload.status).toBe(201);
  const photo = (await upload.json()) as { url: string };
  const photoBytes = Buffer.from(await (await request(photo.url, { cookie: provider.cookie })).arrayBuffer());
  expect(photoBytes.length).toBeGreaterThan(100);

  const enable = await request('/api/auth/two-factor/enable', { cookie: provider.cookie, body: { password: PASSWORD } });
  expect(enable.status).toBe(200);
  const { totpURI } = (await enable.json()) as { totpURI: string };
  const verify = await request('/api/auth/two-factor/verify-totp', { cookie: provider.cookie, body: { code: await totpFromUri(totpURI) } });
  expect(verify.status).toBe(200);
  const secret = (await readFile(path.join(app.env.dataDir, 'secret'), 'utf8')).trim();
  return { providerEmail: provider.email, totpUri: totpURI, ownerCookie: owner.cookie, photoUrl: photo.url, photoBytes, secret };
}

/** Starts a server on a restored folder and proves the clinic is whole: the photo and two-factor sign-in. */
async function provesRestored(dataDir: string) {
  expect((await readFile(path.join(dataDir, 'secret'), 'utf8')).trim()).toBe(seeded.secret);
  const app = await serve(dataDir);
  try {
    const signedIn = await signInWithTotp(app.request, seeded.providerEmail, seeded.totpUri);
    expect(signedIn.status).toBe(200);
    const image = await app.request(seeded.photoUrl, { cookie: signedIn.cookie });
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer()).equals(seeded.photoBytes)).toBe(true);
  } finally {
    await app.s.stop();
  }
}

const exists = (p: string) => stat(p).then(() => true, () => false);

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dermis-backup-'));
  delete process.env.DATABASE_URL;
  delete process.env.DERMIS_SECRET;
  delete process.env.DERMIS_BACKUP_PASSPHRASE;
  source = path.join(root, 'clinic');
  const app = await serve(source, { DERMIS_BACKUP_PASSPHRASE: PASSPHRASE });
  try {
    seeded = await seedClinic(app);
    // "Back up now" in the console: answered at once, the list shows the result when it is done
    const started = await app.request('/api/backups', { method: 'POST', cookie: seeded.ownerCookie });
    expect(started.status).toBe(202);
    let list: { running: boolean; items: { status: string; fileName: string; secretIncluded: boolean; error: string | null }[]; lastSuccess: unknown };
    do {
      await new Promise((r) => setTimeout(r, 100));
      list = (await (await app.request('/api/backups', { cookie: seeded.ownerCookie })).json()) as typeof list;
    } while (list.running);
    expect(list.items[0]).toMatchObject({ status: 'succeeded', secretIncluded: true, error: null });
    serverBackup = path.join(app.env.backupDir, list.items[0]!.fileName);
    expect(await exists(serverBackup)).toBe(true);
  } finally {
    await app.s.stop();
  }
}, 120_000);

afterAll(async () => {
  process.env = saved;
  await rm(root, { recursive: true, force: true });
});

describe('backup and restore of a whole clinic', () => {
  it("the running server's backup restores into an empty folder on a new machine: photo and two-factor sign-in work", async () => {
    const passFile = path.join(root, 'passphrase.txt');
    await writeFile(passFile, PASSPHRASE + '\n');
    const target = path.join(root, 'new-machine', 'srv', 'data');
    process.env.DERMIS_DATA_DIR = target;
    const r = await cli('restore', serverBackup, '--passphrase-file', passFile);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 photo files and the secret');
    await provesRestored(target);
  });

  it('the CLI backs up a stopped server and says plainly when the secret is left out', async () => {
    process.env.DERMIS_DATA_DIR = source;
    const without = await cli('backup', path.join(root, 'no-secret.tar.gz'));
    expect(without.code).toBe(0);
    expect(without.out).toContain('the secret is NOT in this backup');
    expect(without.out).toContain('docs/runbooks/backup-and-restore.md');

    process.env.DERMIS_BACKUP_PASSPHRASE = PASSPHRASE;
    const file = path.join(root, 'cli.tar.gz');
    const made = await cli('backup', file);
    expect(made.code).toBe(0);
    expect(made.out).toContain('the secret sealed with the passphrase');

    const target = path.join(root, 'restored-from-cli');
    process.env.DERMIS_DATA_DIR = target;
    const r = await cli('restore', file);
    expect(r.code).toBe(0);
    delete process.env.DERMIS_BACKUP_PASSPHRASE;
    await provesRestored(target);
  });

  it('a wrong passphrase exits 2 and changes nothing, not even the folder it would have made', async () => {
    const passFile = path.join(root, 'wrong.txt');
    await writeFile(passFile, 'not the right passphrase');
    const target = path.join(root, 'wrong', 'data');
    process.env.DERMIS_DATA_DIR = target;
    const r = await cli('restore', serverBackup, '--passphrase-file', passFile);
    expect(r.code).toBe(2);
    expect(r.err).toContain('passphrase does not open the secret');
    expect(r.err).toContain('nothing was changed');
    expect(await exists(path.join(root, 'wrong'))).toBe(false);

    // into an existing folder: what is there stays exactly as it was
    process.env.DERMIS_DATA_DIR = source;
    const before = (await readdir(source)).sort();
    expect((await cli('restore', serverBackup, '--passphrase-file', passFile)).code).toBe(2);
    expect((await readdir(source)).sort()).toEqual(before);
    // and without any passphrase the restore asks for one rather than dropping the secret silently
    const none = await cli('restore', serverBackup);
    expect(none.code).toBe(2);
    expect(none.err).toContain('--without-secret');
  });

  it('with a server running, `dermis backup` points to the console and the schedule (exit 1)', async () => {
    const busy = path.join(root, 'busy');
    await rm(busy, { recursive: true, force: true });
    await mkdir(busy, { recursive: true });
    // another live process holds the server lock (the test runner's parent stands in for the server)
    await writeFile(path.join(busy, 'server.pid'), String(process.ppid));
    process.env.DERMIS_DATA_DIR = busy;
    const r = await cli('backup', path.join(root, 'busy.tar.gz'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('Back up now');
    expect(r.err).toContain('Settings > Backups');
  });

  it('an older backup (a plain PGlite dump) still restores, as the database only', async () => {
    const pglite = await openPglite(path.join(source, 'pgdata'));
    const dump = await pglite.dumpDataDir('gzip');
    await pglite.close();
    const file = path.join(root, 'legacy.tar.gz');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    const target = path.join(root, 'legacy-restore');
    process.env.DERMIS_DATA_DIR = target;
    const r = await cli('restore', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('an older backup');
    const check = await openPglite(path.join(target, 'pgdata'));
    expect((await check.query<{ n: number }>("select count(*)::int as n from organizations where name = 'Backed Up Spa'")).rows[0]!.n).toBe(1);
    await check.close();
  });
});
