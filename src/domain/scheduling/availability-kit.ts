// Shared fixtures of the availability tests: open hours, busy times and slot readers in a zone.
import { Temporal } from 'temporal-polyfill';
import type { Buffers, ResourceFree, ResourceKind, Slot, SlotQuery } from './availability.js';
import { normalize, subtract, type Interval } from './intervals.js';
import { expandWeekly, instantOf, localDays } from './local-time.js';
export const NY = 'America/New_York';
export const LA = 'America/Los_Angeles';
export const MIN = 60_000;
export const DAY = '2027-01-05'; // a Tuesday

export const noBuffer: Buffers = { beforeMin: 0, afterMin: 0 };
export const noBuffers: Record<ResourceKind, Buffers> = { provider: noBuffer, room: noBuffer, device: noBuffer };

/** Free time on one local date from a single local range. */
export const open = (date: string, start: string, end: string, tz = NY): Interval[] =>
  expandWeekly({}, [{ date, ranges: [{ start, end }] }], date, date, tz);
/** Free time minus local busy ranges on the same date. */
export const minus = (free: Interval[], date: string, busy: [string, string][], tz = NY): Interval[] =>
  subtract(
    free,
    normalize(busy.map(([s, e]) => ({ start: instantOf(date, s, tz), end: instantOf(date, e, tz) }))),
  );
export const res = (id: string, free: Interval[]): ResourceFree => ({ id, free });

export function query(over: Partial<SlotQuery>): SlotQuery {
  return {
    durationMin: 60,
    buffers: noBuffers,
    providers: [],
    rooms: null,
    devices: null,
    window: localDays(DAY, DAY, NY),
    gridMin: 15,
    timeZone: NY,
    now: instantOf('2027-01-04', '00:00', NY),
    minNoticeMin: 0,
    horizonDays: 60,
    ...over,
  };
}

export const zoned = (t: number, tz = NY) => Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(tz);
/** "HH:MM" local wall clock of an instant. */
export const hm = (t: number, tz = NY) => zoned(t, tz).toPlainTime().toString().slice(0, 5);
export const starts = (slots: Slot[], tz = NY) => slots.map((s) => hm(s.start, tz));

/** What a booking leaves of a resource's free time: the appointment plus that resource's own buffers. */
export const book = (free: Interval[], slot: Slot, b: Buffers): Interval[] =>
  subtract(free, [{ start: slot.start - b.beforeMin * MIN, end: slot.end + b.afterMin * MIN }]);

