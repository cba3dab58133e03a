// Opens the database the configuration names: a PostgreSQL server, or the embedded database in the
// data folder (a new folder starts from the build's template). Kept apart from boot.ts so the server
// can start opening it while the rest of the app is still loading (server.ts).
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Env } from '../config/env.js';
import { connect, type DbHandle } from '../db/connect.js';

export const pgliteDir = (env: Env) => path.join(env.dataDir, 'pgdata');

/** A created, migrated, empty embedded database that the build leaves beside dist/main (scripts/pglite-template.mjs). */
export const pgliteTemplateDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../pglite-template');

/**
 * A new data folder starts as a copy of the build's template: copying files takes a few tens of
 * milliseconds where initdb and the migrations take seconds in WebAssembly. Copied beside, then
 * renamed, so a start stopped halfway never leaves half a database behind.
 */
async function copyTemplate(dir: string) {
  if (!existsSync(path.join(pgliteTemplateDir, 'PG_VERSION'))) return;
  // only a folder that does not exist yet, or is empty: anything else is a database (or the rest of one)
  if (existsSync(dir) && (await readdir(dir)).length > 0) return;
  const work = `${dir}.new-${process.pid}`;
  await rm(work, { recursive: true, force: true });
  await cp(pgliteTemplateDir, work, { recursive: true });
  if (existsSync(dir)) await rmdir(dir);
  await rename(work, dir);
}

export async function openDatabase(env: Env): Promise<DbHandle> {
  if (env.DATABASE_URL) return connect({ databaseUrl: env.DATABASE_URL });
  await mkdir(env.dataDir, { recursive: true });
  await copyTemplate(pgliteDir(env));
  return connect({ dataDir: pgliteDir(env) });
}

