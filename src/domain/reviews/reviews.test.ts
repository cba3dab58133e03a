import { describe, expect, it } from 'vitest';
import { credentialLabel, displayName, reviewability, reviewOpensAt, summarize, summaryOf, yearsSince } from './reviews.js';

const DAY = 86_400_000;
// 2026-11-01T15:00:00Z
const treatedAt = 1_793_545_200_000;
const facts = { status: 'completed', kind: 'treatment' as const, reviewed: false, treatedAt, day7AnsweredAt: null };

describe('reviews', () => {
  it('opens a week after the treatment, or sooner when the day-7 check-in is answered', () => {
    expect(reviewOpensAt(facts)).toBe(treatedAt + 7 * DAY);
    expect(reviewOpensAt({ treatedAt, day7AnsweredAt: treatedAt + 6 * DAY })).toBe(treatedAt + 6 * DAY);
    expect(reviewability(facts, treatedAt + 6 * DAY)).toEqual({ ok: false, reason: 'too_early', opensAt: treatedAt + 7 * DAY });
    expect(reviewability(facts, treatedAt + 7 * DAY)).toEqual({ ok: true });
    expect(reviewability({ ...facts, day7AnsweredAt: treatedAt + DAY }, treatedAt + 2 * DAY)).toEqual({ ok: true });
  });

  it('refuses a visit not completed or already reviewed', () => {
    expect(reviewability({ ...facts, status: 'checked_in' }, treatedAt + 30 * DAY)).toMatchObject({ reason: 'not_completed' });
    expect(reviewability({ ...facts, reviewed: true }, treatedAt + 30 * DAY)).toMatchObject({ reason: 'reviewed' });
  });

  it('names the reviewer by first name and initial, or not at all', () => {
    expect(displayName('Casey', 'parker', 'first_name_initial')).toBe('Casey P.');
    expect(displayName('Casey', '', 'first_name_initial')).toBe('Casey');
    expect(displayName('Casey', 'Parker', 'anonymous')).toBe('Verified client');
  });

  it('summarizes ratings to one decimal', () => {
    expect(summarize([])).toEqual({ average: null, count: 0 });
    expect(summarize([5, 4, 4])).toEqual({ average: 4.3, count: 3 });
    expect(summaryOf(2, 9)).toEqual({ average: 4.5, count: 2 });
  });

  it('labels credentials and counts years of practice', () => {
    expect(credentialLabel('rf_training')).toBe('RF training');
    expect(credentialLabel('advanced_microneedling')).toBe('Advanced microneedling');
    expect(yearsSince(2015, 2026)).toBe(11);
    expect(yearsSince(null, 2026)).toBeNull();
  });
});
