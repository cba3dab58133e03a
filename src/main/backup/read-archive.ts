// Reads a backup archive for a restore: the manifest, the database dump and the sealed secret into
// memory, the photos straight into a staging folder. An archive whose first entry is not the
// manifest is an older backup: a plain gzipped PGlite dump, restored as a database only.
import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { ENTRY, FORMAT_VERSION, manifestSchema, type Manifest } from './archive-format.js';
import { sealedSecretSchema, type SealedSecret } from './secret-box.js';

export class BadArchiveError extends Error {}

export type ReadArchive =
  | { kind: 'dermis'; manifest: Manifest; database: Buffer; sealedSecret: SealedSecret | null; uploads: number }
  | { kind: 'legacy' };

async function collect(entry: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of entry) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

function json(buf: Buffer, what: string): unknown {
  try {
    return JSON.parse(buf.toString('utf8'));
  } catch {
    throw new BadArchiveError(`the ${what} in the archive is not readable`);
  }
}

/** The staging path of an upload entry, refusing names that would land outside the folder. */
function uploadTarget(uploadsDir: string, name: string): string {
  const rel = name.slice(ENTRY.uploads.length);
  if (!/^[A-Za-z0-9/_.-]+$/.test(rel) || rel.split('/').some((p) => p === '..' || p === '.' || p === '')) {
    throw new BadArchiveError(`the archive holds an unexpected file name: ${name}`);
  }
  return path.join(uploadsDir, rel);
}

export async function readArchive(file: string, uploadsDir: string): Promise<ReadArchive> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  const extract = tar.extract();
  source.pipe(gunzip).pipe(extract);
  const failed = new Promise<never>((_, reject) => {
    for (const s of [source, gunzip]) s.once('error', (e: Error) => reject(e));
  });
  failed.catch(() => undefined);

  let manifest: Manifest | null = null;
  let database: Buffer | null = null;
  let sealedSecret: SealedSecret | null = null;
  let uploads = 0;
  const read = async (): Promise<ReadArchive> => {
    for await (const entry of extract) {
      const name = entry.header.name;
      if (!manifest) {
        if (name !== ENTRY.manifest) {
          entry.resume();
          return { kind: 'legacy' };
        }
        const parsed = manifestSchema.safeParse(json(await collect(entry), 'manifest'));
        if (!parsed.success) throw new BadArchiveError('the archive manifest is not one Dermis knows');
        if (parsed.data.formatVersion > FORMAT_VERSION) throw new BadArchiveError(`the archive was made by a newer Dermis (format ${parsed.data.formatVersion}); update Dermis first`);
        manifest = parsed.data;
      } else if (entry.header.type !== 'file') {
        entry.resume();
      } else if (name === ENTRY.database) {
        database = await collect(entry);
      } else if (name === ENTRY.secret) {
        const parsed = sealedSecretSchema.safeParse(json(await collect(entry), 'sealed secret'));
        if (!parsed.success) throw new BadArchiveError('the sealed secret in the archive is not readable');
        sealedSecret = parsed.data;
      } else if (name.startsWith(ENTRY.uploads)) {
        const target = uploadTarget(uploadsDir, name);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, await collect(entry), { mode: 0o600 });
        uploads++;
      } else {
        entry.resume();
      }
    }
    if (!manifest) throw new BadArchiveError('the file is empty or not a backup');
    const m: Manifest = manifest;
    // the manifest says what was written: anything missing means a damaged or truncated archive
    if (!database) throw new BadArchiveError('the archive holds no database');
    if (uploads !== m.uploads.files) throw new BadArchiveError(`the archive should hold ${m.uploads.files} photo files but holds ${uploads}`);
    if (m.secret.included && !sealedSecret) throw new BadArchiveError('the archive should hold the sealed secret but does not');
    return { kind: 'dermis', manifest: m, database, sealedSecret, uploads };
  };
  try {
    return await Promise.race([read(), failed]);
  } catch (err) {
    if (err instanceof BadArchiveError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BadArchiveError(`no such file: ${file}`);
    throw new BadArchiveError(`the file is not a readable backup (${(err as Error).message})`);
  } finally {
    source.destroy();
    gunzip.destroy();
    extract.destroy();
  }
}
