// Builds dist/pglite-template: an embedded database already created (initdb) and migrated, with no
// organization in it. The first `npm start` copies this folder instead of running initdb and every
// migration in WebAssembly, which took most of the first start's time (issue 14, item 6). Migrations
// added after the build still run at start-up, so a stale template is only slower, never wrong.
import { rmSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildPgliteTemplate() {
  const target = path.join(root, 'dist/pglite-template');
  const work = `${target}.tmp-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  const { connect } = await import(pathToFileURL(path.join(root, 'dist/db/connect.js')).href);
  const { migrateToLatest } = await import(pathToFileURL(path.join(root, 'dist/db/migrate.js')).href);
  const handle = await connect({ dataDir: work });
  await migrateToLatest(handle.db);
  // a checkpoint leaves the data files complete, so the copy starts without replaying the WAL
  await handle.pglite.exec('checkpoint');
  await handle.close();
  rmSync(target, { recursive: true, force: true });
  renameSync(work, target);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildPgliteTemplate();
