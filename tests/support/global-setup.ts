// Migrates one database per run. PGlite: dump its data folder once; each test file boots from the
// dump (~0.5 s instead of migrating again). PostgreSQL (DATABASE_URL): a migrated template database
// that each test file copies with CREATE DATABASE ... TEMPLATE.
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    pgTemplate: string;
  }
}

export const TEMPLATE_DB = 'dermis_test_template';

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'dermis_t_%' or datname = $1", [TEMPLATE_DB]);
    for (const r of rows) await admin.query(`drop database if exists "${r.datname}" with (force)`);
    await admin.query(`create database ${TEMPLATE_DB}`);
    await admin.end();
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${TEMPLATE_DB}`;
    const h = await connect({ databaseUrl: templateUrl.toString(), poolSize: 1 });
    await migrateToLatest(h.db);
    await h.close();
    project.provide('pgTemplate', TEMPLATE_DB);
    project.provide('pgliteDump', '');
    return;
  }
  const h = await connect({});
  await migrateToLatest(h.db);
  const dump = await h.pglite!.dumpDataDir('none');
  const dir = await mkdtemp(path.join(tmpdir(), 'dermis-test-'));
  const file = path.join(dir, 'migrated.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await h.close();
  project.provide('pgliteDump', file);
  project.provide('pgTemplate', '');
}
