// Writes one backup archive (archive-format.ts). The file appears under its final name only once it
// is complete: it is written beside it first and renamed, so a crash never leaves a half archive
// that looks like a backup. Archives hold health data: readable by the server's user only.
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { DERMIS_VERSION, ENTRY, FORMAT_VERSION, type Manifest } from './archive-format.js';
import { sealSecret } from './secret-box.js';

export interface SecretToKeep {
  value: string;
  source: 'file' | 'environment';
}

export interface ArchiveInput {
  /** PGlite's dumpDataDir('none') */
  database: Uint8Array;
  /** DERMIS_DATA_DIR/uploads; a missing folder means no photos yet */
  uploadsDir: string;
  secret: SecretToKeep | null;
  /** without one the secret is left out of the archive */
  passphrase: string | null;
  now: Date;
}

/** Every file below dir, as paths relative to it with forward slashes. */
async function listFiles(dir: string, prefix = ''): Promise<{ rel: string; bytes: number }[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    throw e;
  });
  const out: { rel: string; bytes: number }[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, rel)));
    // storage writes NAME.<pid>.tmp and renames it: an unfinished upload is not a photo yet
    else if (e.isFile() && !e.name.endsWith('.tmp')) out.push({ rel, bytes: (await stat(path.join(dir, rel))).size });
  }
  return out;
}

function addEntry(pack: tar.Pack, name: string, body: Buffer, mtime: Date) {
  return new Promise<void>((resolve, reject) => {
    pack.entry({ name, size: body.length, mode: 0o600, mtime }, body, (err) => (err ? reject(err) : resolve()));
  });
}

export async function writeArchive(file: string, input: ArchiveInput): Promise<{ bytes: number; manifest: Manifest }> {
  // Photo files are written once under a new key and never changed, so the sizes listed here are
  // the sizes read below; the database was dumped before this listing, so every photo it names is in it.
  const uploads = await listFiles(input.uploadsDir);
  const sealed = input.secret && input.passphrase ? await sealSecret(input.secret.value, input.passphrase) : null;
  const manifest: Manifest = {
    format: 'dermis-backup',
    formatVersion: FORMAT_VERSION,
    createdAt: input.now.toISOString(),
    dermisVersion: DERMIS_VERSION,
    database: { kind: 'pglite', bytes: input.database.byteLength },
    uploads: { files: uploads.length, bytes: uploads.reduce((n, u) => n + u.bytes, 0) },
    secret: { included: sealed !== null, source: sealed && input.secret ? input.secret.source : null },
  };

  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  const pack = tar.pack();
  const written = pipeline(pack, createGzip({ level: 6 }), createWriteStream(partial, { mode: 0o600 }));
  try {
    await addEntry(pack, ENTRY.manifest, Buffer.from(JSON.stringify(manifest, null, 2)), input.now);
    await addEntry(pack, ENTRY.database, Buffer.from(input.database.buffer, input.database.byteOffset, input.database.byteLength), input.now);
    if (sealed) await addEntry(pack, ENTRY.secret, Buffer.from(JSON.stringify(sealed)), input.now);
    for (const u of uploads) await addEntry(pack, ENTRY.uploads + u.rel, await readFile(path.join(input.uploadsDir, u.rel)), input.now);
    pack.finalize();
    await written;
    await chmod(partial, 0o600);
    await rename(partial, file);
  } catch (err) {
    pack.destroy();
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw err;
  }
  return { bytes: (await stat(file)).size, manifest };
}
