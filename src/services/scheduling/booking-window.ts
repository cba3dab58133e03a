// The dates a client may book a service for, worked out from the same rules booking applies
// (booking-rules.ts, screening-cover.ts): the picker opens on the first of them, and a service the
// client cannot book yet says why in plain words and what to do next (issue 12, item 1).
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/connect.js';
import { latestIntake, listScreenings } from '../../db/repositories/clinical.repository.js';
import { listConsents } from '../../db/repositories/consents.repository.js';
import { listRiskAcknowledgements } from '../../db/repositories/learn.repository.js';
import { listClientTreatments } from '../../db/repositories/bookings.repository.js';
import type { ServiceRow } from '../../db/repositories/scheduling.repository.js';
import { RISK_SUMMARY } from '../../domain/learn/guide.js';
import { localDateOf } from '../../domain/scheduling/local-time.js';
import { humanDate } from '../../domain/shared/human-date.js';
import { screeningStanding, type Blocker } from '../clinical/screening/screening-cover.js';
import { consentStatus } from '../consent/consent-view.js';
import { planTerms } from './booking-rules.js';
import type { BookingWindowView } from './booking-window.schema.js';

const addDays = (d: string, n: number) => Temporal.PlainDate.from(d).add({ days: n }).toString();

type Step = NonNullable<BookingWindowView['nextStep']>;
const consultation: Step = { kind: 'book_consultation', label: 'Book a consultation', from: null };
const check: Step = { kind: 'check_eligibility', label: 'Check my eligibility', from: null };

/** Why not, for the client, by what stands in the way. */
const WHY: Record<Blocker, { reason: string; step: Step }> = {
  none: { reason: 'We need to check that this treatment is safe for you before it can be booked.', step: check },
  stale: { reason: 'Your health answers changed after your last check, so this treatment needs checking again.', step: check },
  expired: { reason: 'Your last eligibility check has run out. Check again to book.', step: check },
  review_pending: {
    reason: 'A clinician is reviewing your answers, usually within two working days, and we will email you the outcome. You can book a consultation meanwhile.',
    step: { kind: 'await_review', label: 'Book a consultation meanwhile', from: null },
  },
  not_advised: { reason: 'This treatment is not advised for you on your current health answers. Book a consultation to talk about other options.', step: consultation },
  deferred: { reason: 'This treatment has to wait for now. Book a consultation and we will plan when.', step: consultation },
  before_cover: { reason: 'This treatment needs checking again for the dates you want.', step: check },
  after_cover: { reason: 'Your eligibility check does not reach these dates. Check again to book later.', step: check },
};

/** The desk and the owner learn only that the clinician must act (docs/security.md, "Roles"). */
const forDesk = (w: BookingWindowView): BookingWindowView =>
  w.bookable || !w.nextStep || w.nextStep.kind === 'questionnaire' ? w : { ...w, reason: 'The clinical team needs to see this client before this treatment can be booked.', nextStep: consultation };

export interface WindowArgs {
  clientId: string;
  service: Pick<ServiceRow, 'id' | 'kind' | 'modality'>;
  timeZone: string;
  today: string;
  horizonDays: number;
  planId: string | null;
  /** a booking being moved does not count against the interval */
  ignoreBookingId: string | null;
  /** clinical reasons only for the client and clinicians */
  clinicalReader: boolean;
}

/** The window for one service; consultations are open from today to the booking horizon. */
export async function bookingWindow(trx: Db, organizationId: string, a: WindowArgs): Promise<BookingWindowView> {
  const horizonEnd = addDays(a.today, a.horizonDays);
  const base = { serviceId: a.service.id, blocked: [], todo: [] };
  if (a.service.kind !== 'treatment' || !a.service.modality) return { ...base, bookable: true, from: a.today, until: horizonEnd, reason: null, nextStep: null };
  const closed = (reason: string, nextStep: Step): BookingWindowView => ({ ...base, bookable: false, from: null, until: null, reason, nextStep });
  const intake = await latestIntake(trx, organizationId, a.clientId);
  if (!intake) return closed('Answer the health questionnaire first, so we can check this treatment is safe for you.', { kind: 'questionnaire', label: 'Answer the health questionnaire', from: null });
  const terms = await planTerms(trx, organizationId, a.clientId, a.planId);
  const screenings = (await listScreenings(trx, organizationId, a.clientId)).filter((s) => s.modality === a.service.modality);
  const standing = screeningStanding(screenings, intake.version, a.today, { extraDays: terms.seriesExtraDays });
  const shown = (w: BookingWindowView) => (a.clinicalReader ? w : forDesk(w));
  if (!standing.ok) return shown(closed(WHY[standing.blocker].reason, WHY[standing.blocker].step));
  const from = standing.cover.from > a.today ? standing.cover.from : a.today;
  if (from > horizonEnd) {
    return shown(closed(`You can be treated from ${humanDate(from)}, further ahead than online booking reaches. Join the waitlist and we will email you when a time is free.`, { kind: 'join_waitlist', label: `Join the waitlist from ${humanDate(from)}`, from }));
  }
  const until = standing.cover.until < horizonEnd ? standing.cover.until : horizonEnd;
  // a client's own hold is the time being chosen now, not another session
  const others = (await listClientTreatments(trx, organizationId, a.clientId)).filter((b) => b.status !== 'held' && b.id !== a.ignoreBookingId).map((b) => localDateOf(new Date(b.starts_at).getTime(), a.timeZone));
  const gap = terms.minDays - 1;
  const blocked = others.map((d) => ({ from: addDays(d, -gap), to: addDays(d, gap) })).filter((r) => r.to >= from && r.from <= until);
  const todo: string[] = [];
  const acks = await listRiskAcknowledgements(trx, organizationId, a.clientId);
  if (!acks.some((k) => k.modality === a.service.modality && k.summary_version === RISK_SUMMARY.version)) todo.push('Read and acknowledge the risk summary (you can do it when you confirm the booking).');
  const consents = await listConsents(trx, organizationId, a.clientId);
  if (!consents.some((c) => c.kind === 'treatment' && c.modality === a.service.modality && consentStatus(c) === 'current')) todo.push('Sign the treatment consent before your visit.');
  const reason = from > a.today ? `You can be treated from ${humanDate(from)}.` : null;
  return shown({ ...base, bookable: true, from, until, blocked, reason, nextStep: null, todo });
}

/** Is this local date inside the window and not too close to another treatment? */
export function windowAllows(w: BookingWindowView, date: string): boolean {
  return w.bookable && w.from !== null && w.until !== null && w.from <= date && date <= w.until && !w.blocked.some((b) => b.from <= date && date <= b.to);
}
