// FROZEN once shipped. A booking made for a treatment plan names the price line its plan was quoted
// from (issue 12, item 2): the deposit and the visit's invoice use that line, so the quote, the
// booking and the invoice are one price (docs/money.md, "One price from quote to invoice").
// Price lines are never edited (a change is a new line), so the reference fixes the amount.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table bookings add column price_line_id uuid`.execute(db);
  await sql`
    alter table bookings add constraint bookings_price_line_fk
      foreign key (organization_id, price_line_id) references price_list_items(organization_id, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table bookings drop column price_line_id`.execute(db);
}
