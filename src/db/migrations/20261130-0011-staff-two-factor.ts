// FROZEN once shipped. A clinic may require two-step sign-in of all its staff (owners and medical
// directors always need it; see docs/security.md).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organizations add column require_staff_two_factor boolean not null default false`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organizations drop column require_staff_two_factor`.execute(db);
}
