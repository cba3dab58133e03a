// What decides whether a visit may be reviewed, from a booking's review facts (read in one query by
// the bookings repository: the booking with its service, provider and location, the aftercare
// journey's start and when the scheduled day-7 check-in was answered, and whether a review exists).
import type { BookingReviewFacts } from '../../db/repositories/bookings.repository.js';
import type { ReviewFacts } from '../../domain/reviews/reviews.js';

export type ReviewFactsRow = BookingReviewFacts;

const ms = (d: Date | string) => new Date(d).getTime();

export const factsOf = (r: ReviewFactsRow): ReviewFacts => ({
  status: r.status,
  kind: r.kind,
  reviewed: Boolean(r.reviewed),
  treatedAt: ms(r.treated_at ?? r.ends_at),
  day7AnsweredAt: r.day7_answered_at ? ms(r.day7_answered_at) : null,
});
