import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findSlots, type Buffers, type ResourceFree, type SlotQuery } from './availability.js';
import { covers, normalize, subtract } from './intervals.js';
import { instantOf, localDays } from './local-time.js';
import { NY, LA, MIN, DAY, open, res, query, zoned, hm, starts } from './availability-kit.js';

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
