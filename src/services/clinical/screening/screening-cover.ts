// Which dates a client's screening lets a treatment be booked for, and when none, why in plain
// words. Booking, the booking window the picker opens on and check-in all ask this one place, so
// what a client is offered is what they may book (issue 12, item 1).
import { Temporal } from 'temporal-polyfill';
import type { ScreeningRecord } from '../../../db/repositories/clinical.repository.js';
import { humanDate } from '../../../domain/shared/human-date.js';
import { clearsTreatment } from './screening-view.js';

export interface Cover {
  from: string;
  until: string;
}

export type Blocker = 'none' | 'stale' | 'expired' | 'review_pending' | 'not_advised' | 'deferred' | 'before_cover' | 'after_cover';

export type Standing = { ok: true; cover: Cover; screening: ScreeningRecord } | { ok: false; blocker: Blocker; message: string; screening: ScreeningRecord | null };

const addDays = (d: string, n: number) => Temporal.PlainDate.from(d).add({ days: n }).toString();

/**
 * The dates one screening covers: its plan date (or, for a deferral the same answers clear later,
 * that later date) to its validity. A planned series reaches `extraDays` further: it is screened
 * as a whole at its first session and again at each check-in (decision 0008).
 */
export function coverOf(r: ScreeningRecord, extraDays = 0): Cover | null {
  const from = clearsTreatment(r) ? r.plan_date : r.decision === 'deferred' ? r.clears_from : null;
  return from ? { from, until: addDays(r.valid_until, extraDays) } : null;
}

/** Why the newest screening of a modality clears nothing: a sentence a client can act on. */
function blockerOf(newest: ScreeningRecord | undefined, latestIntake: number, today: string, extraDays: number): Exclude<Standing, { ok: true }> {
  if (!newest) return { ok: false, blocker: 'none', message: 'there is no eligibility check for this treatment yet', screening: null };
  const miss = (blocker: Blocker, message: string) => ({ ok: false as const, blocker, message, screening: newest });
  if (newest.intake_version !== latestIntake) return miss('stale', 'the health answers changed after the last eligibility check, so it needs checking again');
  if (newest.decision === 'needs_review' && !newest.review_id) return miss('review_pending', 'a clinician is reviewing the health answers');
  if (newest.decision === 'contraindicated' || (newest.decision === 'needs_review' && newest.review_outcome === 'declined')) return miss('not_advised', 'this treatment is not advised on the current health answers');
  if (newest.decision === 'deferred' && !newest.clears_from) return miss('deferred', 'this treatment has to wait, and the clinic will talk with the client about when');
  const cover = coverOf(newest, extraDays);
  if (cover && today > cover.until) return miss('expired', `the last eligibility check ran out on ${humanDate(cover.until)}, so it needs checking again`);
  return miss('none', 'there is no eligibility check for this treatment yet');
}

/**
 * The standing of a client's screenings for one modality (newest first): a current screening that
 * covers `date` (or, without a date, the newest one that still covers a day from today on).
 */
export function screeningStanding(screenings: ScreeningRecord[], latestIntake: number, today: string, opts: { date?: string; extraDays?: number } = {}): Standing {
  const extra = opts.extraDays ?? 0;
  const current = screenings.filter((s) => s.intake_version === latestIntake);
  const covering = current
    .map((s) => ({ s, cover: coverOf(s, extra) }))
    .filter((c): c is { s: ScreeningRecord; cover: Cover } => c.cover !== null && today <= c.cover.until);
  const hit = opts.date ? covering.find((c) => c.cover.from <= opts.date! && opts.date! <= c.cover.until) : covering[0];
  if (hit) return { ok: true, cover: hit.cover, screening: hit.s };
  const newest = screenings[0];
  const first = covering[0];
  // the newest result clears other dates than the one asked for: say which
  if (opts.date && first && newest && first.s.id === newest.id) {
    return opts.date < first.cover.from
      ? { ok: false, blocker: 'before_cover', message: `treatment can start on ${humanDate(first.cover.from)} at the earliest`, screening: first.s }
      : { ok: false, blocker: 'after_cover', message: `the eligibility check covers treatment until ${humanDate(first.cover.until)}, so later dates need checking again`, screening: first.s };
  }
  return blockerOf(newest, latestIntake, today, extra);
}
