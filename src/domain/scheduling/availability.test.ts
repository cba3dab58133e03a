import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import {
  findSlots,
  type Buffers,
  type ResourceFree,
  type ResourceKind,
  type Slot,
  type SlotQuery,
} from './availability.js';
import { covers, normalize, subtract, type Interval } from './intervals.js';
import { expandWeekly, instantOf, localDays } from './local-time.js';

const NY = 'America/New_York';
const LA = 'America/Los_Angeles';
const MIN = 60_000;
const DAY = '2027-01-05'; // a Tuesday

const noBuffer: Buffers = { beforeMin: 0, afterMin: 0 };
const noBuffers: Record<ResourceKind, Buffers> = { provider: noBuffer, room: noBuffer, device: noBuffer };

/** Free time on one local date from a single local range. */
const open = (date: string, start: string, end: string, tz = NY): Interval[] =>
  expandWeekly({}, [{ date, ranges: [{ start, end }] }], date, date, tz);
/** Free time minus local busy ranges on the same date. */
const minus = (free: Interval[], date: string, busy: [string, string][], tz = NY): Interval[] =>
  subtract(
    free,
    normalize(busy.map(([s, e]) => ({ start: instantOf(date, s, tz), end: instantOf(date, e, tz) }))),
  );
const res = (id: string, free: Interval[]): ResourceFree => ({ id, free });

