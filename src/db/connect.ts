// One way to open the database: PGlite in a data folder by default, a PostgreSQL server when a URL is
// given. Both parse types the same way so code never sees a difference (dates as YYYY-MM-DD strings,
// int8 as numbers, timestamptz as Date).
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import pg from 'pg';
import { PreparingClient } from './prepared-client.js';
import type { Database } from './schema.js';
import { localFeed, registerChangeFeed, sharedFeed, watchingDialect, type ChangeFeed } from './change-feed.js';

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

pg.types.setTypeParser(DATE_OID, (v: string) => v);
pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));

export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** the PGlite instance when embedded: used by backup and test snapshots */
  pglite?: PGlite;
  /** the connection pool on PostgreSQL: its counts are shown on /metrics */
  pool?: pg.Pool;
  /** committed writes to the scheduling tables, for the availability cache (change-feed.ts) */
  changes: ChangeFeed;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl?: string | undefined;
  /** PGlite data folder; undefined means in memory */
  dataDir?: string | undefined;
  /** PGlite: start from a dumped data folder (fast test databases) */
  loadDataDir?: Blob | File | undefined;
  poolSize?: number;
}

export function pgliteParsers() {
  return {
    [DATE_OID]: (v: string) => v,
    [INT8_OID]: (v: string) => Number(v),
    [NUMERIC_OID]: (v: string) => v,
  };
}

export async function openPglite(dataDir?: string, loadDataDir?: Blob | File): Promise<PGlite> {
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { btree_gist },
    parsers: pgliteParsers(),
    // PostgreSQL's default 128 MB of shared buffers is taken from the WebAssembly heap at start and
    // never given back; 32 MB holds a clinic's working set (the demo's whole database is about 60 MB
    // on disk) and keeps the server near 100 MB smaller at idle (issue 14, item 6)
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
  });
  return pglite;
}

export async function connect(opts: ConnectOptions): Promise<DbHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, Client: PreparingClient });
    // An idle connection the server drops (restart, failover, a dropped test database) is reported
    // here; without a listener it would crash the process. The pool opens a new one when needed.
    pool.on('error', () => undefined);
    const changes = sharedFeed(pool, opts.databaseUrl);
    const db = new Kysely<Database>({ dialect: watchingDialect(new PostgresDialect({ pool }), changes) });
    registerChangeFeed(db, changes);
    return {
      db,
      kind: 'postgres',
      pool,
      changes,
      close: async () => {
        await changes.close();
        await db.destroy();
      },
    };
  }
  const pglite = await openPglite(opts.dataDir, opts.loadDataDir);
  // one process writes an embedded database (decision 0006): what it sees is every change
  const changes = localFeed();
  const db = new Kysely<Database>({ dialect: watchingDialect(new PGliteDialect({ pglite }), changes) });
  registerChangeFeed(db, changes);
  return {
    db,
    kind: 'pglite',
    pglite,
    changes,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
