// Client reviews and the public provider directory: when a visit may be reviewed, how the reviewer
// is named in public, rating summaries and the labels a new client reads.

const DAY_MS = 86_400_000;
/** A review waits until the skin has settled: the day-7 check-in answered, or a week after the visit. */
export const REVIEW_WAIT_DAYS = 7;

export interface ReviewFacts {
  status: string;
  kind: 'consultation' | 'treatment';
  reviewed: boolean;
  /** when the treatment was done (the aftercare journey's start, else the end of the visit), ms */
  treatedAt: number;
  /** when the scheduled day-7 check-in was answered, ms */
  day7AnsweredAt: number | null;
}

export const reviewOpensAt = (f: Pick<ReviewFacts, 'treatedAt' | 'day7AnsweredAt'>): number => {
  const week = f.treatedAt + REVIEW_WAIT_DAYS * DAY_MS;
  return f.day7AnsweredAt === null ? week : Math.min(week, f.day7AnsweredAt);
};

export type Reviewability = { ok: true } | { ok: false; reason: 'not_completed' | 'reviewed' | 'too_early'; opensAt?: number };

export function reviewability(f: ReviewFacts, now: number): Reviewability {
  if (f.status !== 'completed') return { ok: false, reason: 'not_completed' };
  if (f.reviewed) return { ok: false, reason: 'reviewed' };
  const opensAt = reviewOpensAt(f);
  if (now < opensAt) return { ok: false, reason: 'too_early', opensAt };
  return { ok: true };
}

export type NameChoice = 'first_name_initial' | 'anonymous';
export const ANONYMOUS_NAME = 'Verified client';

/** 'Casey P.' or 'Verified client': never a full name. */
export function displayName(firstName: string, lastName: string, choice: NameChoice): string {
  const first = firstName.trim();
  if (choice === 'anonymous' || !first) return ANONYMOUS_NAME;
  const initial = lastName.trim().slice(0, 1).toUpperCase();
  return initial ? `${first} ${initial}.` : first;
}

/** The first word of a name, for a friendly message. */
export const firstNameOf = (name: string) => name.trim().split(/\s+/)[0] ?? '';

export interface RatingSummary {
  /** to one decimal; null with no ratings */
  average: number | null;
  count: number;
}

export function summarize(ratings: readonly number[]): RatingSummary {
  if (!ratings.length) return { average: null, count: 0 };
  const sum = ratings.reduce((a, b) => a + b, 0);
  return { average: Math.round((sum / ratings.length) * 10) / 10, count: ratings.length };
}

/** From a count and a sum (what SQL aggregates give). */
export const summaryOf = (count: number, sum: number): RatingSummary => (count > 0 ? { average: Math.round((sum / count) * 10) / 10, count } : { average: null, count: 0 });

export const LICENCE_LABEL: Record<string, string> = {
  md: 'Physician (MD)',
  do: 'Physician (DO)',
  np: 'Nurse practitioner',
  pa: 'Physician assistant',
  rn: 'Registered nurse',
  lvn: 'Licensed vocational nurse',
  esthetician: 'Licensed esthetician',
  master_esthetician: 'Master esthetician',
};

/** 'rf_training' -> 'RF training': credential codes as a client reads them. */
export function credentialLabel(code: string): string {
  const [first = '', ...rest] = code.split(/[_\s-]+/).filter(Boolean);
  // a short leading word is an abbreviation (rf, ipl, prp)
  const head = first.length <= 3 ? first.toUpperCase() : first.slice(0, 1).toUpperCase() + first.slice(1);
  return [head, ...rest].join(' ');
}

/** Whole years since the year practice began; null when not given. */
export const yearsSince = (since: number | null, currentYear: number): number | null => (since === null ? null : Math.max(0, currentYear - since));
