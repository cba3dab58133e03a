import type { Db } from '../connect.js';

/** A client's clinical photos, oldest first (no image bytes: the image routes serve those). */
export const listClientPhotos = (db: Db, organizationId: string, clientId: string) =>
  db
    .selectFrom('photos')
    .select(['id', 'booking_id', 'view', 'stage', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('client_id', '=', clientId)
    .orderBy('created_at')
    .limit(200)
    .execute();
