import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { aftercareNow, buildAftercarePlan } from './aftercare-plan.js';
import type { AftercarePlan, TimedItem } from './aftercare-plan.js';
import { AFTERCARE, EXPECTED_COURSE } from '../protocols/microneedling/aftercare.js';

const H = 3_600_000;
const TZ = 'America/New_York';
const treatedAt = Temporal.ZonedDateTime.from('2027-03-12T16:00[America/New_York]').epochMilliseconds;
const iso = (ms: number): string => Temporal.Instant.fromEpochMilliseconds(ms).toString();
const ids = (items: TimedItem[]): string[] => items.map((i) => i.id);

function item(plan: AftercarePlan, id: string): TimedItem {
  const found = plan.items.find((i) => i.id === id);
  if (!found) throw new Error(`missing ${id}`);
  return found;
}

describe('buildAftercarePlan', () => {
  const plan = buildAftercarePlan(treatedAt, TZ);

  it('turns every instruction and expected-course entry into a timed item', () => {
    expect(plan.items).toHaveLength(AFTERCARE.length + EXPECTED_COURSE.length);
    expect(ids(plan.items.filter((i) => i.kind === 'expect'))).toEqual(EXPECTED_COURSE.map((_, i) => `EXP-${i + 1}`));
    expect(plan.treatedAt).toBe(treatedAt);
    expect(plan.timeZone).toBe(TZ);
  });

  it('keeps check-ins at 10:00 local across the DST change', () => {
    expect(iso(treatedAt)).toBe('2027-03-12T21:00:00Z');
    const due = Object.fromEntries(plan.checkIns.map((c) => [c.day, iso(c.dueAt)]));
    expect(due).toEqual({
      1: '2027-03-13T15:00:00Z',
      3: '2027-03-15T14:00:00Z',
      7: '2027-03-19T14:00:00Z',
      14: '2027-03-26T14:00:00Z',
    });
  });

  it('measures instruction windows in real elapsed hours', () => {
    const exercise = item(plan, 'AC-4');
    expect(exercise.text).toMatch(/strenuous exercise/);
    expect(exercise.to).toBe(treatedAt + 72 * H);
    expect(iso(exercise.to ?? 0)).toBe('2027-03-15T21:00:00Z');
  });
});

describe('aftercareNow', () => {
  const plan = buildAftercarePlan(treatedAt, TZ);

  it('at +2h shows the first-day instructions', () => {
    const r = aftercareNow(plan, treatedAt + 2 * H);
    expect(ids(r.now)).toEqual(expect.arrayContaining(['AC-1', 'AC-2', 'EXP-1']));
    expect(ids(r.now)).not.toContain('AC-3');
    expect(ids(r.next)[0]).toBe('AC-3');
    expect(r.nextCheckIn?.day).toBe(1);
  });

  it('at +30h shows sunscreen and drops the first-day rules', () => {
    const r = aftercareNow(plan, treatedAt + 30 * H);
    expect(ids(r.now)).toContain('AC-3');
    expect(ids(r.now)).not.toContain('AC-2');
    expect(r.nextCheckIn?.day).toBe(3);
  });

  it('lists upcoming items in order, at most five, and no check-in after the last', () => {
    const r = aftercareNow(plan, treatedAt - H);
    expect(r.next).toHaveLength(5);
    expect(r.next.map((i) => i.from)).toEqual([...r.next.map((i) => i.from)].sort((a, b) => a - b));
    const late = aftercareNow(plan, treatedAt + 20 * 24 * H);
    expect(late.nextCheckIn).toBeNull();
  });

  it('an item ends exactly at its end instant', () => {
    expect(ids(aftercareNow(plan, treatedAt + 72 * H - 1).now)).toContain('AC-4');
    expect(ids(aftercareNow(plan, treatedAt + 72 * H).now)).not.toContain('AC-4');
  });
});
