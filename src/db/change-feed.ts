// Which data changed, for caches kept in memory (the availability cache, issue 14 item 2). The
// dialect wrapper below sees every statement this process sends; a write to a watched table bumps a
// generation number once it is committed (after the statement outside a transaction, after COMMIT
// inside one). A reader notes the generation before it loads and keeps what it loaded only while the
// generation is unchanged, so a load that overlapped a commit is never kept.
//
// On PostgreSQL other processes write too (DERMIS_PROCESSES, decision 0016): a bump is announced
// with NOTIFY after the commit (never inside the writing transaction, where NOTIFY would serialize
// every commit in the database), and each process LISTENs and bumps on what the others announce.
import type { DatabaseConnection, Dialect, Driver, QueryResult, TransactionSettings } from 'kysely';
import type { CompiledQuery } from 'kysely';
import pg from 'pg';

/** Tables the availability engine reads (services/scheduling/availability-context.ts). */
export const SCHEDULING_TABLES = [
  'bookings', 'booking_resources', 'locations', 'location_schedules', 'location_closures', 'services', 'provider_schedules',
  'provider_overrides', 'provider_time_off', 'provider_credentials', 'scope_rules', 'memberships', 'users', 'rooms', 'devices', 'device_maintenance',
] as const;

/** Tables a request's principal is read from (services/auth/session-principal.ts). */
export const IDENTITY_TABLES = ['sessions', 'users', 'memberships', 'organizations', 'clients', 'two_factors', 'accounts'] as const;

/** What a cache can watch: each topic has its own generation, so a sign-in does not empty the availability cache. */
export type Topic = 'scheduling' | 'identity';
export const TOPICS: readonly Topic[] = ['scheduling', 'identity'];

const writeOf = (tables: readonly string[]) =>
  new RegExp(`\\b(?:insert\\s+into|update|delete\\s+from|truncate(?:\\s+table)?|merge\\s+into)\\s+(?:only\\s+)?(?:"?public"?\\.)?"?(${tables.join('|')})"?(?![\\w])`, 'i');
const WRITES: Record<Topic, RegExp> = { scheduling: writeOf(SCHEDULING_TABLES), identity: writeOf(IDENTITY_TABLES) };
const CHANNEL = 'dermis_scheduling';

export interface ChangeFeed {
  /** changes to a topic's tables so far; a cache entry is good while this is the number it was loaded at */
  generation(topic?: Topic): number;
  /** false while changes made by other processes could go unseen (the LISTEN is not up yet) */
  complete(): boolean;
  bump(topic?: Topic): void;
  close(): Promise<void>;
}

const feeds = new WeakMap<object, ChangeFeed>();

/** The feed of a database handle's Kysely instance; none inside a transaction (its own instance). */
export const changeFeedOf = (db: object): ChangeFeed | undefined => feeds.get(db);
export const registerChangeFeed = (db: object, feed: ChangeFeed) => feeds.set(db, feed);

/** Whether a statement writes a watched table. */
export const writesScheduling = (sqlText: string) => WRITES.scheduling.test(sqlText);

/** The topics a statement writes. */
const topicsWritten = (sqlText: string): Topic[] | null => {
  let out: Topic[] | null = null;
  for (const t of TOPICS) if (WRITES[t].test(sqlText)) (out ??= []).push(t);
  return out;
};

/** A feed for one process: PGlite (decision 0006) or a PostgreSQL server without other writers. */
export function localFeed(): ChangeFeed & { onBump(f: () => void): void } {
  const n: Record<Topic, number> = { scheduling: 0, identity: 0 };
  const listeners: (() => void)[] = [];
  return {
    generation: (topic = 'scheduling') => n[topic],
    complete: () => true,
    bump: (topic = 'scheduling') => {
      n[topic]++;
      for (const f of listeners) f();
    },
    onBump: (f) => void listeners.push(f),
    close: () => Promise.resolve(),
  };
}

/**
 * A feed shared by the processes on one PostgreSQL server. LISTEN starts on first use: until it is up
 * the feed says it is incomplete and callers read the database directly. A dropped LISTEN connection
 * bumps (something may have been missed) and is opened again on the next use.
 */
