import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import {
  addDays,
  alignUp,
  dayRanges,
  expandWeekly,
  instantOf,
  localDateOf,
  localDays,
  offsetFinder,
} from './local-time.js';

const NY = 'America/New_York';
const KOLKATA = 'Asia/Kolkata';
const ADELAIDE = 'Australia/Adelaide';
const HOUR = 3_600_000;
const MIN = 60_000;

const utc = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;
const zoned = (instant: number, tz: string) =>
  Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(tz);
const wall = (instant: number, tz: string) =>
  Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(tz).toPlainDateTime().toString();
const hours = (start: string, end: string) => [{ start, end }];

describe('instantOf', () => {
  it.each<[string, string, string, string]>([
    ['2027-01-05', '09:00', 'UTC', '2027-01-05T09:00:00Z'],
    ['2027-01-05', '09:00', NY, '2027-01-05T14:00:00Z'],
    ['2027-07-05', '09:00', NY, '2027-07-05T13:00:00Z'],
    // half-hour offset: India is +05:30 all year
    ['2027-01-05', '09:00', KOLKATA, '2027-01-05T03:30:00Z'],
    // Adelaide is on daylight time (+10:30) in January, standard time (+09:30) in July
    ['2027-01-05', '09:00', ADELAIDE, '2027-01-04T22:30:00Z'],
    ['2027-07-05', '09:00', ADELAIDE, '2027-07-04T23:30:00Z'],
    // '24:00' is midnight at the end of the day
    ['2027-01-05', '24:00', NY, '2027-01-06T05:00:00Z'],
    // a time in the spring-forward gap moves forward: 02:30 does not exist, 03:30 EDT does
    ['2027-03-14', '02:30', NY, '2027-03-14T07:30:00Z'],
    // an ambiguous fall-back time takes the earlier (daylight) instant
    ['2026-11-01', '01:30', NY, '2026-11-01T05:30:00Z'],
  ])('%s %s in %s is %s', (date, hhmm, tz, iso) => {
    expect(instantOf(date, hhmm, tz)).toBe(utc(iso));
  });
});

describe('expandWeekly across DST', () => {
  const sunday = (start: string, end: string) => ({ 7: hours(start, end) });

  it('spring-forward day 2027-03-14: 09:00–17:00 is still 8 hours', () => {
    const r = expandWeekly(sunday('09:00', '17:00'), [], '2027-03-14', '2027-03-14', NY);
    expect(r).toEqual([{ start: utc('2027-03-14T13:00:00Z'), end: utc('2027-03-14T21:00:00Z') }]);
    expect(r[0]!.end - r[0]!.start).toBe(8 * HOUR);
  });

  it('spring-forward day: 01:00–04:00 is 2 hours of real time (02:00–03:00 does not exist)', () => {
    const r = expandWeekly(sunday('01:00', '04:00'), [], '2027-03-14', '2027-03-14', NY);
    expect(r).toHaveLength(1);
    expect(r[0]!.end - r[0]!.start).toBe(2 * HOUR);
    expect(wall(r[0]!.start, NY)).toBe('2027-03-14T01:00:00');
    expect(wall(r[0]!.end, NY)).toBe('2027-03-14T04:00:00');
  });

  it('fall-back day 2026-11-01: 01:00–04:00 is 4 hours of real time (01:00–02:00 happens twice)', () => {
    const r = expandWeekly(sunday('01:00', '04:00'), [], '2026-11-01', '2026-11-01', NY);
    expect(r).toHaveLength(1);
    expect(r[0]!.end - r[0]!.start).toBe(4 * HOUR);
    expect(r[0]!.start).toBe(utc('2026-11-01T05:00:00Z'));
    expect(r[0]!.end).toBe(utc('2026-11-01T09:00:00Z'));
  });

  it('a whole day is 23 hours in spring and 25 hours in autumn', () => {
    const spring = expandWeekly(sunday('00:00', '24:00'), [], '2027-03-14', '2027-03-14', NY);
    const autumn = expandWeekly(sunday('00:00', '24:00'), [], '2026-11-01', '2026-11-01', NY);
    expect(spring[0]!.end - spring[0]!.start).toBe(23 * HOUR);
    expect(autumn[0]!.end - autumn[0]!.start).toBe(25 * HOUR);
  });

  it('a whole week of 09:00–17:00 around spring-forward is 7 ranges of 8 hours each', () => {
    const all = [1, 2, 3, 4, 5, 6, 7] as const;
    const weekly = Object.fromEntries(all.map((d) => [d, hours('09:00', '17:00')]));
    const r = expandWeekly(weekly, [], '2027-03-11', '2027-03-17', NY);
    expect(r).toHaveLength(7);
    for (const i of r) expect(i.end - i.start).toBe(8 * HOUR);
    expect(r.map((i) => wall(i.start, NY).slice(11))).toEqual(Array<string>(7).fill('09:00:00'));
  });
});

