// What an owner says about a location: its name, street address, phone, IANA time zone and US state
// (the state chooses the scope-of-practice rules; the time zone is how its hours and bookings read).
// Checked as at clinic sign-up (domain/shared/places.ts).
import { z } from 'zod';
import { line } from '../../domain/shared/input.js';
import { isUsState, placeTimeZone } from '../../domain/shared/places.js';
import type { Selectable } from 'kysely';
import type { LocationsTable } from '../../db/schema.js';

/** A location's IANA time zone, written as a place or a zone name; also asked at clinic sign-up. */
export const locationTimeZone = () =>
  line({ max: 64 })
    .overwrite((s) => placeTimeZone(s) ?? s)
    .refine((s) => s === '' || placeTimeZone(s) !== null, { error: 'Choose the time zone of the location from the list, such as America/Chicago' });

/** A location's US state (its scope-of-practice rules); also asked at clinic sign-up. */
export const locationState = () =>
  line({ max: 40 })
    .overwrite((s) => s.toUpperCase())
    .refine((s) => s === '' || isUsState(s), { error: 'Choose the US state the location is in' });

export const locationInput = z.strictObject({
  name: line({ max: 80 }),
  address: line({ max: 300 }),
  phone: z
    .string()
    .trim()
    .refine((s) => s === '' || /^\+?[0-9 ()-]{7,20}$/.test(s), { error: 'Enter a phone number of 7 to 20 digits; spaces, dashes and brackets are fine, or leave it empty' })
    .default(''),
  timeZone: locationTimeZone(),
  state: locationState(),
});
export type LocationInput = z.infer<typeof locationInput>;

export const locationView = (l: Selectable<LocationsTable>) => ({ id: l.id, name: l.name, timeZone: l.time_zone, state: l.state, address: l.address, phone: l.phone });
export type LocationView = ReturnType<typeof locationView>;
