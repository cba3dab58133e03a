import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { BookingRecord } from '../../db/repositories/bookings.repository.js';

const PRODID = { company: 'Dermis', product: 'Dermis', language: 'EN' };

/** One booking as an iCalendar file for the client (attached to the confirmation, downloadable). */
export function bookingIcs(b: BookingRecord, organizationName: string): string {
  const cal = ical({ prodId: PRODID, name: organizationName, method: ICalCalendarMethod.PUBLISH });
  const cancelled = ['cancelled', 'late_cancelled'].includes(b.status);
  cal.createEvent({
    id: `booking-${b.id}@dermis`,
    start: new Date(b.starts_at),
    end: new Date(b.ends_at),
    summary: `${b.service_name} at ${organizationName}`,
    location: b.location_name,
    description: `With ${b.provider_name}. ${PRE_CARE_TEXT}`,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    // a changed booking replaces the one already in the client's calendar
    sequence: Math.floor(new Date(b.updated_at).getTime() / 1000) % 2_000_000_000,
  });
  return cal.toString();
}

/** A provider's feed: their bookings with initials only, so a leaked URL reveals as little as possible. */
export function providerFeedIcs(name: string, bookings: BookingRecord[]): string {
  const cal = ical({ prodId: PRODID, name: `Dermis: ${name}` });
  for (const b of bookings) {
    cal.createEvent({
      id: `booking-${b.id}@dermis`,
      start: new Date(b.starts_at),
      end: new Date(b.ends_at),
      summary: `${b.service_name} (${b.first_name.slice(0, 1)}.${b.last_name.slice(0, 1)}.)`,
      location: [b.location_name, b.room_name].filter(Boolean).join(', '),
    });
  }
  return cal.toString();
}

export const PRE_CARE = [
  'Stop retinoids and acids (AHA, BHA, benzoyl peroxide) 3 days before.',
  'No tanning, self-tanner or sunburn on the area to be treated.',
  'Come without makeup.',
];
export const PRE_CARE_TEXT = `Before your visit: ${PRE_CARE.join(' ')}`;
