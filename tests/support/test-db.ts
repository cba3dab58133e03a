import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connect, type DbHandle } from '../../src/db/connect.js';

export const onPostgres = () => Boolean(process.env.DATABASE_URL);

/** A fresh, migrated database for one test file: PGlite from the dump, or a copy of the template. */
export async function freshDatabase(): Promise<DbHandle & { url?: string }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `dermis_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    await admin.end();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const h = await connect({ databaseUrl: dbUrl.toString(), poolSize: 8 });
    return {
      ...h,
      url: dbUrl.toString(),
      close: async () => {
        await h.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const bytes = await readFile(inject('pgliteDump'));
  return connect({ loadDataDir: new Blob([bytes]) });
}
