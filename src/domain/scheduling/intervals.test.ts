import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  covers,
  feasibleStarts,
  intersect,
  normalize,
  overlaps,
  subtract,
  union,
  type Interval,
} from './intervals.js';

const iv = (start: number, end: number): Interval => ({ start, end });
const list = (...pairs: [number, number][]) => pairs.map(([s, e]) => iv(s, e));

/** Is the unit point p (i.e. [p, p+1)) inside one of the intervals? */
const contains = (l: readonly Interval[], p: number) => l.some((i) => i.start <= p && p < i.end);

/** Sorted, non-empty, non-overlapping and non-adjacent. */
function expectNormalized(l: readonly Interval[]) {
  for (const [k, i] of l.entries()) {
    expect(i.end).toBeGreaterThan(i.start);
    const prev = k > 0 ? l[k - 1] : undefined;
    if (prev) expect(i.start).toBeGreaterThan(prev.end);
  }
}

describe('normalize', () => {
  it.each<[string, Interval[], Interval[]]>([
    ['empty list', [], []],
    ['drops empty and inverted intervals', list([5, 5], [7, 3]), []],
    ['merges adjacent ranges', list([0, 10], [10, 20]), list([0, 20])],
    ['merges overlapping ranges', list([0, 10], [5, 15]), list([0, 15])],
    ['swallows nested ranges', list([0, 30], [5, 10], [12, 20]), list([0, 30])],
    ['sorts unsorted input', list([20, 30], [0, 5], [10, 12]), list([0, 5], [10, 12], [20, 30])],
    ['keeps a gap of one', list([0, 10], [11, 20]), list([0, 10], [11, 20])],
    ['merges a chain', list([10, 20], [0, 10], [20, 25], [24, 40]), list([0, 40])],
  ])('%s', (_name, input, expected) => {
    expect(normalize(input)).toEqual(expected);
  });

  it('does not mutate its input', () => {
    const input = list([0, 10], [10, 20]);
    normalize(input);
    expect(input).toEqual(list([0, 10], [10, 20]));
  });
});

describe('union', () => {
  it.each<[string, Interval[], Interval[], Interval[]]>([
    ['both empty', [], [], []],
    ['left empty', [], list([0, 10]), list([0, 10])],
    ['right empty', list([0, 10]), [], list([0, 10])],
    ['adjacent ranges merge', list([0, 10]), list([10, 20]), list([0, 20])],
    ['overlapping ranges merge', list([0, 10]), list([5, 20]), list([0, 20])],
    ['nested range disappears', list([0, 30]), list([10, 20]), list([0, 30])],
    [
      'disjoint ranges interleave',
      list([0, 5], [20, 25]),
      list([10, 15], [30, 35]),
      list([0, 5], [10, 15], [20, 25], [30, 35]),
    ],
    ['one range bridges two', list([0, 10], [20, 30]), list([10, 20]), list([0, 30])],
  ])('%s', (_name, a, b, expected) => {
    expect(union(a, b)).toEqual(expected);
    expect(union(b, a)).toEqual(expected);
  });
});

describe('subtract', () => {
  it.each<[string, Interval[], Interval[], Interval[]]>([
    ['nothing from nothing', [], [], []],
    ['nothing busy', list([0, 10]), [], list([0, 10])],
    ['nothing free', [], list([0, 10]), []],
    [
      'busy in the middle leaves gaps at both edges',
      list([0, 100]),
      list([40, 60]),
      list([0, 40], [60, 100]),
    ],
    ['busy at the start edge', list([0, 100]), list([0, 30]), list([30, 100])],
    ['busy at the end edge', list([0, 100]), list([70, 100]), list([0, 70])],
    ['busy over both edges leaves the middle', list([0, 100]), list([-10, 20], [80, 120]), list([20, 80])],
    ['busy exactly equal to free', list([0, 100]), list([0, 100]), []],
    ['busy larger than free', list([10, 20]), list([0, 100]), []],
    ['busy adjacent to free changes nothing', list([10, 20]), list([0, 10], [20, 30]), list([10, 20])],
    ['one busy interval spans two free ones', list([0, 10], [20, 30]), list([5, 25]), list([0, 5], [25, 30])],
    [
      'several busy inside one free',
      list([0, 100]),
      list([10, 20], [30, 40], [50, 60]),
      list([0, 10], [20, 30], [40, 50], [60, 100]),
    ],
  ])('%s', (_name, a, b, expected) => {
    expect(subtract(a, b)).toEqual(expected);
  });
});

describe('intersect', () => {
  it.each<[string, Interval[], Interval[], Interval[]]>([
    ['both empty', [], [], []],
    ['one empty', list([0, 10]), [], []],
    ['adjacent ranges share nothing', list([0, 10]), list([10, 20]), []],
    ['overlapping ranges', list([0, 10]), list([5, 20]), list([5, 10])],
    ['nested range', list([0, 30]), list([10, 20]), list([10, 20])],
    ['equal ranges', list([0, 30]), list([0, 30]), list([0, 30])],
    ['one range across several', list([0, 100]), list([10, 20], [30, 40]), list([10, 20], [30, 40])],
    ['staggered lists', list([0, 10], [20, 30]), list([5, 25]), list([5, 10], [20, 25])],
  ])('%s', (_name, a, b, expected) => {
    expect(intersect(a, b)).toEqual(expected);
    expect(intersect(b, a)).toEqual(expected);
  });
});

