// The availability answer, compact (issue 14 item 2): per local date, the start times and which
// providers can take each, with each provider's details once. Fourteen busy days come to a few
// kilobytes instead of a slot object (names, room and device ids) per provider and start.
import { z } from 'zod';
import type { Slot as FoundSlot } from '../../domain/scheduling/availability.js';
import { BookingWindow } from './booking-window.schema.js';
import { localClock } from './slot.schema.js';

const FreeTime = z
  .object({
    time: z.string().describe('Start time at the location, HH:MM'),
    providers: z.array(z.number().int().min(0)).describe('Who can take it: positions in the answer’s `providers` list'),
  })
  .meta({ id: 'FreeTime', description: 'A start time and the providers free at it', example: { time: '10:00', providers: [0, 2] } });

const FreeDay = z
  .object({
    date: z.iso.date().describe('Local date at the location'),
    utcOffset: z.string().describe('The location’s UTC offset for these times, ±HH:MM; a date with a DST change has one entry per offset'),
    times: z.array(FreeTime).describe('In order of start'),
  })
  .meta({ id: 'FreeDay', description: 'The free start times of one local date', example: { date: '2026-03-10', utcOffset: '-04:00', times: [{ time: '10:00', providers: [0] }] } });

/** What can be booked for a service at a location; a client sees only the providers who may treat. */
export const Availability = z
  .object({
    location: z.object({ id: z.guid(), name: z.string(), timeZone: z.string().describe('IANA time zone'), state: z.string().describe('US state code') }),
    service: z.object({
      id: z.guid(),
      name: z.string(),
      kind: z.enum(['consultation', 'treatment']),
      modality: z.enum(['roller', 'pen', 'rf']).nullable(),
      durationMin: z.number().int().describe('Minutes the appointment holds its resources (numbing plus treatment); a start plus this is its end'),
    }),
    providers: z.array(
      z.object({
        id: z.string().describe('User id'),
        name: z.string(),
        title: z.string(),
        eligible: z.boolean().describe('May perform this service here'),
        supervised: z.boolean().describe('Eligible only under supervision'),
        reason: z.string().nullable().describe('Why not eligible; null when eligible'),
      }),
    ),
    days: z.array(FreeDay).describe('Dates with at least one free time, in order; a start is `date`T`time``utcOffset`'),
    window: z.union([BookingWindow, z.null()]).describe('What the client may book; null when no client is named'),
    nextAvailable: z.iso.date().nullable().describe('The first local date from `from` with a time the client may book, within the window'),
  })
  .meta({
    id: 'Availability',
    description: 'Bookable start times for a service at a location over local dates',
    example: {
      location: { id: '8a1d5e2b-3c4f-4a6b-8d7e-9f0a1b2c3d4e', name: 'Downtown', timeZone: 'America/New_York', state: 'NY' },
      service: { id: 'c2b7e9a4-1f3d-4e5a-b6c7-d8e9f0a1b2c3', name: 'Microneedling, full face', kind: 'treatment', modality: 'pen', durationMin: 75 },
      providers: [{ id: 'usr_7Qm2kP9x', name: 'Dana Park, NP', title: 'Nurse practitioner', eligible: true, supervised: false, reason: null }],
      days: [{ date: '2026-03-10', utcOffset: '-04:00', times: [{ time: '10:00', providers: [0] }, { time: '11:30', providers: [0] }] }],
      window: null,
      nextAvailable: '2026-03-10',
    },
  });

export type AvailabilityView = z.output<typeof Availability>;
export type FreeDayView = z.output<typeof FreeDay>;

const offsetText = (ms: number) => {
  const m = Math.round(Math.abs(ms) / 60_000);
  return `${ms < 0 ? '-' : '+'}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/**
 * Slots (in order of start, then provider) grouped by local date and offset, each start once with
 * the positions of its providers; `keep` drops dates the client may not book.
 */
export function freeDays(slots: readonly FoundSlot[], timeZone: string, providerIds: readonly string[], keep: (date: string) => boolean): FreeDayView[] {
  const clock = localClock(timeZone);
  const position = new Map(providerIds.map((id, i) => [id, i]));
  const days: FreeDayView[] = [];
  let lastStart = Number.NaN;
  for (const s of slots) {
    const at = position.get(s.providerId);
    if (at === undefined) continue;
    const day = days.at(-1);
    const time = day?.times.at(-1);
    if (s.start === lastStart && time) {
      time.providers.push(at);
      continue;
    }
    const local = clock(s.start);
    if (!keep(local.date)) continue;
    lastStart = s.start;
    const utcOffset = offsetText(local.offset);
    const entry = { time: local.time, providers: [at] };
    if (day && day.date === local.date && day.utcOffset === utcOffset) day.times.push(entry);
    else days.push({ date: local.date, utcOffset, times: [entry] });
  }
  return days;
}
