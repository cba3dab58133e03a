// Where the console's exports live on the server: DERMIS_DATA_DIR/exports/<organization>/<export>.
// The export is written into a folder there (src/services/export/write-export.ts), packed into one
// gzipped tar beside it, and the folder removed. A clinic's archives sit under its own folder, named
// by ids that come from the database, never from a request; everything is readable by the server's
// user only, since an export holds every record of the clinic.
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import type { Db } from '../../db/connect.js';
import type { StoragePort } from '../../services/ports.js';
import type { ExportFiles } from '../../services/export/console/export-files-port.js';
import { writeClinicExport } from '../../services/export/write-export.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FOLDER = /^[a-z0-9][a-z0-9-]{0,120}$/;

/** Every file below dir, as paths relative to it with forward slashes, in a stable order. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

async function addFile(pack: tar.Pack, name: string, file: string, mtime: Date) {
  const { size } = await stat(file);
  await new Promise<void>((resolve, reject) => {
    const entry = pack.entry({ name, size, mode: 0o600, mtime }, (err) => (err ? reject(err) : resolve()));
    createReadStream(file).on('error', reject).pipe(entry);
  });
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function serverExportFiles(deps: { root: string; db: Db; storage: StoragePort; now: () => Date }): ExportFiles {
  const paths = (organizationId: string, id: string) => {
    // ids come from the database; checked anyway before they become a path
    if (!UUID.test(organizationId) || !UUID.test(id)) throw new Error('not an export id');
    const clinic = path.join(deps.root, organizationId);
    return { clinic, work: path.join(clinic, id), archive: path.join(clinic, `${id}.tar.gz`) };
  };
  return {
    async write(target, progress) {
      if (!FOLDER.test(target.folder)) throw new Error('not an export folder name');
      const p = paths(target.organizationId, target.id);
      await mkdir(p.clinic, { recursive: true, mode: 0o700 });
      await rm(p.work, { recursive: true, force: true });
      const now = deps.now();
      await writeClinicExport({ db: deps.db, storage: deps.storage, now: () => now }, target.organizationId, p.work, progress);

      // packed under one folder, so unpacking it does not spill files into the current folder
      const files = await listFiles(p.work);
      const partial = `${p.archive}.partial`;
      const pack = tar.pack();
      const written = pipeline(pack, createGzip({ level: 6 }), createWriteStream(partial, { mode: 0o600 }));
      try {
        for (const [i, rel] of files.entries()) {
          await addFile(pack, `${target.folder}/${rel}`, path.join(p.work, rel), now);
          progress(i + 1, files.length, 'packing the download');
        }
        pack.finalize();
        await written;
        await chmod(partial, 0o600);
        await rename(partial, p.archive);
      } catch (err) {
        pack.destroy();
        await written.catch(() => undefined);
        await rm(partial, { force: true });
        throw err;
      } finally {
        await rm(p.work, { recursive: true, force: true });
      }
      return { bytes: (await stat(p.archive)).size, sha256: await sha256Of(p.archive) };
    },
    async open(organizationId, id) {
      const p = paths(organizationId, id);
      const bytes = await stat(p.archive).then((s) => s.size, () => null);
      if (bytes === null) return null;
      return { bytes, body: Readable.toWeb(createReadStream(p.archive)) as ReadableStream<Uint8Array> };
    },
    async remove(organizationId, id) {
      const p = paths(organizationId, id);
      await rm(p.work, { recursive: true, force: true });
      await rm(`${p.archive}.partial`, { force: true });
      await rm(p.archive, { force: true });
    },
  };
}