function query(over: Partial<SlotQuery>): SlotQuery {
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

const zoned = (t: number, tz = NY) => Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(tz);
/** "HH:MM" local wall clock of an instant. */
const hm = (t: number, tz = NY) => zoned(t, tz).toPlainTime().toString().slice(0, 5);
const starts = (slots: Slot[], tz = NY) => slots.map((s) => hm(s.start, tz));

/** What a booking leaves of a resource's free time: the appointment plus that resource's own buffers. */
const book = (free: Interval[], slot: Slot, b: Buffers): Interval[] =>
  subtract(free, [{ start: slot.start - b.beforeMin * MIN, end: slot.end + b.afterMin * MIN }]);

describe('findSlots: one provider', () => {
  it('09:00–12:00, a 60-minute service on a 15-minute grid: 09:00 to 11:00 every 15 minutes', () => {
    const slots = findSlots(query({ providers: [res('p1', open(DAY, '09:00', '12:00'))] }));
    expect(starts(slots)).toEqual([
      '09:00',
      '09:15',
      '09:30',
      '09:45',
      '10:00',
      '10:15',
      '10:30',
      '10:45',
      '11:00',
    ]);
    for (const s of slots) {
      expect(s.end - s.start).toBe(60 * MIN);
      expect(s).toMatchObject({ providerId: 'p1', roomId: null, deviceId: null });
    }
  });

  it.each<[string, [string, string][], string[]]>([
    [
      'a break at the start of the day',
      [['09:00', '09:30']],
      ['09:30', '09:45', '10:00', '10:15', '10:30', '10:45', '11:00'],
    ],
    [
      'a break at the end of the day',
      [['11:30', '12:00']],
      ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30'],
    ],
    ['a break 10:00–10:30 in the middle', [['10:00', '10:30']], ['09:00', '10:30', '10:45', '11:00']],
    // every start whose hour overlaps 10:20–10:40 (09:30 ... 10:30) disappears
    ['a booking strictly inside candidate slots', [['10:20', '10:40']], ['09:00', '09:15', '10:45', '11:00']],
  ])('%s', (_name, busy, expected) => {
    const free = minus(open(DAY, '09:00', '12:00'), DAY, busy);
    const slots = findSlots(query({ providers: [res('p1', free)] }));
    expect(starts(slots)).toEqual(expected);
    const blocked = busy.map(([s, e]) => ({ start: instantOf(DAY, s, NY), end: instantOf(DAY, e, NY) }));
    for (const s of slots) for (const b of blocked) expect(s.start < b.end && b.start < s.end).toBe(false);
  });

  it('grid alignment: free 09:07–12:00 on a 15-minute grid starts at 09:15', () => {
    const slots = findSlots(query({ providers: [res('p1', open(DAY, '09:07', '12:00'))] }));
    expect(starts(slots)).toEqual(['09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45', '11:00']);
  });

  it('grid alignment follows local time in a half-hour-offset zone', () => {
    const tz = 'Asia/Kolkata';
    const slots = findSlots(
      query({
        providers: [res('p1', open(DAY, '09:07', '11:00', tz))],
        timeZone: tz,
        window: localDays(DAY, DAY, tz),
      }),
    );
    expect(starts(slots, tz)).toEqual(['09:15', '09:30', '09:45', '10:00']);
  });

  it('a buffer that leaves a gap too small offers nothing; an exact fit offers one start', () => {
    const tooSmall = findSlots(
      query({
        providers: [res('p1', open(DAY, '09:00', '10:10'))],
        buffers: { ...noBuffers, provider: { beforeMin: 15, afterMin: 0 } },
      }),
    );
    expect(tooSmall).toEqual([]);
    const exact = findSlots(
      query({
        providers: [res('p1', open(DAY, '09:00', '10:15'))],
        buffers: { ...noBuffers, provider: { beforeMin: 15, afterMin: 0 } },
      }),
    );
    expect(starts(exact)).toEqual(['09:15']);
  });

  it('a service longer than the free time offers nothing', () => {
    expect(findSlots(query({ providers: [res('p1', open(DAY, '09:00', '09:59'))] }))).toEqual([]);
  });
});

describe('findSlots: buffers belong to the resource', () => {
  // the device needs 30 minutes of cleaning after each use; the provider needs no buffer
  const buffers: Record<ResourceKind, Buffers> = {
    provider: noBuffer,
    room: noBuffer,
    device: { beforeMin: 0, afterMin: 30 },
  };
  const hours = () => open(DAY, '09:00', '12:00');

  it('the cleaning after-buffer limits the device, not the provider', () => {
    const slots = findSlots(
      query({ buffers, providers: [res('p1', hours())], devices: [res('d1', hours())] }),
    );
    // 60 minutes plus 30 of cleaning must fit before 12:00
    expect(starts(slots)).toEqual(['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30']);
    expect(slots.every((s) => s.deviceId === 'd1')).toBe(true);
  });

  it('back to back: the same provider can take the next hour, the same single device cannot', () => {
    const q = query({ buffers, providers: [res('p1', hours())], devices: [res('d1', hours())] });
    const first = findSlots(q)[0]!;
    expect(hm(first.start)).toBe('09:00');
    const after = findSlots({
      ...q,
      providers: [res('p1', book(hours(), first, buffers.provider))],
      devices: [res('d1', book(hours(), first, buffers.device))],
    });
    // the provider is free at 10:00, the device only after its cleaning at 10:30, and it must be clean again by 12:00
    expect(starts(after)).toEqual(['10:30']);
  });

  it('back to back with two devices: the second device takes the next hour', () => {
    const q = query({
      buffers,
      providers: [res('p1', hours())],
      devices: [res('d1', hours()), res('d2', hours())],
    });
    const first = findSlots(q)[0]!;
    expect(first.deviceId).toBe('d1');
    const after = findSlots({
      ...q,
      providers: [res('p1', book(hours(), first, buffers.provider))],
      devices: [res('d1', book(hours(), first, buffers.device)), res('d2', hours())],
    });
    expect(starts(after)).toEqual(['10:00', '10:15', '10:30']);
    expect(after.map((s) => s.deviceId)).toEqual(['d2', 'd2', 'd1']);
  });

  it('a provider before-buffer does not block the room', () => {
    const b: Record<ResourceKind, Buffers> = { ...noBuffers, provider: { beforeMin: 15, afterMin: 0 } };
    const slots = findSlots(
      query({
        buffers: b,
        providers: [res('p1', open(DAY, '08:45', '10:00'))],
        rooms: [res('r1', open(DAY, '09:00', '10:00'))],
      }),
    );
    expect(starts(slots)).toEqual(['09:00']);
    expect(slots[0]!.roomId).toBe('r1');
  });
});

describe('findSlots: every required resource or nothing', () => {
  const hours = () => open(DAY, '09:00', '12:00');

  it('room busy but provider free: no slot', () => {
    expect(findSlots(query({ providers: [res('p1', hours())], rooms: [res('r1', [])] }))).toEqual([]);
    expect(findSlots(query({ providers: [res('p1', hours())], rooms: [] }))).toEqual([]);
  });

  it('no device free at all: no slot', () => {
    const busy = minus(hours(), DAY, [['09:00', '12:00']]);
    expect(
      findSlots(
        query({
          providers: [res('p1', hours())],
          rooms: [res('r1', hours())],
          devices: [res('d1', busy), res('d2', [])],
        }),
      ),
    ).toEqual([]);
  });

  it('rooms null: the service needs no room', () => {
    const slots = findSlots(
      query({ providers: [res('p1', hours())], rooms: null, devices: [res('d1', hours())] }),
    );
    expect(slots).toHaveLength(9);
    expect(slots.every((s) => s.roomId === null && s.deviceId === 'd1')).toBe(true);
  });

  it('only where provider, room and device are all free together', () => {
    const slots = findSlots(
      query({
        providers: [res('p1', hours())],
        rooms: [res('r1', open(DAY, '09:00', '11:00'))],
        devices: [res('d1', open(DAY, '10:00', '12:00'))],
      }),
    );
    expect(slots).toEqual([
      {
        start: instantOf(DAY, '10:00', NY),
        end: instantOf(DAY, '11:00', NY),
        providerId: 'p1',
        roomId: 'r1',
        deviceId: 'd1',
      },
    ]);
  });

  it('picks whichever room is free at each start', () => {
    const slots = findSlots(
      query({
        providers: [res('p1', hours())],
        rooms: [res('r1', open(DAY, '09:00', '10:00')), res('r2', open(DAY, '10:00', '12:00'))],
      }),
    );
    expect(slots.map((s) => [hm(s.start), s.roomId])).toEqual([
      ['09:00', 'r1'],
      ['10:00', 'r2'],
      ['10:15', 'r2'],
      ['10:30', 'r2'],
      ['10:45', 'r2'],
      ['11:00', 'r2'],
    ]);
  });

  it('offers each free provider at a start, ordered by start then provider', () => {
    const slots = findSlots(
      query({ providers: [res('p2', open(DAY, '10:00', '12:00')), res('p1', hours())], gridMin: 60 }),
    );
    expect(slots.map((s) => [hm(s.start), s.providerId])).toEqual([
      ['09:00', 'p1'],
      ['10:00', 'p1'],
      ['10:00', 'p2'],
      ['11:00', 'p1'],
      ['11:00', 'p2'],
    ]);
  });
});

describe('findSlots: minimum notice, horizon and window', () => {
  const hours = () => open(DAY, '09:00', '12:00');

  it('a start exactly at now + notice is offered; with one minute more notice it is not', () => {
    const now = instantOf(DAY, '08:00', NY);
    const exact = findSlots(query({ providers: [res('p1', hours())], now, minNoticeMin: 60 }));
    expect(starts(exact)[0]).toBe('09:00');
    const late = findSlots(query({ providers: [res('p1', hours())], now: now + MIN, minNoticeMin: 60 }));
    expect(starts(late)[0]).toBe('09:15');
    const more = findSlots(query({ providers: [res('p1', hours())], now, minNoticeMin: 61 }));
    expect(starts(more)[0]).toBe('09:15');
  });

  it('an appointment ending after the horizon is not offered; one ending exactly at it is', () => {
    // now 2027-01-04 10:30, 60 days later is 2027-03-05 10:30 (no DST change in between)
    const now = instantOf('2027-01-04', '10:30', NY);
    const date = '2027-03-05';
    const slots = findSlots(
      query({ providers: [res('p1', open(date, '09:00', '12:00'))], now, window: localDays(date, date, NY) }),
    );
    expect(starts(slots)).toEqual(['09:00', '09:15', '09:30']);
    expect(slots.at(-1)!.end).toBe(now + 60 * 24 * 60 * MIN);
  });

  it('a day wholly beyond the horizon offers nothing', () => {
    const date = '2027-03-06';
    expect(
      findSlots(
        query({ providers: [res('p1', open(date, '09:00', '12:00'))], window: localDays(date, date, NY) }),
      ),
    ).toEqual([]);
  });

  it('now after the window offers nothing', () => {
    expect(
      findSlots(query({ providers: [res('p1', hours())], now: instantOf('2027-01-06', '00:00', NY) })),
    ).toEqual([]);
  });

  it('the appointment must end inside the window', () => {
    const window = { start: instantOf(DAY, '00:00', NY), end: instantOf(DAY, '10:30', NY) };
    expect(starts(findSlots(query({ providers: [res('p1', hours())], window })))).toEqual([
      '09:00',
      '09:15',
      '09:30',
    ]);
  });
});

describe('findSlots across DST', () => {
  it('spring-forward day 2027-03-14, hours 00:00–06:00, hourly grid: no 02:00', () => {
    const date = '2027-03-14';
    const slots = findSlots(
      query({
        providers: [res('p1', open(date, '00:00', '06:00'))],
        window: localDays(date, date, NY),
        gridMin: 60,
        now: instantOf('2027-03-01', '00:00', NY),
      }),
    );
    expect(slots).toHaveLength(5);
    expect(slots.map((s) => zoned(s.start).toPlainDateTime().toString())).toEqual([
      '2027-03-14T00:00:00',
      '2027-03-14T01:00:00',
      '2027-03-14T03:00:00',
      '2027-03-14T04:00:00',
      '2027-03-14T05:00:00',
    ]);
    for (const s of slots) expect(s.end - s.start).toBe(60 * MIN);
  });

  it('fall-back day 2026-11-01, hours 00:00–04:00, hourly grid: 5 starts, 01:00 twice', () => {
    const date = '2026-11-01';
    const slots = findSlots(
      query({
        providers: [res('p1', open(date, '00:00', '04:00'))],
        window: localDays(date, date, NY),
        gridMin: 60,
        now: instantOf('2026-10-20', '00:00', NY),
      }),
    );
    expect(slots).toHaveLength(5);
    expect(slots.map((s) => zoned(s.start).toString({ timeZoneName: 'never' }))).toEqual([
      '2026-11-01T00:00:00-04:00',
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:00:00-05:00',
      '2026-11-01T02:00:00-05:00',
      '2026-11-01T03:00:00-05:00',
    ]);
    expect(starts(slots)).toEqual(['00:00', '01:00', '01:00', '02:00', '03:00']);
  });
});

describe('findSlots with providers in two time zones', () => {
  it('a Los Angeles provider working 09:00–17:00 local starts at 12:00 New York time', () => {
    const slots = findSlots(
      query({
        providers: [res('ny', open(DAY, '09:00', '17:00', NY)), res('la', open(DAY, '09:00', '17:00', LA))],
        timeZone: NY,
        gridMin: 60,
      }),
    );
    const of = (id: string) => starts(slots.filter((s) => s.providerId === id));
    expect(of('ny')).toEqual(['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00']);
    expect(of('la')).toEqual(['12:00', '13:00', '14:00', '15:00', '16:00', '17:00', '18:00', '19:00']);
    expect(hm(slots.find((s) => s.providerId === 'la')!.start, LA)).toBe('09:00');
  });
});

describe('findSlots properties', () => {
  const TZ = 'UTC';
  const dayStart = instantOf(DAY, '08:00', TZ);
  const dayEnd = instantOf(DAY, '18:00', TZ);
  const midnight = instantOf(DAY, '00:00', TZ);
  const GRID = 15;

  const busyArb = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 24 })), { maxLength: 4 })
    .map((l) =>
      normalize(
        l.map(([s, len]) => ({
          start: dayStart + s * 5 * MIN,
          end: dayStart + Math.min(120, s + len) * 5 * MIN,
        })),
      ),
    );
  const resourcesArb = (prefix: string) =>
    fc
      .array(busyArb, { minLength: 1, maxLength: 3 })
      .map((l) =>
        l.map((busy, i) => res(`${prefix}${i}`, subtract([{ start: dayStart, end: dayEnd }], busy))),
      );
  const bufferArb = fc.record({
    beforeMin: fc.integer({ min: 0, max: 20 }),
    afterMin: fc.integer({ min: 0, max: 20 }),
  });
  const queryArb = fc.record({
    providers: resourcesArb('p'),
    rooms: fc.option(resourcesArb('r'), { nil: null, freq: 5 }),
    devices: fc.option(resourcesArb('d'), { nil: null, freq: 5 }),
    durationMin: fc.integer({ min: 30, max: 90 }),
    buffers: fc.record({ provider: bufferArb, room: bufferArb, device: bufferArb }),
    // minutes relative to 08:00: now from the previous morning to mid-day, window somewhere in the day
    nowMin: fc.integer({ min: -26 * 60, max: 6 * 60 }),
    minNoticeMin: fc.integer({ min: 0, max: 180 }),
    horizonDays: fc.constantFrom(1, 60),
    windowFromMin: fc.integer({ min: -120, max: 300 }),
    windowToMin: fc.integer({ min: 300, max: 720 }),
  });

  const build = (r: typeof queryArb extends fc.Arbitrary<infer T> ? T : never): SlotQuery => ({
    durationMin: r.durationMin,
    buffers: r.buffers,
    providers: r.providers,
    rooms: r.rooms,
    devices: r.devices,
    window: { start: dayStart + r.windowFromMin * MIN, end: dayStart + r.windowToMin * MIN },
    gridMin: GRID,
    timeZone: TZ,
    now: dayStart + r.nowMin * MIN,
    minNoticeMin: r.minNoticeMin,
    horizonDays: r.horizonDays,
  });

  const fits = (r: ResourceFree, start: number, end: number, b: Buffers) =>
    covers(r.free, start - b.beforeMin * MIN, end + b.afterMin * MIN);

  it('(a) every offered slot has its provider, room and device free over the appointment and their buffers', () => {
    fc.assert(
      fc.property(queryArb, (r) => {
        const q = build(r);
        const slots = findSlots(q);
        for (const s of slots) {
          expect(s.end - s.start).toBe(q.durationMin * MIN);
          expect((s.start - midnight) % (GRID * MIN)).toBe(0);
          expect(s.start).toBeGreaterThanOrEqual(Math.max(q.window.start, q.now + q.minNoticeMin * MIN));
          expect(s.end).toBeLessThanOrEqual(Math.min(q.window.end, q.now + q.horizonDays * 24 * 60 * MIN));
          const p = q.providers.find((x) => x.id === s.providerId)!;
          expect(fits(p, s.start, s.end, q.buffers.provider)).toBe(true);
          if (q.rooms === null) expect(s.roomId).toBeNull();
          else
            expect(
              fits(
                q.rooms.find((x) => x.id === s.roomId)!,
                s.start,
                s.end,
                q.buffers.room,
              ),
            ).toBe(true);
          if (q.devices === null) expect(s.deviceId).toBeNull();
          else
            expect(
              fits(
                q.devices.find((x) => x.id === s.deviceId)!,
                s.start,
                s.end,
                q.buffers.device,
              ),
            ).toBe(true);
        }
        // sorted by start then provider, one slot per provider and start
        const keys = slots.map((s) => `${s.start}|${s.providerId}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (let i = 1; i < slots.length; i++) {
          const a = slots[i - 1]!;
          const b = slots[i]!;
          expect(a.start < b.start || (a.start === b.start && a.providerId < b.providerId)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('(b) every grid start where a provider, some room and some device fit is offered for that provider', () => {
    fc.assert(
      fc.property(queryArb, (r) => {
        const q = build(r);
        const dur = q.durationMin * MIN;
        const earliest = Math.max(q.window.start, q.now + q.minNoticeMin * MIN);
        const latest = Math.min(q.window.end, q.now + q.horizonDays * 24 * 60 * MIN);
        const expected = new Set<string>();
        for (let t = midnight; t < midnight + 24 * 60 * MIN; t += GRID * MIN) {
          if (t < earliest || t + dur > latest) continue;
          const roomOk = q.rooms === null || q.rooms.some((x) => fits(x, t, t + dur, q.buffers.room));
          const deviceOk = q.devices === null || q.devices.some((x) => fits(x, t, t + dur, q.buffers.device));
          if (!roomOk || !deviceOk) continue;
          for (const p of q.providers)
            if (fits(p, t, t + dur, q.buffers.provider)) expected.add(`${t}|${p.id}`);
        }
        const offered = new Set(findSlots(q).map((s) => `${s.start}|${s.providerId}`));
        for (const k of expected) expect(offered.has(k), k).toBe(true);
        // and nothing else (soundness of the start and provider, in the same terms)
        expect([...offered].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 200 },
    );
  });
});
