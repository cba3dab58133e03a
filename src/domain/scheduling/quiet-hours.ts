// Quiet hours: a message due inside the client's quiet hours (local time) waits until they end.
import { Temporal } from 'temporal-polyfill';

/** The instant a message may go out: `at`, or the end of the quiet hours it falls into. */
export function afterQuietHours(at: number, quiet: { start: string; end: string }, timeZone: string): number {
  if (quiet.start === quiet.end) return at;
  const local = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(timeZone);
  const time = local.toPlainTime().toString({ smallestUnit: 'minute' });
  const overnight = quiet.start > quiet.end;
  const inside = overnight ? time >= quiet.start || time < quiet.end : time >= quiet.start && time < quiet.end;
  if (!inside) return at;
  // the end is today, or tomorrow when the quiet hours started this evening
  const endDay = overnight && time >= quiet.start ? local.toPlainDate().add({ days: 1 }) : local.toPlainDate();
  return endDay.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(quiet.end) }).epochMilliseconds;
}
