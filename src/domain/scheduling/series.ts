// A treatment series: one slot per session, each inside its interval window after the previous one
// (in local calendar days), with the same provider where possible.
import { addDays, localDateOf, localDays } from './local-time.js';
import type { Interval } from './intervals.js';
import type { Slot } from './availability.js';

export interface SeriesQuery {
  sessions: number;
  intervalDays: { min: number; max: number };
  /** local dates for the first session */
  firstFrom: string;
  firstTo: string;
  timeZone: string;
  /** slots in a window, as the availability engine finds them */
  slotsIn: (window: Interval) => Slot[];
  preferProviderId?: string | undefined;
}

export interface SeriesResult {
  slots: Slot[];
  /** the first session that found no slot in its window, if any */
  missing: { session: number; from: string; to: string } | null;
}

export function planSeries(q: SeriesQuery): SeriesResult {
  const slots: Slot[] = [];
  let from = q.firstFrom;
  let to = q.firstTo;
  let provider = q.preferProviderId;
  for (let n = 1; n <= q.sessions; n++) {
    const candidates = q.slotsIn(localDays(from, to, q.timeZone)).filter((s) => !slots.some((x) => x.start < s.end && s.start < x.end));
    const chosen = (provider ? candidates.find((s) => s.providerId === provider) : undefined) ?? candidates[0];
    if (!chosen) return { slots, missing: { session: n, from, to } };
    slots.push(chosen);
    provider ??= chosen.providerId;
    const day = localDateOf(chosen.start, q.timeZone);
    from = addDays(day, q.intervalDays.min);
    to = addDays(day, q.intervalDays.max);
  }
  return { slots, missing: null };
}
