import type { Db } from '../../db/connect.js';
import type { ClientReviewView } from './reviews.schema.js';

/** Reviews as staff see them: with the client's name, the provider, location and service. */
export function staffReviewQuery(db: Db, organizationId: string) {
  return db
    .selectFrom('reviews as r')
    .innerJoin('clients as c', (j) => j.onRef('c.organization_id', '=', 'r.organization_id').onRef('c.id', '=', 'r.client_id'))
    .innerJoin('users as u', 'u.id', 'r.provider_user_id')
    .innerJoin('locations as l', (j) => j.onRef('l.organization_id', '=', 'r.organization_id').onRef('l.id', '=', 'r.location_id'))
    .innerJoin('bookings as b', (j) => j.onRef('b.organization_id', '=', 'r.organization_id').onRef('b.id', '=', 'r.booking_id'))
    .innerJoin('services as s', (j) => j.onRef('s.organization_id', '=', 'b.organization_id').onRef('s.id', '=', 'b.service_id'))
    .selectAll('r')
    .select(['c.first_name', 'c.last_name', 'u.name as provider_name', 'l.name as location_name', 's.name as service_name', 'b.starts_at'])
    .where('r.organization_id', '=', organizationId);
}

type Row = Awaited<ReturnType<ReturnType<typeof staffReviewQuery>['execute']>>[number];
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const toStaffReview = (r: Row): ClientReviewView => ({
  id: r.id,
  bookingId: r.booking_id,
  clientId: r.client_id,
  clientName: `${r.first_name} ${r.last_name}`,
  providerUserId: r.provider_user_id,
  providerName: r.provider_name,
  locationName: r.location_name,
  serviceName: r.service_name,
  visitDate: iso(r.starts_at)!,
  rating: r.rating,
  body: r.body,
  displayName: r.display_name,
  status: r.status,
  hiddenReason: r.hidden_reason,
  reply: r.reply,
  repliedAt: iso(r.replied_at),
  moderatedAt: iso(r.moderated_at),
  createdAt: iso(r.created_at)!,
});
