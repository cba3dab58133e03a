// Where a clinic's location is: a US state (scope-of-practice rules are per state, docs/scheduling.md)
// and an IANA time zone (opening hours, slots and "today" are local to it). Shared by the API's input
// checks and the web forms, so both accept the same values.
import { Temporal } from 'temporal-polyfill';

/** The states, the District of Columbia and the inhabited territories, by USPS code. */
export const US_STATES: Readonly<Record<string, string>> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut', DE: 'Delaware',
  DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa',
  KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota',
  MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey',
  NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon',
  PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
  AS: 'American Samoa', GU: 'Guam', MP: 'Northern Mariana Islands', PR: 'Puerto Rico', VI: 'U.S. Virgin Islands',
};

export const isUsState = (code: string) => Object.hasOwn(US_STATES, code);

/** The zones US clinics are in, offered first in forms (any other IANA zone is accepted too). */
export const US_TIME_ZONES = [
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage',
  'Pacific/Honolulu', 'America/Puerto_Rico', 'America/Detroit', 'America/Indiana/Indianapolis', 'America/Boise',
] as const;

// a place's zone: Area/Location (America/Chicago, America/Indiana/Indianapolis); not an offset
// (+05:00), not UTC or an Etc/ zone, which no clinic is in and which keep no daylight saving rules
const PLACE_ZONE = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)+$/;

/**
 * The IANA time zone named by `input` in its canonical spelling ("america/chicago" ->
 * "America/Chicago"), or null when it is not the time zone of a place that Temporal knows.
 */
export function placeTimeZone(input: string): string | null {
  const s = input.trim();
  if (!PLACE_ZONE.test(s) || /^Etc\//i.test(s)) return null;
  try {
    return Temporal.PlainDate.from('2026-01-01').toZonedDateTime({ timeZone: s }).timeZoneId;
  } catch {
    return null;
  }
}
