// Small helpers the owner reports share: local dates, privacy-minded client labels, rates and
// grouping rows under a key while keeping first-seen order.
import { Temporal } from 'temporal-polyfill';

/** The calendar date of an instant where it happened (the location's time zone). */
export const localDate = (at: Date, timeZone: string): string =>
  Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();

/** Every date from `from` to `to`, so a chart shows quiet days as zero rather than skipping them. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = Temporal.PlainDate.from(from); Temporal.PlainDate.compare(d, to) <= 0; d = d.add({ days: 1 })) out.push(d.toString());
  return out;
}

/** Reports show a first name and a last initial: enough to recognise a sale, no more. */
export const clientLabel = (first: string, last: string): string => `${first} ${last.slice(0, 1)}.`.trim();

/** part / whole as a fraction 0..1 (4 decimals), 0 when nothing happened. */
export const rate = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

/** The mean rounded to 2 decimals; null when there is nothing to average. */
export const mean2 = (sum: number, n: number): number | null => (n === 0 ? null : Math.round((sum / n) * 100) / 100);

/** A map that makes its entries on first use, in insertion order. */
export function grouper<T>(make: (key: string) => T) {
  const map = new Map<string, T>();
  return {
    at(key: string): T {
      let v = map.get(key);
      if (!v) map.set(key, (v = make(key)));
      return v;
    },
    values: () => [...map.values()],
  };
}
