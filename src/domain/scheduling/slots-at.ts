// The availability fast path (issue 14 item 2): the starts the resources allow over a window do not
// depend on the time now, only which of them may still be offered does (the minimum notice and the
// booking horizon). So they are found once (openSlots), kept while the data is unchanged, and cut to
// the moment of each request (slotsAt). The grid is anchored on the local clock, not on the first
// start searched, so cutting afterwards gives exactly what findSlots gives: slots-at.test.ts checks
// this on random schedules across DST changes.
import { findSlots, type Slot, type SlotQuery } from './availability.js';

const DAY_MS = 86_400_000;

export type OpenSlotQuery = Omit<SlotQuery, 'now' | 'minNoticeMin' | 'horizonDays'>;
export type Moment = Pick<SlotQuery, 'now' | 'minNoticeMin' | 'horizonDays'>;

/** Every start over the window, as if the window had just begun and had no horizon. */
export function openSlots(q: OpenSlotQuery): Slot[] {
  const days = Math.ceil((q.window.end - q.window.start) / DAY_MS) + 1;
  return findSlots({ ...q, now: q.window.start, minNoticeMin: 0, horizonDays: days });
}

/** The starts that may be offered at a moment: after the minimum notice, ending within the horizon. */
export function slotsAt(open: readonly Slot[], m: Moment): Slot[] {
  const earliest = m.now + m.minNoticeMin * 60_000;
  const latest = m.now + m.horizonDays * DAY_MS;
  return open.filter((s) => s.start >= earliest && s.end <= latest);
}