describe('expandWeekly in other zones and with overrides', () => {
  it('half-hour-offset zone: Asia/Kolkata 09:00 local is 03:30Z', () => {
    const r = expandWeekly({ 2: hours('09:00', '17:00') }, [], '2027-01-05', '2027-01-05', KOLKATA);
    expect(r).toEqual([{ start: utc('2027-01-05T03:30:00Z'), end: utc('2027-01-05T11:30:00Z') }]);
  });

  it('Australia/Adelaide is +10:30 in January', () => {
    const r = expandWeekly({ 2: hours('09:00', '17:00') }, [], '2027-01-05', '2027-01-05', ADELAIDE);
    expect(r).toEqual([{ start: utc('2027-01-04T22:30:00Z'), end: utc('2027-01-05T06:30:00Z') }]);
  });

  it('uses the ISO weekday of each local date (Monday = 1 ... Sunday = 7)', () => {
    const weekly = { 1: hours('09:00', '10:00'), 3: hours('11:00', '12:00'), 7: hours('13:00', '14:00') };
    const r = expandWeekly(weekly, [], '2027-01-04', '2027-01-10', 'UTC');
    expect(r).toEqual([
      { start: utc('2027-01-04T09:00:00Z'), end: utc('2027-01-04T10:00:00Z') },
      { start: utc('2027-01-06T11:00:00Z'), end: utc('2027-01-06T12:00:00Z') },
      { start: utc('2027-01-10T13:00:00Z'), end: utc('2027-01-10T14:00:00Z') },
    ]);
  });

  it('an override replaces the weekly hours of its date; an empty override closes the day', () => {
    const weekly = { 1: hours('09:00', '17:00'), 2: hours('09:00', '17:00'), 3: hours('09:00', '17:00') };
    const overrides = [
      {
        date: '2027-01-04',
        ranges: [
          { start: '12:00', end: '14:00' },
          { start: '15:00', end: '16:00' },
        ],
      },
      { date: '2027-01-05', ranges: [] },
      // an override may open a day that has no weekly hours
      { date: '2027-01-09', ranges: hours('10:00', '11:00') },
    ];
    const r = expandWeekly(weekly, overrides, '2027-01-04', '2027-01-10', NY);
    expect(r.map((i) => [wall(i.start, NY), wall(i.end, NY)])).toEqual([
      ['2027-01-04T12:00:00', '2027-01-04T14:00:00'],
      ['2027-01-04T15:00:00', '2027-01-04T16:00:00'],
      ['2027-01-06T09:00:00', '2027-01-06T17:00:00'],
      ['2027-01-09T10:00:00', '2027-01-09T11:00:00'],
    ]);
  });

  it("'24:00' ends the day at the next local midnight and merges with a range starting at 00:00 the next day", () => {
    const evening = expandWeekly({ 2: hours('20:00', '24:00') }, [], '2027-01-05', '2027-01-05', NY);
    expect(evening).toEqual([{ start: utc('2027-01-06T01:00:00Z'), end: utc('2027-01-06T05:00:00Z') }]);
    const overnight = expandWeekly(
      { 2: hours('20:00', '24:00'), 3: hours('00:00', '02:00') },
      [],
      '2027-01-05',
      '2027-01-06',
      NY,
    );
    expect(overnight).toEqual([{ start: utc('2027-01-06T01:00:00Z'), end: utc('2027-01-06T07:00:00Z') }]);
  });

  it('an empty or inverted range yields nothing', () => {
    expect(
      dayRanges(
        '2027-01-05',
        [
          { start: '10:00', end: '10:00' },
          { start: '12:00', end: '11:00' },
        ],
        NY,
      ),
    ).toEqual([]);
    // 02:00–03:00 on spring-forward day is empty in real time
    expect(dayRanges('2027-03-14', [{ start: '02:00', end: '03:00' }], NY)).toEqual([]);
  });
});

