// One bookable start time with the resources it would hold: what a series plan answers per session.
import { z } from 'zod';
import type { Slot as FoundSlot } from '../../domain/scheduling/availability.js';
import { offsetFinder } from '../../domain/scheduling/local-time.js';
import type { AvailabilityContext } from './availability-context.js';

/** Local date and time of many instants: the zone offset is looked up once per quarter hour. */
export function localClock(timeZone: string) {
  const offsetAt = offsetFinder(timeZone);
  return (instant: number) => {
    const offset = offsetAt(instant);
    const iso = new Date(instant + offset).toISOString();
    return { date: iso.slice(0, 10), time: iso.slice(11, 16), offset };
  };
}

const exampleSlot = {
  start: '2026-03-10T15:00:00.000Z',
  end: '2026-03-10T16:15:00.000Z',
  localDate: '2026-03-10',
  localTime: '10:00',
  providerId: 'usr_7Qm2kP9x',
  providerName: 'Dana Park, NP',
  roomId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  deviceId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
} as const;

/** One bookable start time with the provider, room and device it would take. */
export const Slot = z
  .object({
    start: z.iso.datetime().describe('Start, ISO date-time (UTC)'),
    end: z.iso.datetime().describe('End, ISO date-time (UTC)'),
    localDate: z.iso.date().describe('Start date at the location, ISO date'),
    localTime: z.string().describe('Start time at the location, HH:MM'),
    providerId: z.string().describe('User id of the provider'),
    providerName: z.string(),
    roomId: z.guid().nullable().describe('null when the service needs no room'),
    deviceId: z.guid().nullable().describe('null when the service needs no device'),
  })
  .meta({ id: 'Slot', description: 'A bookable start time and the resources it would hold', example: exampleSlot });

export type SlotView = z.output<typeof Slot>;

export function slotView(ctx: AvailabilityContext, s: FoundSlot, clock = localClock(ctx.location.timeZone)): SlotView {
  const local = clock(s.start);
  return {
    start: new Date(s.start).toISOString(),
    end: new Date(s.end).toISOString(),
    localDate: local.date,
    localTime: local.time,
    providerId: s.providerId,
    providerName: ctx.providers.find((p) => p.id === s.providerId)?.name ?? '',
    roomId: s.roomId,
    deviceId: s.deviceId,
  };
}
