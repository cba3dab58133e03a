// The fast path against the reference engine: starts found once and cut to the moment of a request
// must be exactly what findSlots finds at that moment, on random hours, closures, time off, bookings,
// buffers, grids, notice and horizons, in zones with DST changes (and Lord Howe's half-hour one).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { findSlots, type Buffers, type ResourceFree, type SlotQuery } from './availability.js';
import { normalize, subtract, type Interval } from './intervals.js';
import { expandWeekly, localDays, type DayOverride, type WeeklyHours } from './local-time.js';
import { openSlots, slotsAt } from './slots-at.js';

const MIN = 60_000;
const ZONES = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Australia/Lord_Howe', 'America/Phoenix'] as const;
// days around spring-forward and fall-back in those zones, and an ordinary week
const FIRST_DAYS = ['2027-03-12', '2027-11-05', '2027-03-26', '2027-10-29', '2027-04-02', '2027-10-01', '2027-06-14'] as const;

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
// mostly long days (night hours included, where the DST changes happen), sometimes closed
const range = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 8, max: 96 })).map(([a, len]) => ({ start: hhmm(a * 15), end: hhmm(Math.min(96, a + len) * 15) }));
const day = fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 5, arbitrary: fc.array(range, { minLength: 1, maxLength: 2 }) });
const weekly: fc.Arbitrary<WeeklyHours> = fc.tuple(day, day, day, day, day, day, day).map((d) => Object.fromEntries(d.map((r, i) => [i + 1, r])));
const buffers: fc.Arbitrary<Buffers> = fc.record({ beforeMin: fc.constantFrom(0, 5, 15), afterMin: fc.constantFrom(0, 10, 30) });

/** Busy instants: bookings and time off as offsets in minutes from the window's start. */
const busy = fc.array(fc.tuple(fc.integer({ min: -120, max: 6 * 1440 }), fc.integer({ min: 5, max: 240 })), { maxLength: 8 });
const toIntervals = (start: number, xs: [number, number][]): Interval[] => normalize(xs.map(([a, len]) => ({ start: start + a * MIN, end: start + (a + len) * MIN })));

const scenario = fc.record({
  zone: fc.constantFrom(...ZONES),
  first: fc.constantFrom(...FIRST_DAYS),
  days: fc.integer({ min: 1, max: 5 }),
  location: weekly,
  closedDay: fc.option(fc.integer({ min: 0, max: 4 })),
  providers: fc.array(fc.record({ hours: weekly, busy }), { minLength: 1, maxLength: 3 }),
  rooms: fc.option(fc.array(busy, { minLength: 1, maxLength: 2 })),
  devices: fc.option(fc.array(busy, { minLength: 1, maxLength: 2 })),
  durationMin: fc.constantFrom(15, 30, 45, 60, 75, 90),
  gridMin: fc.constantFrom(5, 10, 15, 30, 60),
  buffers: fc.record({ provider: buffers, room: buffers, device: buffers }),
  // often on the grid, so that starts and ends land exactly on the notice and horizon limits
  nowOffsetMin: fc.oneof(fc.integer({ min: -3 * 1440, max: 5 * 1440 }), fc.integer({ min: -3 * 96, max: 5 * 96 }).map((q) => q * 15)),
  minNoticeMin: fc.constantFrom(0, 7, 60, 24 * 60),
  horizonDays: fc.integer({ min: 0, max: 8 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function queryOf(s: Scenario): SlotQuery {
  const from = s.first;
  const to = Temporal.PlainDate.from(from).add({ days: s.days - 1 }).toString();
  const window = localDays(from, to, s.zone);
  const closures: DayOverride[] = s.closedDay !== null && s.closedDay < s.days ? [{ date: Temporal.PlainDate.from(from).add({ days: s.closedDay }).toString(), ranges: [] }] : [];
  const open = expandWeekly(s.location, closures, from, to, s.zone);
  const resource = (id: string, free: Interval[], b: [number, number][]): ResourceFree => ({ id, free: subtract(free, toIntervals(window.start, b)) });
  return {
    durationMin: s.durationMin,
    buffers: s.buffers,
    providers: s.providers.map((p, i) => resource(`p${i}`, intersectAll(expandWeekly(p.hours, closures, from, to, s.zone), open), p.busy)),
    rooms: s.rooms ? s.rooms.map((b, i) => resource(`r${i}`, open, b)) : null,
    devices: s.devices ? s.devices.map((b, i) => resource(`d${i}`, open, b)) : null,
    window,
    gridMin: s.gridMin,
    timeZone: s.zone,
    now: window.start + s.nowOffsetMin * MIN,
    minNoticeMin: s.minNoticeMin,
    horizonDays: s.horizonDays,
  };
}

/** Provider hours only where the location is open. */
function intersectAll(a: Interval[], b: Interval[]): Interval[] {
  return normalize(a.flatMap((x) => b.map((y) => ({ start: Math.max(x.start, y.start), end: Math.min(x.end, y.end) })).filter((i) => i.end > i.start)));
}

describe('the availability fast path', () => {
  it('gives exactly the reference engine’s starts at every moment', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const q = queryOf(s);
        const { now, minNoticeMin, horizonDays, ...open } = q;
        expect(slotsAt(openSlots(open), { now, minNoticeMin, horizonDays })).toEqual(findSlots(q));
      }),
      { numRuns: 400 },
    );
  });

  it('one set of open starts serves many moments', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.integer({ min: -1440, max: 6 * 1440 }), { minLength: 1, maxLength: 5 }), (s, moments) => {
        const q = queryOf(s);
        const { now: _now, minNoticeMin, horizonDays, ...open } = q;
        const all = openSlots(open);
        for (const m of moments) {
          const now = q.window.start + m * MIN;
          expect(slotsAt(all, { now, minNoticeMin, horizonDays })).toEqual(findSlots({ ...q, now }));
        }
      }),
      { numRuns: 150 },
    );
  });
});