describe('localDays, localDateOf, addDays, offsetFinder', () => {
  it('localDays covers whole local days inclusive', () => {
    expect(localDays('2027-01-05', '2027-01-06', KOLKATA)).toEqual({
      start: utc('2027-01-04T18:30:00Z'),
      end: utc('2027-01-06T18:30:00Z'),
    });
  });

  it('localDateOf is the date in the zone, not in UTC', () => {
    const t = utc('2027-01-05T20:00:00Z');
    expect(localDateOf(t, 'UTC')).toBe('2027-01-05');
    expect(localDateOf(t, KOLKATA)).toBe('2027-01-06');
    expect(localDateOf(t, 'America/Los_Angeles')).toBe('2027-01-05');
  });

  it('addDays crosses months and years', () => {
    expect(addDays('2026-12-20', 28)).toBe('2027-01-17');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
  });

  it('offsetFinder reports the UTC offset, including on both sides of a DST change', () => {
    const off = offsetFinder(NY);
    expect(off(utc('2027-03-14T06:59:00Z'))).toBe(-5 * HOUR);
    expect(off(utc('2027-03-14T07:00:00Z'))).toBe(-4 * HOUR);
    expect(off(utc('2026-11-01T05:59:00Z'))).toBe(-4 * HOUR);
    expect(off(utc('2026-11-01T06:00:00Z'))).toBe(-5 * HOUR);
    expect(offsetFinder(KOLKATA)(utc('2027-01-05T00:00:00Z'))).toBe(5.5 * HOUR);
  });
});

