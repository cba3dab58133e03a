import { describe, expect, it } from 'vitest';
import { findSlots, type Buffers, type ResourceKind } from './availability.js';
import { instantOf, localDays } from './local-time.js';
import { NY, MIN, DAY, noBuffer, noBuffers, open, minus, res, query, hm, starts, book } from './availability-kit.js';

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
