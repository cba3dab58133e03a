// FROZEN once shipped. Aftercare triage (issue 17): a symptom report is triaged emergency, urgent,
// routine or expected (docs/triage.md). A check-in keeps the urgency ("none" becomes "expected",
// its meaning under the red-flag rules before); a routine report raises an alert too, looked at
// within a working day.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table aftercare_check_ins drop constraint aftercare_check_ins_level_check`.execute(db);
  await sql`update aftercare_check_ins set level = 'expected' where level = 'none'`.execute(db);
  await sql`alter table aftercare_check_ins add constraint aftercare_check_ins_level_check check (level in ('expected', 'routine', 'urgent', 'emergency'))`.execute(db);
  await sql`alter table clinical_alerts drop constraint clinical_alerts_level_check`.execute(db);
  await sql`alter table clinical_alerts add constraint clinical_alerts_level_check check (level in ('routine', 'urgent', 'emergency'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table clinical_alerts drop constraint clinical_alerts_level_check`.execute(db);
  await sql`delete from clinical_alerts where level = 'routine'`.execute(db);
  await sql`alter table clinical_alerts add constraint clinical_alerts_level_check check (level in ('urgent', 'emergency'))`.execute(db);
  await sql`alter table aftercare_check_ins drop constraint aftercare_check_ins_level_check`.execute(db);
  await sql`update aftercare_check_ins set level = case when level = 'expected' then 'none' when level = 'routine' then 'urgent' else level end`.execute(db);
  await sql`alter table aftercare_check_ins add constraint aftercare_check_ins_level_check check (level in ('none', 'urgent', 'emergency'))`.execute(db);
}
