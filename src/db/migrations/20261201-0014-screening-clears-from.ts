// FROZEN once shipped. A deferred screening can say from which date it clears treatment (issue 12,
// item 1): when every deferral has an end date, the same answers are screened again on that date,
// and if that clears, the client may book from then on (check-in screens again before treatment).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table screenings add column clears_from date`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table screenings drop column clears_from`.execute(db);
}
