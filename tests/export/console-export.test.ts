// The owner's full export from the console, through HTTP and the real export files on disk: start,
// follow the progress until ready, download one gzipped tar whose manifest matches its files; one
// at a time per clinic; nobody else (other roles, another clinic's owner) sees or downloads it;
// every start and download is audited; an expired export's archive is deleted.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import { treatClient } from '../support/treated-client.js';
import { serverExportFiles } from '../../src/main/export/server-exports.js';
import type { ExportManifest } from '../../src/services/export/write-export.js';
import { failInterruptedExports } from '../../src/services/export/console/expire-data-exports.js';

interface Item {
  id: string;
  status: string;
  requestedBy: string | null;
  progress: { done: number; total: number; step: string };
  bytes: number | null;
  sha256: string | null;
  error: string | null;
  expiresAt: string;
  createdAt: string;
  fileName: string;
}

let now = new Date();
let t: TestApp;
let root: string;
let org: Org;
let clinic: Clinic;
let director: Actor;
let otherOwner: Actor;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dermis-exports-'));
  t = await createTestApp({ now: () => now, exports: ({ db, storage }) => serverExportFiles({ root, db, storage, now: () => now }) });
  org = await t.factory.org('Console Export Spa');
  clinic = await setUpClinic(t, org);
  // consents (PDFs) and a photo, so the archive holds files as well as records
  await treatClient(t, org, clinic, (d) => (now = d));
  director = await t.factory.actor(org, 'medical_director');
  otherOwner = await t.factory.actor(await t.factory.org('Other Spa'), 'owner');
}, 120_000);
afterAll(() => t.close());

const list = async (who: Actor = clinic.owner) => {
  const res = await t.request('/api/exports', { cookie: who.cookie });
  expect(res.status).toBe(200);
  return (await res.json()) as { running: boolean; items: Item[] };
};
const start = (who: Actor = clinic.owner) => t.request('/api/exports', { method: 'POST', cookie: who.cookie });
const download = (id: string, who: Actor = clinic.owner) => t.request(`/api/exports/${id}/download`, { cookie: who.cookie });

