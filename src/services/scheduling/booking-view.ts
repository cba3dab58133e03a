import { Temporal } from 'temporal-polyfill';
import type { BookingRecord } from '../../db/repositories/bookings.repository.js';

const local = (d: Date, tz: string) => Temporal.Instant.fromEpochMilliseconds(new Date(d).getTime()).toZonedDateTimeISO(tz);

/** A booking as staff and clients read it; front desk sees contact details, never clinical notes. */
export function bookingView(b: BookingRecord) {
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
    room: b.room_id ? { id: b.room_id, name: b.room_name } : null,
    device: b.device_id ? { id: b.device_id, model: b.device_model, serial: b.device_serial } : null,
    holdExpiresAt: b.hold_expires_at ? new Date(b.hold_expires_at).toISOString() : null,
    seriesId: b.series_id,
    seriesIndex: b.series_index,
    planId: b.plan_id,
    overrideReason: b.override_reason,
    cancelReason: b.cancel_reason,
  };
}
export type BookingView = ReturnType<typeof bookingView>;
