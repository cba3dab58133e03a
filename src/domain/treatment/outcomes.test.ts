import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { goodmanBaronScore, isFinalAssessment, labelFor } from './outcomes.js';

const addDays = (d: string, n: number) => Temporal.PlainDate.from(d).add({ days: n }).toString();

describe('outcome measures', () => {
  it('stores labels for the scales', () => {
    expect(labelFor('gais', 2)).toBe('Much improved');
    expect(labelFor('satisfaction', 5)).toBe('Very satisfied');
    expect(labelFor('goodman_baron_qualitative', 3)).toBe('Grade 3: moderate');
    expect(labelFor('gais', 9)).toBeNull();
  });
  it.each([
    [{ macular: 0, mild: 0, moderate: 0, severe: 0, papular: 0, keloidal: 0 }, 0],
    [{ macular: 5, mild: 0, moderate: 0, severe: 0, papular: 0, keloidal: 0 }, 1],
    [{ macular: 0, mild: 10, moderate: 11, severe: 0, papular: 2, keloidal: 0 }, 2 + 6],
    [{ macular: 21, mild: 21, moderate: 21, severe: 21, papular: 0, keloidal: 0 }, 30],
  ])('Goodman and Baron quantitative score %#', (counts, score) => {
    expect(goodmanBaronScore(counts)).toBe(score);
  });
  it('judges final outcomes at least 3 months after the last session', () => {
    expect(isFinalAssessment('2027-04-01', '2027-01-01', addDays)).toBe(true);
    expect(isFinalAssessment('2027-03-31', '2027-01-01', addDays)).toBe(false);
  });
});