async function untilSettled(id: string, who: Actor = clinic.owner): Promise<{ item: Item }> {
  for (let i = 0; i < 600; i++) {
    const item = (await list(who)).items.find((x) => x.id === id)!;
    if (item.status !== 'running') return { item };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the export never finished');
}

/** Every file of a .tar.gz, by entry name. */
async function unpack(body: ArrayBuffer): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: unknown) => chunks.push(c as Buffer));
    stream.on('end', () => {
      out.set(header.name, Buffer.concat(chunks));
      next();
    });
  });
  await pipeline(Readable.from(Buffer.from(body)), createGunzip(), extract);
  return out;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const auditActions = async (id: string) => (await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', id).orderBy('position').execute()).map((a) => a.action);

let ready: Item;

describe('the export in the console', () => {
  it('starts with an empty list, runs in the background with progress, and becomes a download', async () => {
    expect(await list()).toEqual({ running: false, items: [] });
    const res = await start();
    expect(res.status).toBe(202);
    const started = ((await res.json()) as { export: Item }).export;
    expect(started).toMatchObject({ status: 'running', requestedBy: clinic.owner.name, bytes: null });
    expect(Date.parse(started.expiresAt) - Date.parse(started.createdAt)).toBe(7 * 86_400_000);
    const { item } = await untilSettled(started.id);
    expect(item).toMatchObject({ status: 'ready', error: null });
    expect(item.bytes).toBeGreaterThan(1000);
    expect(item.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(item.progress.done).toBe(item.progress.total);
    expect(item.fileName).toBe(`dermis-export-${org.slug}-${item.createdAt.slice(0, 10)}.tar.gz`);
    // the archive sits in the clinic's own folder, readable by the server's user only; the work folder is gone
    expect(await readdir(path.join(root, org.id))).toEqual([`${item.id}.tar.gz`]);
    expect((await stat(path.join(root, org.id, `${item.id}.tar.gz`))).mode & 0o777).toBe(0o600);
    ready = item;
  });

  it('downloads one gzipped tar whose manifest lists every file with its checksum', async () => {
    const res = await download(ready.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/gzip');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${ready.fileName}"`);
    const body = await res.arrayBuffer();
    expect(body.byteLength).toBe(ready.bytes);
    expect(sha256(new Uint8Array(body))).toBe(ready.sha256);
    const entries = await unpack(body);
    const folder = ready.fileName.replace(/\.tar\.gz$/, '');
    // everything under one folder: unpacking does not spill files into the current folder
    expect([...entries.keys()].filter((n) => !n.startsWith(`${folder}/`))).toEqual([]);
    const manifest = JSON.parse(entries.get(`${folder}/manifest.json`)!.toString('utf8')) as ExportManifest;
    expect(manifest).toMatchObject({ format: 'dermis-export', organization: { id: org.id, slug: org.slug } });
    expect(manifest.output.map((o) => o.type)).toEqual(expect.arrayContaining(['Patient', 'Consent', 'Media', 'Appointment']));
    expect(manifest.files.filter((f) => f.kind === 'consent').length).toBe(2);
    expect(manifest.files.filter((f) => f.kind === 'photo').length).toBe(1);
    expect(manifest.tables.map((x) => x.table)).toContain('clients');
    const listed = [...manifest.output, ...manifest.tables, ...manifest.files];
    for (const f of listed) expect(sha256(entries.get(`${folder}/${f.url}`) ?? Buffer.alloc(0)), f.url).toBe(f.sha256);
    expect(entries.size).toBe(listed.length + 1);
    expect(await auditActions(ready.id)).toEqual(['export.started', 'export.finished', 'export.downloaded']);
  });

  it('runs one export at a time per clinic: a second start is refused with a plain message', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const refused = (await (a.status === 409 ? a : b).json()) as { detail: string };
    expect(refused.detail).toMatch(/already running/);
    const id = ((await (a.status === 202 ? a : b).json()) as { export: Item }).export.id;
    expect((await list()).running).toBe(true);
    // not downloadable until ready
    expect((await download(id)).status).toBe(409);
    expect((await untilSettled(id)).item.status).toBe('ready');
    // another clinic is not held up by this one
    const other = await start(otherOwner);
    expect(other.status).toBe(202);
    const otherId = ((await other.json()) as { export: Item }).export.id;
    expect((await untilSettled(otherId, otherOwner)).item.status).toBe('ready');
  });

  it('is the owner’s alone: other roles are refused, another clinic sees and downloads nothing', async () => {
    for (const who of [clinic.frontDesk, clinic.provider, director]) {
      expect((await t.request('/api/exports', { cookie: who.cookie })).status).toBe(403);
      expect((await start(who)).status).toBe(403);
      expect((await download(ready.id, who)).status).toBe(403);
    }
    const theirs = (await list(otherOwner)).items;
    expect(theirs).toHaveLength(1);
    expect(theirs[0]!.id).not.toBe(ready.id);
    expect((await download(ready.id, otherOwner)).status).toBe(404);
    // and the other clinic's own export lives in a folder of its own
    const folders = await readdir(root);
    expect(folders).toHaveLength(2);
    expect(await readdir(path.join(root, folders.find((f) => f !== org.id)!))).toEqual([`${theirs[0]!.id}.tar.gz`]);
  });

  it('deletes the archive when the export expires, and says so instead of downloading', async () => {
    await t.db.updateTable('data_exports').set({ expires_at: new Date(now.getTime() - 1000) }).where('id', '=', ready.id).execute();
    const item = (await list()).items.find((i) => i.id === ready.id)!;
    expect(item.status).toBe('expired');
    expect(await readdir(path.join(root, org.id))).not.toContain(`${ready.id}.tar.gz`);
    const res = await download(ready.id);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/expired/);
  });

  it('marks an export cut off by a server stop as failed, so the clinic can start another', async () => {
    const files = serverExportFiles({ root, db: t.db, storage: t.storage, now: () => now });
    const cut = async (progressAt: Date) =>
      (await t.db.insertInto('data_exports').values({ organization_id: org.id, status: 'running', progress_at: progressAt, expires_at: new Date(now.getTime() + 86_400_000) }).returning('id').executeTakeFirstOrThrow()).id;
    // at the start of a server with the embedded database, every running export was cut off
    const a = await cut(now);
    await failInterruptedExports(t.db, files, now);
    // on PostgreSQL another process may run one: only an export silent for half an hour is given up
    const b = await cut(new Date(now.getTime() - 31 * 60_000));
    const items = (await list()).items;
    for (const id of [a, b]) {
      const item = items.find((i) => i.id === id)!;
      expect(item.status).toBe('failed');
      expect(item.error).toMatch(/server stopped/);
    }
    const c = await cut(new Date(now.getTime() - 60_000));
    expect((await list()).running).toBe(true);
    expect((await start()).status).toBe(409);
    await t.db.deleteFrom('data_exports').where('id', '=', c).execute();
  });
});
