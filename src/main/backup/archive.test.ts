// The archive format on its own: round trip, the sealed secret, and archives a restore must refuse
// (wrong passphrase, truncated file, a name that would land outside the uploads folder).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { writeArchive } from './write-archive.js';
import { BadArchiveError, readArchive } from './read-archive.js';
import { openSecret, sealSecret, WrongPassphraseError } from './secret-box.js';
import { ENTRY } from './archive-format.js';

let dir: string;
const database = new TextEncoder().encode('not really a database, only bytes to carry');

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dermis-archive-'));
  await mkdir(path.join(dir, 'uploads', 'org', 'photos'), { recursive: true });
  await writeFile(path.join(dir, 'uploads', 'org', 'photos', 'a.jpg'), Buffer.from([1, 2, 3]));
  await writeFile(path.join(dir, 'uploads', 'org', 'photos', 'b.jpg.123.tmp'), 'unfinished upload');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('backup archive', () => {
  it('round-trips database, photos and the sealed secret; unfinished uploads stay out', async () => {
    const file = path.join(dir, 'out', 'a.tar.gz');
    const r = await writeArchive(file, { database, uploadsDir: path.join(dir, 'uploads'), secret: { value: 's3cret', source: 'file' }, passphrase: 'twelve chars or more', now: new Date('2026-11-30T10:00:00Z') });
    expect(r.manifest).toMatchObject({ formatVersion: 1, uploads: { files: 1, bytes: 3 }, secret: { included: true, source: 'file' }, database: { bytes: database.length } });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const back = await readArchive(file, path.join(dir, 'staged'));
    if (back.kind !== 'dermis') throw new Error('expected a Dermis archive');
    expect(new Uint8Array(back.database)).toEqual(database);
    expect(await readFile(path.join(dir, 'staged', 'org', 'photos', 'a.jpg'))).toEqual(Buffer.from([1, 2, 3]));
    expect(await openSecret(back.sealedSecret!, 'twelve chars or more')).toBe('s3cret');
    await expect(openSecret(back.sealedSecret!, 'twelve chars or less')).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('leaves the secret out without a passphrase', async () => {
    const r = await writeArchive(path.join(dir, 'b.tar.gz'), { database, uploadsDir: path.join(dir, 'none'), secret: { value: 's3cret', source: 'file' }, passphrase: null, now: new Date() });
    expect(r.manifest.secret).toEqual({ included: false, source: null });
    expect(r.manifest.uploads).toEqual({ files: 0, bytes: 0 });
    expect((await readFile(path.join(dir, 'b.tar.gz'))).includes(Buffer.from('s3cret'))).toBe(false);
  });

  it('a sealed secret with a shortened tag is refused', async () => {
    const sealed = await sealSecret('s3cret', 'twelve chars or more');
    await expect(openSecret({ ...sealed, tag: sealed.tag.slice(0, 8) }, 'twelve chars or more')).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('a truncated archive is refused', async () => {
    const file = path.join(dir, 'c.tar.gz');
    await writeArchive(file, { database: new Uint8Array(200_000).map((_, i) => (i * 7919) % 251), uploadsDir: path.join(dir, 'uploads'), secret: null, passphrase: null, now: new Date() });
    await truncate(file, (await stat(file)).size - 4000);
    await expect(readArchive(file, path.join(dir, 'staged-c'))).rejects.toBeInstanceOf(BadArchiveError);
  });

  it('a photo name that climbs out of the uploads folder is refused', async () => {
    const file = path.join(dir, 'evil.tar.gz');
    const pack = tar.pack();
    const done = pipeline(pack, createGzip(), createWriteStream(file));
    const manifest = { format: 'dermis-backup', formatVersion: 1, createdAt: '', dermisVersion: '0', database: { kind: 'pglite', bytes: 1 }, uploads: { files: 1, bytes: 1 }, secret: { included: false, source: null } };
    pack.entry({ name: ENTRY.manifest }, JSON.stringify(manifest));
    pack.entry({ name: 'uploads/../../escaped.txt' }, 'x');
    pack.finalize();
    await done;
    await expect(readArchive(file, path.join(dir, 'staged-evil'))).rejects.toThrow(/unexpected file name/);
    await expect(stat(path.join(dir, 'escaped.txt'))).rejects.toThrow();
  });
});
