import { z } from 'zod';
import { Temporal } from 'temporal-polyfill';
import type { BookingRecord } from '../../db/repositories/bookings.repository.js';
import { PRE_CARE } from './ics.js';

/** What a client does before a consultation: the clinician looks at their skin and their medicines. */
export const BEFORE_CONSULTATION = ['Bring a list of the medicines and skin products you use.', 'Come without makeup if you can, so your skin can be seen as it is.'];

const local = (d: Date, tz: string) => Temporal.Instant.fromEpochMilliseconds(new Date(d).getTime()).toZonedDateTimeISO(tz);

const exampleBooking = {
  id: '3f6c2a1e-8d4b-4c7a-9e21-5b0d7f3a9c11',
  status: 'confirmed',
  start: '2026-03-10T15:00:00.000Z',
  end: '2026-03-10T16:15:00.000Z',
  localDate: '2026-03-10',
  localTime: '10:00',
  timeZone: 'America/New_York',
  location: { id: '8a1d5e2b-3c4f-4a6b-8d7e-9f0a1b2c3d4e', name: 'Downtown' },
  service: { id: 'c2b7e9a4-1f3d-4e5a-b6c7-d8e9f0a1b2c3', name: 'Microneedling, full face', kind: 'treatment', modality: 'pen' },
  client: { id: 'e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a8b9', name: 'Ana Reyes', email: 'ana@example.com', phone: '+15555550123' },
  provider: { id: 'usr_7Qm2kP9x', name: 'Dana Park, NP' },
  room: { id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', name: 'Room 2' },
  device: { id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a', model: 'SkinPen Precision', serial: 'SP-004512' },
  holdExpiresAt: null,
  seriesId: null,
  seriesIndex: null,
  planId: null,
  priceLineId: null,
  overrideReason: null,
  cancelReason: null,
  beforeVisit: ['Stop retinoids and acids (AHA, BHA, benzoyl peroxide) 3 days before.', 'No tanning, self-tanner or sunburn on the area to be treated.', 'Come without makeup.'],
} as const;

/** A booking as staff and clients read it: contact details, never clinical notes. */
export const Booking = z
  .object({
    id: z.guid(),
    status: z.enum(['held', 'confirmed', 'checked_in', 'completed', 'cancelled', 'late_cancelled', 'no_show']),
    start: z.iso.datetime().describe('Start, ISO date-time (UTC)'),
    end: z.iso.datetime().describe('End, ISO date-time (UTC)'),
    localDate: z.iso.date().describe('Start date at the location, ISO date'),
    localTime: z.string().describe('Start time at the location, HH:MM'),
    timeZone: z.string().describe('IANA time zone of the location'),
    location: z.object({ id: z.guid(), name: z.string() }),
    service: z.object({ id: z.guid(), name: z.string(), kind: z.enum(['consultation', 'treatment']), modality: z.enum(['roller', 'pen', 'rf']).nullable() }),
    client: z.object({ id: z.guid(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
    provider: z.object({ id: z.string().describe('User id'), name: z.string() }),
    room: z.object({ id: z.guid(), name: z.string() }).nullable().describe('null when the service needs no room'),
    device: z.object({ id: z.guid(), model: z.string(), serial: z.string() }).nullable().describe('null when the service needs no device'),
    holdExpiresAt: z.iso.datetime().nullable().describe('When an unconfirmed hold lapses, ISO date-time; null unless held'),
    seriesId: z.guid().nullable().describe('The series this session belongs to'),
    seriesIndex: z.number().int().nullable().describe('1-based session number within the series'),
    planId: z.guid().nullable().describe('The treatment plan the booking serves'),
    priceLineId: z.guid().nullable().describe("The price list line the plan was quoted from; the deposit and the invoice use it. null: priced on the visit's date"),
    overrideReason: z.string().nullable().describe('Why booking rules were overridden'),
    cancelReason: z.string().nullable(),
    beforeVisit: z.array(z.string()).describe('What the client does before the visit, in plain words (the same as in the reminders)'),
  })
  .meta({ id: 'Booking', description: 'A booking with its location, service, client, provider and resources', example: exampleBooking });

export const BookingList = z
  .object({ items: z.array(Booking) })
  .meta({ id: 'BookingList', description: 'Bookings', example: { items: [exampleBooking] } });

export type BookingView = z.output<typeof Booking>;

/** A booking as staff and clients read it; front desk sees contact details, never clinical notes. */
export function bookingView(b: BookingRecord): BookingView {
  const start = local(b.starts_at, b.time_zone);
  return {
    id: b.id,
    status: b.status,
    start: new Date(b.starts_at).toISOString(),
    end: new Date(b.ends_at).toISOString(),
    localDate: start.toPlainDate().toString(),
    localTime: start.toPlainTime().toString({ smallestUnit: 'minute' }),
    timeZone: b.time_zone,
    location: { id: b.location_id, name: b.location_name },
    service: { id: b.service_id, name: b.service_name, kind: b.service_kind, modality: b.modality },
    client: { id: b.client_id, name: `${b.first_name} ${b.last_name}`, email: b.client_email, phone: b.client_phone },
    provider: { id: b.provider_user_id, name: b.provider_name },
    // the left joins type the names nullable, but a set room or device id always finds its row
    room: b.room_id ? { id: b.room_id, name: b.room_name! } : null,
    device: b.device_id ? { id: b.device_id, model: b.device_model!, serial: b.device_serial! } : null,
    holdExpiresAt: b.hold_expires_at ? new Date(b.hold_expires_at).toISOString() : null,
    seriesId: b.series_id,
    seriesIndex: b.series_index,
    planId: b.plan_id,
    priceLineId: b.price_line_id,
    overrideReason: b.override_reason,
    cancelReason: b.cancel_reason,
    beforeVisit: b.service_kind === 'treatment' ? [...PRE_CARE] : [...BEFORE_CONSULTATION],
  };
}
