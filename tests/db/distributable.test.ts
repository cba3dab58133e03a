// The path past one database server stays open (issue 14, item 5): the schema must stay
// distributable with Citus by organization_id. Read from the PostgreSQL catalog (PGlite has the same
// catalog): every tenant table (organization_id NOT NULL) has organization_id first in its primary
// key and in every unique and exclusion constraint and unique index, and every foreign key to another
// tenant table leads with it. Tables without an organization are reference tables, named in
// docs/runbooks/scale-out.md; this test fails when a new one appears without being named there.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDatabase } from '../support/test-db.js';
import type { DbHandle } from '../../src/db/connect.js';

let h: DbHandle;
let tenant: Set<string>;
let all: string[];
beforeAll(async () => {
  h = await freshDatabase();
  const t = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
    where c.table_schema = 'public' and c.column_name = 'organization_id' and c.is_nullable = 'NO' and t.table_type = 'BASE TABLE'`.execute(h.db);
  tenant = new Set(t.rows.map((r) => r.table_name));
  all = (await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(h.db)).rows.map((r) => r.table_name);
});
afterAll(() => h.close());

describe('the schema stays distributable by organization', () => {
  it('organization_id leads every key, unique, exclusion and tenant-to-tenant foreign key of a tenant table', async () => {
    const cons = await sql<{ rel: string; name: string; type: string; cols: string[]; ref: string | null }>`
      select c.conrelid::regclass::text as rel, c.conname as name, c.contype as type,
        array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
              join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as cols,
        case when c.confrelid <> 0 then c.confrelid::regclass::text end as ref
      from pg_constraint c join pg_namespace ns on ns.oid = c.connamespace
      where ns.nspname = 'public' and c.contype in ('p', 'u', 'x', 'f')`.execute(h.db);
    const checked = cons.rows.filter((c) => tenant.has(c.rel) && (c.type !== 'f' || (c.ref !== null && tenant.has(c.ref))));
    expect(checked.length).toBeGreaterThan(50);
    const breaking = checked.filter((c) => c.cols[0] !== 'organization_id').map((c) => `${c.rel}.${c.name} (${c.cols.join(', ')})`);
    expect(breaking).toEqual([]);
    // every tenant table has a primary key
    const withKey = new Set(cons.rows.filter((c) => c.type === 'p').map((c) => c.rel));
    expect([...tenant].filter((t) => !withKey.has(t))).toEqual([]);
  });

  it('unique indexes made outside constraints lead with organization_id too', async () => {
    const idx = await sql<{ rel: string; def: string }>`select tablename as rel, indexdef as def from pg_indexes where schemaname = 'public' and indexdef like 'CREATE UNIQUE%'`.execute(h.db);
    expect(idx.rows.filter((i) => tenant.has(i.rel) && !/\((organization_id)[,)]/.test(i.def)).map((i) => i.def)).toEqual([]);
  });

  it('every table that is not distributed is named in the scale-out runbook', async () => {
    const runbook = await readFile(new URL('../../docs/runbooks/scale-out.md', import.meta.url), 'utf8');
    const others = all.filter((t) => !tenant.has(t));
    expect(others.length).toBeGreaterThan(3);
    expect(others.filter((t) => !runbook.includes(`\`${t}\``))).toEqual([]);
  });
});
