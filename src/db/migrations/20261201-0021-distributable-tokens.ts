// FROZEN once shipped. Keeps the schema distributable with Citus (issue 14, item 5): a unique
// constraint on a tenant table must lead with organization_id. Secret-link tokens were unique on
// their hash alone; they become unique per organization (a 256-bit random token never repeats
// anyway) and keep a plain index for the lookup by hash when a link is opened.
import { sql, type Kysely } from 'kysely';

const TABLES = ['invitations', 'calendar_feeds', 'client_signups'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const t of TABLES) {
    await sql`alter table ${sql.table(t)} drop constraint ${sql.ref(`${t}_token_hash_key`)}`.execute(db);
    await sql`alter table ${sql.table(t)} add constraint ${sql.ref(`${t}_token_hash_key`)} unique (organization_id, token_hash)`.execute(db);
    await sql`create index ${sql.ref(`${t}_token_hash_idx`)} on ${sql.table(t)} (token_hash)`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of TABLES) {
    await sql`drop index ${sql.ref(`${t}_token_hash_idx`)}`.execute(db);
    await sql`alter table ${sql.table(t)} drop constraint ${sql.ref(`${t}_token_hash_key`)}`.execute(db);
    await sql`alter table ${sql.table(t)} add constraint ${sql.ref(`${t}_token_hash_key`)} unique (token_hash)`.execute(db);
  }
}
