// Interval algebra over instants (epoch milliseconds), half-open [start, end). Every operation takes
// normalized lists (sorted, non-overlapping, non-adjacent) and returns one, in a single linear sweep.

export interface Interval {
  start: number;
  end: number;
}

/** Sorts and merges overlapping or touching intervals; drops empty ones. */
export function normalize(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** Union of two normalized lists. */
export function union(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start) ? a[i++]! : b[j++]!;
    const last = out[out.length - 1];
    if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else out.push({ start: next.start, end: next.end });
  }
  return out;
}

/** a minus b, both normalized. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const x of a) {
    let start = x.start;
    while (j < b.length && b[j]!.end <= start) j++;
    let k = j;
    while (k < b.length && b[k]!.start < x.end) {
      if (b[k]!.start > start) out.push({ start, end: b[k]!.start });
      start = Math.max(start, b[k]!.end);
      if (start >= x.end) break;
      k++;
    }
    if (start < x.end) out.push({ start, end: x.end });
  }
  return out;
}

/** a intersected with b, both normalized. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (start < end) out.push({ start, end });
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return out;
}

/** Does one interval of the normalized list contain [start, end) entirely? Binary search. */
export function covers(list: readonly Interval[], start: number, end: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = list[mid]!;
    if (m.end <= start) lo = mid + 1;
    else if (m.start > start) hi = mid - 1;
    else return end <= m.end;
  }
  return false;
}

/** The start times t for which [t - before, t + length + after) fits inside a free interval. */
export function feasibleStarts(free: readonly Interval[], lengthMs: number, beforeMs: number, afterMs: number): Interval[] {
  const out: Interval[] = [];
  for (const f of free) {
    const start = f.start + beforeMs;
    // inclusive latest start, stored half-open by adding 1 ms
    const last = f.end - lengthMs - afterMs;
    if (last >= start) out.push({ start, end: last + 1 });
  }
  return out;
}

export const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;
