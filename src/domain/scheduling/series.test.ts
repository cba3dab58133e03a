import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findSlots, type ResourceFree, type Slot } from './availability.js';
import type { Interval } from './intervals.js';
import {
  addDays,
  expandWeekly,
  instantOf,
  localDateOf,
  localDays,
  type DayOverride,
  type WeeklyHours,
} from './local-time.js';
import { planSeries, type SeriesQuery } from './series.js';

const TZ = 'America/New_York';
const MIN = 60_000;
const weekdays: WeeklyHours = {
  1: [{ start: '09:00', end: '17:00' }],
  2: [{ start: '09:00', end: '17:00' }],
  3: [{ start: '09:00', end: '17:00' }],
  4: [{ start: '09:00', end: '17:00' }],
  5: [{ start: '09:00', end: '17:00' }],
};

/** Local dates from one to another inclusive, each closed by an empty override. */
function closed(from: string, to: string): DayOverride[] {
  const out: DayOverride[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push({ date: d, ranges: [] });
  return out;
}

const provider = (
  id: string,
  overrides: DayOverride[] = [],
  hours: WeeklyHours = weekdays,
): ResourceFree => ({
  id,
  free: expandWeekly(hours, overrides, '2027-01-01', '2027-12-31', TZ),
});

/** slotsIn on the real engine; records the windows it was asked about. */
function engine(providers: ResourceFree[]) {
  const windows: Interval[] = [];
  const slotsIn = (window: Interval): Slot[] => {
    windows.push(window);
    return findSlots({
      durationMin: 60,
      buffers: {
        provider: { beforeMin: 0, afterMin: 0 },
        room: { beforeMin: 0, afterMin: 0 },
        device: { beforeMin: 0, afterMin: 0 },
      },
      providers,
      rooms: null,
      devices: null,
      window,
      gridMin: 60,
      timeZone: TZ,
      now: instantOf('2027-01-04', '00:00', TZ),
      minNoticeMin: 0,
      horizonDays: 365,
    });
  };
  return { slotsIn, windows };
}

const base = (slotsIn: SeriesQuery['slotsIn'], over: Partial<SeriesQuery> = {}): SeriesQuery => ({
  sessions: 3,
  intervalDays: { min: 28, max: 42 },
  firstFrom: '2027-01-05',
  firstTo: '2027-01-11',
  timeZone: TZ,
  slotsIn,
  ...over,
});

const dateOf = (s: Slot) => localDateOf(s.start, TZ);

/** Each session inside its window: the first in [firstFrom, firstTo], each next one min..max local days after the previous. */
function expectInWindows(q: SeriesQuery, slots: Slot[]) {
  let from = q.firstFrom;
  let to = q.firstTo;
  for (const s of slots) {
    const d = dateOf(s);
    expect(d >= from && d <= to, `${d} in [${from}, ${to}]`).toBe(true);
    from = addDays(d, q.intervalDays.min);
    to = addDays(d, q.intervalDays.max);
  }
}

function expectNoOverlap(slots: Slot[]) {
  for (const [i, a] of slots.entries())
    for (const b of slots.slice(i + 1)) expect(a.start < b.end && b.start < a.end).toBe(false);
}

describe('planSeries', () => {
  it('places 3 sessions 28–42 days apart, each in its window, with the preferred provider', () => {
    const { slotsIn, windows } = engine([provider('a'), provider('b')]);
    const q = base(slotsIn, { preferProviderId: 'b' });
    const r = planSeries(q);
    expect(r.missing).toBeNull();
    expect(r.slots).toHaveLength(3);
    expectInWindows(q, r.slots);
    expect(r.slots.map((s) => s.providerId)).toEqual(['b', 'b', 'b']);
    // the earliest slot of each window: Tue 2027-01-05 09:00, then 28 days later (also Tuesdays)
    expect(r.slots.map(dateOf)).toEqual(['2027-01-05', '2027-02-02', '2027-03-02']);
    expect(r.slots.map((s) => s.start)).toEqual(
      ['2027-01-05', '2027-02-02', '2027-03-02'].map((d) => instantOf(d, '09:00', TZ)),
    );
    // the windows asked for are whole local days
    expect(windows).toEqual([
      localDays('2027-01-05', '2027-01-11', TZ),
      localDays('2027-02-02', '2027-02-16', TZ),
      localDays('2027-03-02', '2027-03-16', TZ),
    ]);
    expectNoOverlap(r.slots);
  });

  it("without a preference keeps the first session's provider even when another one is earlier in a later window", () => {
    // a is closed on the first window's first day, so b takes session 1; later windows start on days where a is open first
    const aHours: WeeklyHours = { ...weekdays, 2: [{ start: '08:00', end: '17:00' }] };
    const { slotsIn } = engine([provider('a', closed('2027-01-05', '2027-01-05'), aHours), provider('b')]);
    const q = base(slotsIn);
    const r = planSeries(q);
    expect(r.missing).toBeNull();
    expect(r.slots[0]!.providerId).toBe('b');
    // on 2027-02-02 (a Tuesday) a is free from 08:00, before b, yet b is kept
    expect(r.slots.map((s) => s.providerId)).toEqual(['b', 'b', 'b']);
    expect(r.slots.map(dateOf)).toEqual(['2027-01-05', '2027-02-02', '2027-03-02']);
  });

  it('switches provider for a window where the preferred one is fully booked, then returns to them', () => {
    // session 1 is on 2027-01-05, so the second window is 2027-02-02 .. 2027-02-16
    const { slotsIn } = engine([provider('a', closed('2027-02-02', '2027-02-16')), provider('b')]);
    const q = base(slotsIn, { preferProviderId: 'a' });
    const r = planSeries(q);
    expect(r.missing).toBeNull();
    expect(r.slots.map((s) => s.providerId)).toEqual(['a', 'b', 'a']);
    expectInWindows(q, r.slots);
  });

  it('reports the session number and window of the first session with no slot', () => {
    const shut = closed('2027-03-02', '2027-03-16');
    const { slotsIn } = engine([provider('a', shut), provider('b', shut)]);
    const r = planSeries(base(slotsIn, { preferProviderId: 'a' }));
    expect(r.missing).toEqual({ session: 3, from: '2027-03-02', to: '2027-03-16' });
    expect(r.slots).toHaveLength(2);
  });

  it('reports session 1 missing when the first window has nothing', () => {
    const { slotsIn } = engine([provider('a', closed('2027-01-05', '2027-01-11'))]);
    const r = planSeries(base(slotsIn));
    expect(r).toEqual({ slots: [], missing: { session: 1, from: '2027-01-05', to: '2027-01-11' } });
  });

  it('a window just past the horizon of the engine is missing', () => {
    const { slotsIn } = engine([provider('a')]);
    // 2027-12-31 is the last day of free time: session 2 would need 2028
    const r = planSeries(base(slotsIn, { firstFrom: '2027-12-20', firstTo: '2027-12-24' }));
    expect(r.slots).toHaveLength(1);
    expect(r.missing).toEqual({
      session: 2,
      from: addDays(dateOf(r.slots[0]!), 28),
      to: addDays(dateOf(r.slots[0]!), 42),
    });
  });

  it('never places two sessions over each other, even in the same window', () => {
    const hours: WeeklyHours = { 2: [{ start: '09:00', end: '12:00' }] };
    const { slotsIn } = engine([provider('a', [], hours)]);
    const q = base(slotsIn, { sessions: 4, intervalDays: { min: 0, max: 0 }, firstTo: '2027-01-05' });
    const r = planSeries(q);
    expect(r.slots.map((s) => s.start)).toEqual(
      ['09:00', '10:00', '11:00'].map((t) => instantOf('2027-01-05', t, TZ)),
    );
    expectNoOverlap(r.slots);
    expect(r.missing).toEqual({ session: 4, from: '2027-01-05', to: '2027-01-05' });
  });

  it('property: with a simple slot generator, sessions are in their windows, never overlap, and missing means no free slot', () => {
    // one slot per provider per day at fixed local hours; some provider-days closed
    const gen =
      (hoursOf: Record<string, number[]>, closedDays: Set<string>) =>
      (window: Interval): Slot[] => {
        const out: Slot[] = [];
        for (
          let d = localDateOf(window.start, TZ);
          instantOf(d, '00:00', TZ) < window.end;
          d = addDays(d, 1)
        ) {
          for (const [id, hs] of Object.entries(hoursOf)) {
            if (closedDays.has(`${id}|${d}`)) continue;
            for (const h of hs) {
              const start = instantOf(d, `${String(h).padStart(2, '0')}:00`, TZ);
              out.push({ start, end: start + 90 * MIN, providerId: id, roomId: null, deviceId: null });
            }
          }
        }
        return out.sort((x, y) => x.start - y.start || x.providerId.localeCompare(y.providerId));
      };
    const dayIdx = fc.integer({ min: 0, max: 200 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 14 }),
        fc.array(fc.integer({ min: 8, max: 17 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 8, max: 17 }), { maxLength: 3 }),
        fc.array(fc.tuple(fc.constantFrom('a', 'b'), dayIdx), { maxLength: 120 }),
        fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
        (sessions, min, extra, aHours, bHours, closings, prefer) => {
          const closedDays = new Set(closings.map(([id, i]) => `${id}|${addDays('2027-01-01', i)}`));
          const slotsIn = gen({ a: aHours, b: bHours }, closedDays);
          const q = base(slotsIn, {
            sessions,
            intervalDays: { min, max: min + extra },
            firstFrom: '2027-01-01',
            firstTo: '2027-01-10',
            preferProviderId: prefer,
          });
          const r = planSeries(q);
          expectInWindows(q, r.slots);
          expectNoOverlap(r.slots);
          if (r.missing) {
            expect(r.missing.session).toBe(r.slots.length + 1);
            const free = slotsIn(localDays(r.missing.from, r.missing.to, TZ)).filter(
              (s) => !r.slots.some((x) => x.start < s.end && s.start < x.end),
            );
            expect(free).toEqual([]);
          } else {
            expect(r.slots).toHaveLength(sessions);
          }
          // the preferred provider is used whenever it has a free slot in the window
          if (prefer) {
            let from = q.firstFrom;
            let to = q.firstTo;
            for (const [i, s] of r.slots.entries()) {
              const earlier = r.slots.slice(0, i);
              const preferredFree = slotsIn(localDays(from, to, TZ)).some(
                (c) => c.providerId === prefer && !earlier.some((x) => x.start < c.end && c.start < x.end),
              );
              expect(s.providerId === prefer).toBe(preferredFree);
              from = addDays(dateOf(s), q.intervalDays.min);
              to = addDays(dateOf(s), q.intervalDays.max);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
