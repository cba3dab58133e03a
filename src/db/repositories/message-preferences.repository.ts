// A client's message preferences as other areas need them: the recall job reads consent, and the
// unsubscribe link (services/recall) turns marketing or care recalls off and on again.
import { sql } from 'kysely';
import type { Db } from '../connect.js';

export type MarketingSource = 'portal' | 'desk' | 'unsubscribe_link';

export const findMessagePreferences = (db: Db, organizationId: string, clientId: string) =>
  db.selectFrom('message_preferences').selectAll().where('organization_id', '=', organizationId).where('client_id', '=', clientId).executeTakeFirst();

/** Sets the marketing opt-in (a row with the default channels is made when the client has none). */
export async function setMarketingOptIn(db: Db, organizationId: string, clientId: string, p: { optedIn: boolean; at: Date; source: MarketingSource }) {
  await db
    .insertInto('message_preferences')
    .values({ organization_id: organizationId, client_id: clientId, marketing: p.optedIn, marketing_changed_at: p.at, marketing_source: p.source })
    .onConflict((oc) => oc.columns(['organization_id', 'client_id']).doUpdateSet({ marketing: p.optedIn, marketing_changed_at: p.at, marketing_source: p.source, updated_at: sql`now()` }))
    .execute();
}

/** Turns reminders to book a series' next session off or on again. */
export async function setCareRecalls(db: Db, organizationId: string, clientId: string, on: boolean) {
  await db
    .insertInto('message_preferences')
    .values({ organization_id: organizationId, client_id: clientId, care_recalls: on })
    .onConflict((oc) => oc.columns(['organization_id', 'client_id']).doUpdateSet({ care_recalls: on, updated_at: sql`now()` }))
    .execute();
}