export function sharedFeed(pool: pg.Pool, connectionString: string): ChangeFeed {
  const local = localFeed();
  const me = `${process.pid}:${Math.random().toString(36).slice(2, 10)}`;
  let listener: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let sending = false;
  // topics changed here since the last NOTIFY went out: one NOTIFY in flight at a time carries them all
  const pending = new Set<Topic>();
  const bumpAll = () => {
    for (const t of TOPICS) local.bump(t);
  };
  const announce = () => {
    if (closed || sending || pending.size === 0) return;
    sending = true;
    const payload = `${me} ${[...pending].join(',')}`;
    pending.clear();
    pool
      .query('select pg_notify($1, $2)', [CHANNEL, payload])
      .catch(() => undefined)
      .finally(() => {
        sending = false;
        announce();
      });
  };
  const listen = () => {
    if (listener || closed) return;
    const client = new pg.Client({ connectionString });
    listener = client;
    const drop = () => {
      if (listener !== client) return;
      listener = null;
      listening = false;
      bumpAll();
      void client.end().catch(() => undefined);
    };
    client.on('error', drop);
    client.on('end', drop);
    client.on('notification', (m) => {
      const [from, topics] = (m.payload ?? '').split(' ');
      if (from === me) return;
      const named = (topics ?? '').split(',').filter((t): t is Topic => (TOPICS as readonly string[]).includes(t));
      // a payload without topics (or one this version does not know) changes everything
      if (named.length === 0) bumpAll();
      else for (const t of named) local.bump(t);
    });
    client
      .connect()
      .then(() => client.query(`listen ${CHANNEL}`))
      .then(() => {
        if (listener !== client) return;
        // anything loaded before now may have missed a change
        bumpAll();
        listening = true;
      })
      .catch(drop);
  };
  return {
    generation: (topic = 'scheduling') => local.generation(topic),
    complete: () => {
      if (!listening) listen();
      return listening;
    },
    bump: (topic = 'scheduling') => {
      local.bump(topic);
      pending.add(topic);
      announce();
    },
    close: async () => {
      closed = true;
      const c = listener;
      listener = null;
      listening = false;
      if (c) await c.end().catch(() => undefined);
    },
  };
}

/** The connection state the wrapper keeps: inside a transaction, and whether it wrote watched tables. */
interface Watched extends DatabaseConnection {
  inner: DatabaseConnection;
  inTransaction: boolean;
  /** topics written in the open transaction */
  dirty: Topic[] | null;
}

function watchConnection(inner: DatabaseConnection, feed: ChangeFeed): Watched {
  const w: Watched = {
    inner,
    inTransaction: false,
    dirty: null,
    async executeQuery<R>(q: CompiledQuery, options?: Parameters<DatabaseConnection['executeQuery']>[1]): Promise<QueryResult<R>> {
      const text = q.sql;
      // transactions begun by hand (sql`begin`) count like Kysely's own
      const head = text.trimStart().slice(0, 20).toLowerCase();
      if (head.startsWith('begin') || head.startsWith('start transaction')) w.inTransaction = true;
      const writes = topicsWritten(text);
      const r = await inner.executeQuery<R>(q, options);
      if (writes) {
        if (w.inTransaction) w.dirty = [...new Set([...(w.dirty ?? []), ...writes])];
        else for (const t of writes) feed.bump(t);
      }
      if (head.startsWith('commit') || head.startsWith('end')) settle(w, feed, true);
      else if (head.startsWith('rollback') && !head.startsWith('rollback to')) settle(w, feed, false);
      return r;
    },
    streamQuery<R>(q: CompiledQuery, chunkSize: number, options?: Parameters<DatabaseConnection['streamQuery']>[2]) {
      return inner.streamQuery<R>(q, chunkSize, options);
    },
  };
  return w;
}

function settle(w: Watched, feed: ChangeFeed, committed: boolean) {
  const dirty = w.dirty;
  w.inTransaction = false;
  w.dirty = null;
  if (committed && dirty) for (const t of dirty) feed.bump(t);
}

class WatchingDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly feed: ChangeFeed,
  ) {}
  init() {
    return this.inner.init();
  }
  async acquireConnection() {
    return watchConnection(await this.inner.acquireConnection(), this.feed);
  }
  async beginTransaction(c: DatabaseConnection, settings: TransactionSettings) {
    await this.inner.beginTransaction((c as Watched).inner, settings);
    (c as Watched).inTransaction = true;
  }
  async commitTransaction(c: DatabaseConnection) {
    await this.inner.commitTransaction((c as Watched).inner);
    settle(c as Watched, this.feed, true);
  }
  async rollbackTransaction(c: DatabaseConnection) {
    try {
      await this.inner.rollbackTransaction((c as Watched).inner);
    } finally {
      settle(c as Watched, this.feed, false);
    }
  }
  savepoint(c: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['savepoint']>>[2]) {
    return this.inner.savepoint!((c as Watched).inner, name, compile);
  }
  rollbackToSavepoint(c: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['savepoint']>>[2]) {
    return this.inner.rollbackToSavepoint!((c as Watched).inner, name, compile);
  }
  releaseSavepoint(c: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['savepoint']>>[2]) {
    return this.inner.releaseSavepoint!((c as Watched).inner, name, compile);
  }
  releaseConnection(c: DatabaseConnection) {
    // a connection handed back mid-transaction (an error path) must not carry its state on
    (c as Watched).inTransaction = false;
    (c as Watched).dirty = null;
    return this.inner.releaseConnection((c as Watched).inner);
  }
  destroy() {
    return this.inner.destroy();
  }
}

/** A dialect whose driver reports committed writes to scheduling tables to the feed. */
export function watchingDialect(inner: Dialect, feed: ChangeFeed): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => new WatchingDriver(inner.createDriver(), feed),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
  };
}
