// One CSV per table of the organization's data, as stored, for anyone who wants the raw rows (and
// for a Dermis-to-Dermis round trip). Secrets stay out: tokens and their hashes, passwords, two-step
// secrets, and messages in the outbox (they carry sign-in and booking links).
import { sql } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/connect.js';

/** Tables with organization_id that are never exported, and why. */
const LEFT_OUT: Record<string, string> = {
  client_signups: 'pending registrations hold sign-up link hashes',
  clinic_signups: "the owner's email confirmation at clinic sign-up holds a link hash",
  invitations: 'invitation link hashes',
  calendar_feeds: 'calendar feed token hashes',
  consent_handoffs: 'tablet hand-off token hashes',
  outbox_messages: 'queued messages carry sign-in and booking links',
  intake_drafts: 'unfinished answers the client never submitted',
};
const SECRET_COLUMNS = new Set(['token_hash', 'token', 'secret', 'secret_sealed', 'password', 'backup_codes']);

export interface TableDump {
  table: string;
  rows: number;
  csv: string;
}

/** The public-schema tables that carry organization_id, with their columns in order. */
async function tenantTables(db: Db): Promise<Map<string, string[]>> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema()
    order by c.table_name, c.ordinal_position`.execute(db);
  const tables = new Map<string, string[]>();
  for (const r of rows) tables.set(r.table_name, [...(tables.get(r.table_name) ?? []), r.column_name]);
  for (const [t, cols] of tables) if (!cols.includes('organization_id') || t in LEFT_OUT || t.startsWith('kysely_')) tables.delete(t);
  return tables;
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return `base64:${Buffer.from(v).toString('base64')}`;
  if (typeof v === 'object') return JSON.stringify(v);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export async function dumpTables(db: Db, organizationId: string): Promise<TableDump[]> {
  const out: TableDump[] = [];
  for (const [table, all] of await tenantTables(db)) {
    const cols = all.filter((c) => !SECRET_COLUMNS.has(c));
    const { rows } = await sql<Record<string, unknown>>`select ${sql.join(cols.map((c) => sql.ref(c)))} from ${sql.table(table)} where organization_id = ${organizationId}`.execute(db);
    out.push({ table, rows: rows.length, csv: stringify([cols, ...rows.map((r) => cols.map((c) => cell(r[c])))]) });
  }
  // the clinic's own row (its settings), so an import can bring the clinic back as it was
  const orgCols = (await sql<{ column_name: string }>`select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'organizations' order by ordinal_position`.execute(db)).rows
    .map((r) => r.column_name)
    .filter((c) => !SECRET_COLUMNS.has(c));
  const { rows: orgRows } = await sql<Record<string, unknown>>`select ${sql.join(orgCols.map((c) => sql.ref(c)))} from organizations where id = ${organizationId}`.execute(db);
  out.push({ table: 'organizations', rows: orgRows.length, csv: stringify([orgCols, ...orgRows.map((r) => orgCols.map((c) => cell(r[c])))]) });
  // the people behind the ids: names and emails of staff and clients with accounts, nothing else
  const { rows: users } = await sql<Record<string, unknown>>`
    select u.id, u.name, u.email, u.email_verified, u.created_at from users u
    where u.id in (select user_id from memberships where organization_id = ${organizationId})
    order by u.id`.execute(db);
  const cols = ['id', 'name', 'email', 'email_verified', 'created_at'];
  out.push({ table: 'users', rows: users.length, csv: stringify([cols, ...users.map((r) => cols.map((c) => cell(r[c])))]) });
  return out.sort((a, b) => a.table.localeCompare(b.table));
}

export const TABLES_LEFT_OUT = LEFT_OUT;
