// FROZEN once shipped. A booking's follow-up leaves its transaction as one small outbox row (issue 14,
// item 3): channel 'internal' is work for the worker (render the confirmation and reminders), never
// delivered to anyone; email and SMS delivery claim only their own channels.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outbox_messages drop constraint outbox_messages_channel_check`.execute(db);
  await sql`alter table outbox_messages add constraint outbox_messages_channel_check check (channel in ('email','sms','internal'))`.execute(db);
}

export function down(): Promise<void> {
  // Migrations go forward only; restore a backup to go back.
  return Promise.reject(new Error('irreversible'));
}
