// FROZEN once shipped. Photos a client sends with a symptom check-in, and photos chosen for
// marketing (shown only while the client's marketing-photo consent is current).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table photos add column check_in_id uuid`.execute(db);
  await sql`alter table photos add column marketing_at timestamptz`.execute(db);
  await sql`alter table photos add column marketing_by text references users(id)`.execute(db);
  await sql`create index photos_check_in_idx on photos(organization_id, check_in_id) where check_in_id is not null`.execute(db);
  await sql`create index photos_marketing_idx on photos(organization_id, marketing_at) where marketing_at is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index photos_marketing_idx`.execute(db);
  await sql`drop index photos_check_in_idx`.execute(db);
  await sql`alter table photos drop column marketing_by`.execute(db);
  await sql`alter table photos drop column marketing_at`.execute(db);
  await sql`alter table photos drop column check_in_id`.execute(db);
}
