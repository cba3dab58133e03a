// The facts that decide whether a visit may be reviewed, read in one query: the booking with its
// service, provider and location, the aftercare journey's start and when the scheduled day-7
// check-in was answered, and whether a review exists.
import type { Db } from '../../db/connect.js';
import type { ReviewFacts } from '../../domain/reviews/reviews.js';

export function reviewFactsQuery(db: Db, organizationId: string) {
  return db
    .selectFrom('bookings as b')
    .innerJoin('services as s', (j) => j.onRef('s.organization_id', '=', 'b.organization_id').onRef('s.id', '=', 'b.service_id'))
    .innerJoin('users as u', 'u.id', 'b.provider_user_id')
    .innerJoin('locations as l', (j) => j.onRef('l.organization_id', '=', 'b.organization_id').onRef('l.id', '=', 'b.location_id'))
    .leftJoin('aftercare_journeys as j', (j) => j.onRef('j.organization_id', '=', 'b.organization_id').onRef('j.booking_id', '=', 'b.id'))
    .select((eb) => [
      'b.id', 'b.organization_id', 'b.client_id', 'b.status', 'b.starts_at', 'b.ends_at', 'b.location_id', 'b.provider_user_id',
      's.name as service_name', 's.kind', 'u.name as provider_name', 'l.name as location_name', 'l.time_zone', 'j.treated_at',
      eb
        .selectFrom('aftercare_check_ins as ci')
        .select((e) => e.fn.max('ci.answered_at').as('at'))
        .whereRef('ci.organization_id', '=', 'b.organization_id')
        .whereRef('ci.journey_id', '=', 'j.id')
        .where('ci.day', '=', 7)
        .where('ci.scheduled', '=', true)
        .as('day7_answered_at'),
      eb
        .exists(eb.selectFrom('reviews as r').select('r.id').whereRef('r.organization_id', '=', 'b.organization_id').whereRef('r.booking_id', '=', 'b.id'))
        .as('reviewed'),
    ])
    .where('b.organization_id', '=', organizationId);
}

export type ReviewFactsRow = Awaited<ReturnType<ReturnType<typeof reviewFactsQuery>['execute']>>[number];

const ms = (d: Date | string) => new Date(d).getTime();

export const factsOf = (r: ReviewFactsRow): ReviewFacts => ({
  status: r.status,
  kind: r.kind,
  reviewed: Boolean(r.reviewed),
  treatedAt: ms(r.treated_at ?? r.ends_at),
  day7AnsweredAt: r.day7_answered_at ? ms(r.day7_answered_at) : null,
});