describe('alignUp', () => {
  const GRID = 15 * MIN;
  const localMinute = (t: number, tz: string) =>
    Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(tz).minute;
  const localSecond = (t: number, tz: string) => {
    const z = Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(tz);
    return z.second * 1000 + z.millisecond;
  };

  it('in Asia/Kolkata a 15-minute grid gives local :00/:15/:30/:45 (UTC :00/:15/:30/:45 shifted by the half hour)', () => {
    const off = offsetFinder(KOLKATA);
    expect(alignUp(utc('2027-01-05T03:30:00Z'), GRID, off)).toBe(utc('2027-01-05T03:30:00Z'));
    expect(alignUp(utc('2027-01-05T03:31:00Z'), GRID, off)).toBe(utc('2027-01-05T03:45:00Z'));
    expect(alignUp(utc('2027-01-05T03:50:00Z'), GRID, off)).toBe(utc('2027-01-05T04:00:00Z'));
    expect(wall(alignUp(utc('2027-01-05T03:31:00Z'), GRID, off), KOLKATA)).toBe('2027-01-05T09:15:00');
  });

  it('property: in Asia/Kolkata the result is the first local quarter hour at or after x', () => {
    const off = offsetFinder(KOLKATA);
    const base = utc('2027-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * 24 * 60 * 60 }), (sec) => {
        const x = base + sec * 1000;
        const a = alignUp(x, GRID, off);
        expect(a).toBeGreaterThanOrEqual(x);
        expect(a - x).toBeLessThan(GRID);
        expect(localMinute(a, KOLKATA) % 15).toBe(0);
        expect(localSecond(a, KOLKATA)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('in New York across the fall-back hour it keeps local alignment, every 15 real minutes', () => {
    const off = offsetFinder(NY);
    const from = instantOf('2026-11-01', '00:00', NY);
    const to = instantOf('2026-11-01', '04:00', NY);
    const seen: number[] = [];
    for (let t = alignUp(from, GRID, off); t < to; t = alignUp(t + 1, GRID, off)) seen.push(t);
    // 5 real hours of quarter hours
    expect(seen).toHaveLength(20);
    for (const [k, t] of seen.entries()) {
      expect(t).toBe(from + k * GRID);
      expect(localMinute(t, NY) % 15).toBe(0);
    }
    const walls = seen.map((t) => wall(t, NY).slice(11, 16));
    expect(walls.filter((w) => w === '01:00')).toHaveLength(2);
    expect(walls.filter((w) => w === '01:45')).toHaveLength(2);
    expect(walls.slice(0, 10)).toEqual([
      '00:00',
      '00:15',
      '00:30',
      '00:45',
      '01:00',
      '01:15',
      '01:30',
      '01:45',
      '01:00',
      '01:15',
    ]);
  });

  it('in New York from inside the repeated hour it lands on the next local quarter hour', () => {
    const off = offsetFinder(NY);
    // 01:50 EDT, the next local quarter hour is 01:00 EST (02:00 EDT does not exist)
    expect(alignUp(utc('2026-11-01T05:50:00Z'), GRID, off)).toBe(utc('2026-11-01T06:00:00Z'));
    // 01:50 EST (the second one)
    expect(alignUp(utc('2026-11-01T06:50:00Z'), GRID, off)).toBe(utc('2026-11-01T07:00:00Z'));
  });

  it('on Lord Howe Island (a 30-minute DST change) an hourly grid stays on local whole hours', () => {
    const tz = 'Australia/Lord_Howe';
    const off = offsetFinder(tz);
    const run = (date: string) => {
      const to = instantOf(date, '04:00', tz);
      const seen: string[] = [];
      for (
        let t = alignUp(instantOf(date, '00:00', tz), 60 * MIN, off);
        t < to;
        t = alignUp(t + 1, 60 * MIN, off)
      ) {
        seen.push(zoned(t, tz).toString({ timeZoneName: 'never' }).slice(11));
      }
      return seen;
    };
    // fall-back 2027-04-04: 02:00 +11:00 becomes 01:30 +10:30
    expect(run('2027-04-04')).toEqual([
      '00:00:00+11:00',
      '01:00:00+11:00',
      '02:00:00+10:30',
      '03:00:00+10:30',
    ]);
    // spring-forward 2026-10-04: 02:00 +10:30 becomes 02:30 +11:00
    expect(run('2026-10-04')).toEqual(['00:00:00+10:30', '01:00:00+10:30', '03:00:00+11:00']);
  });

  it('property: around DST changes the result is the first instant at or after x on the local grid', () => {
    // (zone, an instant of a DST change in it)
    const changes: [string, string][] = [
      [NY, '2027-03-14T07:00:00Z'],
      [NY, '2026-11-01T06:00:00Z'],
      [ADELAIDE, '2027-04-03T16:30:00Z'],
      [ADELAIDE, '2026-10-03T16:30:00Z'],
      ['Australia/Lord_Howe', '2027-04-03T15:00:00Z'],
      ['Australia/Lord_Howe', '2026-10-03T15:30:00Z'],
      ['Pacific/Chatham', '2027-04-03T14:00:00Z'],
      ['Pacific/Chatham', '2026-09-26T14:00:00Z'],
      [KOLKATA, '2027-01-01T00:00:00Z'],
    ];
    const minuteOfDay = (t: number, tz: string) => {
      const z = zoned(t, tz);
      return z.hour * 60 + z.minute;
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...changes),
        fc.constantFrom(5, 10, 15, 20, 30, 60),
        fc.integer({ min: -3 * 3600, max: 3 * 3600 }),
        fc.constantFrom(0, 1, 59_999),
        ([tz, iso], grid, sec, ms) => {
          const x = utc(iso) + sec * 1000 + ms;
          const a = alignUp(x, grid * MIN, offsetFinder(tz));
          expect(a).toBeGreaterThanOrEqual(x);
          expect(localSecond(a, tz)).toBe(0);
          expect(minuteOfDay(a, tz) % grid, `${tz} ${grid} ${zoned(a, tz).toString()}`).toBe(0);
          // no earlier whole minute at or after x is on the grid
          for (let m = Math.ceil(x / MIN) * MIN; m < a; m += MIN)
            expect(minuteOfDay(m, tz) % grid).not.toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('in New York across spring-forward an hourly grid jumps from 01:00 to 03:00', () => {
    const off = offsetFinder(NY);
    const from = instantOf('2027-03-14', '00:00', NY);
    const to = instantOf('2027-03-14', '06:00', NY);
    const seen: string[] = [];
    for (let t = alignUp(from, 60 * MIN, off); t < to; t = alignUp(t + 1, 60 * MIN, off))
      seen.push(wall(t, NY).slice(11, 16));
    expect(seen).toEqual(['00:00', '01:00', '03:00', '04:00', '05:00']);
  });
});