describe('covers', () => {
  const free = list([10, 20], [30, 40], [50, 60]);
  it.each<[string, number, number, boolean]>([
    ['exactly the free interval', 30, 40, true],
    ['start at free start', 30, 35, true],
    ['end at free end', 35, 40, true],
    ['end one past free end', 35, 41, false],
    ['start one before free start', 29, 35, false],
    ['inside the first', 12, 18, true],
    ['inside the last', 50, 60, true],
    ['across a gap', 15, 35, false],
    ['entirely in a gap', 22, 28, false],
    ['before everything', 0, 5, false],
    ['after everything', 60, 70, false],
  ])('%s', (_name, start, end, expected) => {
    expect(covers(free, start, end)).toBe(expected);
  });

  it('an empty list covers nothing', () => {
    expect(covers([], 0, 1)).toBe(false);
  });
});

describe('feasibleStarts', () => {
  it.each<[string, Interval[], number, number, number, Interval[]]>([
    ['no free time', [], 10, 0, 0, []],
    ['buffers leave a gap too small', list([0, 70]), 60, 15, 0, []],
    ['after-buffer leaves a gap too small', list([0, 70]), 60, 0, 15, []],
    ['exactly fitting gives one start', list([0, 75]), 60, 15, 0, list([15, 16])],
    ['exactly fitting with both buffers', list([0, 80]), 60, 10, 10, list([10, 11])],
    ['room to spare', list([0, 100]), 60, 10, 10, list([10, 31])],
    [
      'per free interval, skipping too-small ones',
      list([0, 100], [120, 150], [200, 300]),
      60,
      0,
      0,
      list([0, 41], [200, 241]),
    ],
  ])('%s', (_name, free, length, before, after, expected) => {
    expect(feasibleStarts(free, length, before, after)).toEqual(expected);
  });
});

describe('overlaps', () => {
  it('half-open intervals that only touch do not overlap', () => {
    expect(overlaps(iv(0, 10), iv(10, 20))).toBe(false);
    expect(overlaps(iv(0, 11), iv(10, 20))).toBe(true);
    expect(overlaps(iv(0, 30), iv(10, 20))).toBe(true);
  });
});

describe('interval algebra properties', () => {
  const MAX = 200;
  const rawList = fc.array(
    fc
      .tuple(fc.integer({ min: 0, max: MAX }), fc.integer({ min: 0, max: 40 }))
      .map(([s, len]) => iv(s, Math.min(MAX, s + len))),
    { maxLength: 8 },
  );
  const normList = rawList.map(normalize);
  const points = Array.from({ length: MAX + 1 }, (_, p) => p);
  const params = { numRuns: 200 };

  it('normalize keeps exactly the covered points and is normalized', () => {
    fc.assert(
      fc.property(rawList, (a) => {
        const n = normalize(a);
        expectNormalized(n);
        for (const p of points) expect(contains(n, p)).toBe(contains(a, p));
      }),
      params,
    );
  });

  it('union: p in result iff in a or in b', () => {
    fc.assert(
      fc.property(normList, normList, (a, b) => {
        const r = union(a, b);
        expectNormalized(r);
        for (const p of points) expect(contains(r, p)).toBe(contains(a, p) || contains(b, p));
      }),
      params,
    );
  });

  it('subtract: p in result iff in a and not in b', () => {
    fc.assert(
      fc.property(normList, normList, (a, b) => {
        const r = subtract(a, b);
        expectNormalized(r);
        for (const p of points) expect(contains(r, p)).toBe(contains(a, p) && !contains(b, p));
      }),
      params,
    );
  });

  it('intersect: p in result iff in both', () => {
    fc.assert(
      fc.property(normList, normList, (a, b) => {
        const r = intersect(a, b);
        expectNormalized(r);
        for (const p of points) expect(contains(r, p)).toBe(contains(a, p) && contains(b, p));
      }),
      params,
    );
  });

  it('covers [s, e) iff every point of it is in the list', () => {
    fc.assert(
      fc.property(
        normList,
        fc.integer({ min: 0, max: MAX }),
        fc.integer({ min: 1, max: 60 }),
        (a, s, len) => {
          const e = s + len;
          let all = true;
          for (let p = s; p < e; p++) all &&= contains(a, p);
          expect(covers(a, s, e)).toBe(all);
        },
      ),
      params,
    );
  });

  it('feasibleStarts holds exactly the starts t with [t - before, t + length + after) covered', () => {
    fc.assert(
      fc.property(
        normList,
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (free, length, before, after) => {
          const starts = feasibleStarts(free, length, before, after);
          for (let t = -30; t <= MAX + 30; t++) {
            expect(contains(starts, t)).toBe(covers(free, t - before, t + length + after));
          }
        },
      ),
      params,
    );
  });
});
