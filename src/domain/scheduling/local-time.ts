// Wall-clock time in a location's time zone: opening hours and weekly schedules are local times,
// turned into instants with Temporal so DST days are as long as they really are.
import { Temporal } from 'temporal-polyfill';
import { normalize, type Interval } from './intervals.js';

/** "HH:MM" local wall-clock; "24:00" means the end of the day. */
export interface LocalRange {
  start: string;
  end: string;
}

/** ISO weekday (1 = Monday ... 7 = Sunday) to its ranges. */
export type WeeklyHours = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, LocalRange[]>>;

export interface DayOverride {
  date: string;
  /** replaces the weekly hours of that date; empty means closed */
  ranges: LocalRange[];
}

const toTime = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return { hour: h, minute: m };
};

// Zone rules do not change while the process runs, so conversions are memoized: availability asks
// for the same few wall-clock times on the same dates for every provider, room and device.
const instantCache = new Map<string, number>();
const MAX_CACHE = 50_000;

/** The instant of a local date and wall-clock time; a time in a DST gap moves forward (compatible). */
export function instantOf(date: string, hhmm: string, timeZone: string): number {
  const key = `${date}|${hhmm}|${timeZone}`;
  const hit = instantCache.get(key);
  if (hit !== undefined) return hit;
  if (instantCache.size > MAX_CACHE) instantCache.clear();
  const v = computeInstant(date, hhmm, timeZone);
  instantCache.set(key, v);
  return v;
}

function computeInstant(date: string, hhmm: string, timeZone: string): number {
  const d = Temporal.PlainDate.from(date);
  const { hour, minute } = toTime(hhmm);
  const day = hour === 24 ? d.add({ days: 1 }) : d;
  return day.toZonedDateTime({ timeZone, plainTime: new Temporal.PlainTime(hour === 24 ? 0 : hour, minute) }).epochMilliseconds;
}

/** A local date's ranges as instants. */
export function dayRanges(date: string, ranges: readonly LocalRange[], timeZone: string): Interval[] {
  return ranges.map((r) => ({ start: instantOf(date, r.start, timeZone), end: instantOf(date, r.end, timeZone) })).filter((i) => i.end > i.start);
}

/** Weekly hours with date overrides, from one local date to another (inclusive), as instants. */
export function expandWeekly(hours: WeeklyHours, overrides: readonly DayOverride[], from: string, to: string, timeZone: string): Interval[] {
  const byDate = new Map(overrides.map((o) => [o.date, o.ranges]));
  const out: Interval[] = [];
  for (const { date, weekday } of datesBetween(from, to)) {
    const ranges = byDate.get(date) ?? hours[weekday as 1] ?? [];
    out.push(...dayRanges(date, ranges, timeZone));
  }
  return normalize(out);
}

const datesCache = new Map<string, { date: string; weekday: number }[]>();

/** The local dates from one to another (inclusive) with their ISO weekday, memoized. */
export function datesBetween(from: string, to: string): { date: string; weekday: number }[] {
  const key = `${from}|${to}`;
  let list = datesCache.get(key);
  if (!list) {
    list = [];
    for (let d = Temporal.PlainDate.from(from); Temporal.PlainDate.compare(d, to) <= 0; d = d.add({ days: 1 })) list.push({ date: d.toString(), weekday: d.dayOfWeek });
    if (datesCache.size > 1000) datesCache.clear();
    datesCache.set(key, list);
  }
  return list;
}

/** The whole local days from one date to another (inclusive) as one instant interval. */
export function localDays(from: string, to: string, timeZone: string): Interval {
  return { start: instantOf(from, '00:00', timeZone), end: instantOf(to, '24:00', timeZone) };
}

export function localDateOf(instant: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

// offsets by zone and quarter hour, shared by every finder: a zone's rules do not change while the
// process runs, and an availability answer asks for the same quarter hours request after request
const offsetsByZone = new Map<string, Map<number, number>>();
const MAX_OFFSETS_PER_ZONE = 200_000;

/** UTC offset of a zone at an instant, in ms; cached by quarter hour (offsets change on those). */
export function offsetFinder(timeZone: string) {
  let cache = offsetsByZone.get(timeZone);
  if (!cache || cache.size > MAX_OFFSETS_PER_ZONE) offsetsByZone.set(timeZone, (cache = new Map<number, number>()));
  return (instant: number) => {
    const key = Math.floor(instant / 900_000);
    let off = cache.get(key);
    if (off === undefined) {
      off = Temporal.Instant.fromEpochMilliseconds(key * 900_000).toZonedDateTimeISO(timeZone).offsetNanoseconds / 1e6;
      cache.set(key, off);
    }
    return off;
  };
}

/** The first instant at or after x whose local wall-clock minute is a multiple of the grid. */
export function alignUp(x: number, gridMs: number, offsetAt: (t: number) => number): number {
  let off = offsetAt(x);
  let a = Math.ceil((x + off) / gridMs) * gridMs - off;
  // across a DST change the offset at the candidate may differ: align again with that offset
  for (let i = 0; i < 3; i++) {
    const off2 = offsetAt(a);
    if (off2 === off) break;
    off = off2;
    a = Math.ceil((x + off) / gridMs) * gridMs - off;
    // that point can fall before the change (when the change is not on the grid, e.g. Lord Howe's
    // 30 minutes under an hourly grid): the next grid point under the new offset is after it
    if (offsetAt(a) !== off) a += gridMs;
  }
  return a;
}
