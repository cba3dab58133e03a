// Outcome measures (reference 6): GAIS and client satisfaction as labelled scales (the label is
// stored, not only a number), and Goodman and Baron acne-scar grading, qualitative (grades 1 to 4)
// and quantitative (component counts kept; the score formula is marked unverified in the reference).

export const GAIS = [
  { value: 1, label: 'Very much improved' },
  { value: 2, label: 'Much improved' },
  { value: 3, label: 'Improved' },
  { value: 4, label: 'No change' },
  { value: 5, label: 'Worse' },
] as const;

export const SATISFACTION = [
  { value: 1, label: 'Very dissatisfied' },
  { value: 2, label: 'Dissatisfied' },
  { value: 3, label: 'Neutral' },
  { value: 4, label: 'Satisfied' },
  { value: 5, label: 'Very satisfied' },
] as const;

export const GOODMAN_BARON_QUALITATIVE = [
  { value: 1, label: 'Grade 1: macular', description: 'Flat colour change, no contour problem' },
  { value: 2, label: 'Grade 2: mild', description: 'Not obvious at 50 cm or more; covered by makeup or beard shadow' },
  { value: 3, label: 'Grade 3: moderate', description: 'Obvious at 50 cm or more; not easily covered; flattens when the skin is stretched' },
  { value: 4, label: 'Grade 4: severe', description: 'Obvious at 50 cm or more; does not flatten when stretched' },
] as const;

export const MEASURES = ['gais', 'satisfaction', 'goodman_baron_qualitative', 'goodman_baron_quantitative'] as const;
export type Measure = (typeof MEASURES)[number];

/** Counts per scar severity (points 1 to 4) and the papular and keloidal scars, kept as recorded. */
export interface ScarCounts {
  macular: number;
  mild: number;
  moderate: number;
  severe: number;
  papular: number;
  keloidal: number;
}

const band = (n: number) => (n === 0 ? 0 : n <= 10 ? 1 : n <= 20 ? 2 : 3);

/**
 * Quantitative score as the reference states it (❓ from memory, to be checked against the original
 * table): points per scar type (1 macular, 2 mild, 3 moderate, 4 severe) times a count band (1 to 10
 * scars ×1, 11 to 20 ×2, more than 20 ×3); papular and keloidal scars are kept as counts only.
 */
export function goodmanBaronScore(c: ScarCounts): number {
  return 1 * band(c.macular) + 2 * band(c.mild) + 3 * band(c.moderate) + 4 * band(c.severe);
}

export function labelFor(measure: Measure, value: number): string | null {
  const scale = measure === 'gais' ? GAIS : measure === 'satisfaction' ? SATISFACTION : measure === 'goodman_baron_qualitative' ? GOODMAN_BARON_QUALITATIVE : null;
  if (!scale) return null;
  return (scale as readonly { value: number; label: string }[]).find((s) => s.value === value)?.label ?? null;
}

/** Final outcomes are judged at least 3 months after the last session (3C). */
export function isFinalAssessment(assessedOn: string, lastSessionOn: string | null, addDays: (d: string, n: number) => string): boolean {
  return lastSessionOn !== null && assessedOn >= addDays(lastSessionOn, 90);
}
