// The demo clinic's six months of history and next four weeks, planned without touching the
// database: which provider sees which client, for what, on which day and time, and how the visit
// went. Fixed day templates keep every room and device free of overlaps; a seeded generator makes
// the plan the same for the same "today", so the demo is reproducible.
import type { BookingStatus } from '../../db/schema-scheduling.js';
import { addDays, datesBetween } from '../../domain/scheduling/local-time.js';

export type DemoLocation = 'austin' | 'sandiego';

/** A small deterministic generator (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

/** Deterministic ids (UUID v4 layout) from a generator, so the same plan gives the same rows. */
export function idMaker(seed: number) {
  const r = rng(seed);
  return () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(r.next() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(r.next() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}

/** Clients seen over the months, besides the demo's first five (Emma Schulz is kept for the clinical walkthrough). */
export const HISTORY_CLIENTS: { first: string; last: string; phone: string; dob: string; location: DemoLocation }[] = [
  { first: 'Harper', last: 'Diaz', phone: '+1 512 555 0111', dob: '1988-03-14', location: 'austin' },
  { first: 'Mia', last: 'Johnson', phone: '+1 512 555 0112', dob: '1992-06-02', location: 'austin' },
  { first: 'Ethan', last: 'Brooks', phone: '+1 512 555 0113', dob: '1983-12-09', location: 'austin' },
  { first: 'Chloe', last: 'Patel', phone: '+1 512 555 0114', dob: '1997-02-27', location: 'austin' },
  { first: 'Lucas', last: 'Romero', phone: '+1 512 555 0115', dob: '1979-08-19', location: 'austin' },
  { first: 'Grace', last: 'Walker', phone: '+1 512 555 0116', dob: '1990-10-05', location: 'austin' },
  { first: 'Zoe', last: 'Turner', phone: '+1 512 555 0117', dob: '1986-04-23', location: 'austin' },
  { first: 'Isabella', last: 'Chen', phone: '+1 858 555 0121', dob: '1991-01-30', location: 'sandiego' },
  { first: 'Mateo', last: 'Silva', phone: '+1 858 555 0122', dob: '1984-05-11', location: 'sandiego' },
  { first: 'Aria', last: 'Thompson', phone: '+1 858 555 0123', dob: '1995-09-16', location: 'sandiego' },
  { first: 'Leo', last: 'Bennett', phone: '+1 858 555 0124', dob: '1981-11-03', location: 'sandiego' },
  { first: 'Layla', last: 'Hughes', phone: '+1 858 555 0125', dob: '1993-07-28', location: 'sandiego' },
];

interface Template {
  email: string;
  location: DemoLocation;
  room: string;
  /** ISO weekday -> the day's visits as [local time, service code] */
  days: Record<number, [string, string][]>;
}

const NURSE_DAY: [string, string][] = [['09:00', 'pen_face'], ['11:00', 'pen_acne_scars'], ['13:30', 'pen_face_neck'], ['15:30', 'consultation'], ['16:30', 'pen_face']];
const NP_DAY: [string, string][] = [['10:00', 'pen_face'], ['12:00', 'pen_acne_scars'], ['15:00', 'roller_face'], ['17:00', 'consultation']];
const EST_DAY: [string, string][] = [['14:00', 'roller_face'], ['16:00', 'consultation']];

// Rooms: the nurse keeps room 1; the director (Monday and Wednesday mornings) and the esthetician
// (afternoons and Saturday) share room 2 at different hours; San Diego has one suite.
export const TEMPLATES: Template[] = [
  { email: 'nurse@glow.example.com', location: 'austin', room: 'Treatment Room 1', days: { 1: NURSE_DAY, 2: NURSE_DAY, 3: NURSE_DAY, 4: NURSE_DAY, 5: NURSE_DAY } },
  { email: 'director@glow.example.com', location: 'austin', room: 'Treatment Room 2', days: { 1: [['09:00', 'rf_face'], ['11:00', 'rf_face_neck']], 3: [['09:00', 'rf_face'], ['11:00', 'rf_face_neck']] } },
  { email: 'esthetician@glow.example.com', location: 'austin', room: 'Treatment Room 2', days: { 2: EST_DAY, 3: EST_DAY, 4: EST_DAY, 5: EST_DAY, 6: [['10:00', 'roller_face'], ['12:00', 'consultation']] } },
  { email: 'np@glow.example.com', location: 'sandiego', room: 'Suite A', days: { 2: NP_DAY, 3: NP_DAY, 4: NP_DAY, 5: NP_DAY, 6: NP_DAY } },
];

export interface PlannedVisit {
  date: string;
  time: string;
  location: DemoLocation;
  providerEmail: string;
  room: string;
  serviceCode: string;
  /** a key into the location's client list (the clients' emails or "history:<n>") */
  client: string;
  status: BookingStatus;
  /** days from today (negative in the past) */
  offset: number;
}

export const HISTORY_DAYS = 182;
export const FUTURE_DAYS = 28;

/**
 * The visits from six months ago to four weeks ahead. Past visits mostly happened (some were
 * cancelled, cancelled late or missed); today's and later ones are confirmed, a little more
 * sparsely further out, leaving free times for new bookings.
 */
export function planVisits(today: string, clientsByLocation: Record<DemoLocation, string[]>): PlannedVisit[] {
  const r = rng(20261201);
  const out: PlannedVisit[] = [];
  const from = addDays(today, -HISTORY_DAYS);
  const to = addDays(today, FUTURE_DAYS - 1);
  datesBetween(from, to).forEach(({ date, weekday }, i) => {
    const offset = i - HISTORY_DAYS;
    const busy = new Set<string>();
    for (const t of TEMPLATES) {
      const slots = t.days[weekday] ?? [];
      for (const [k, [time, serviceCode]] of slots.entries()) {
        // from today on, each provider's last visit of the day stays free for new bookings
        if (offset >= 0 && k === slots.length - 1) continue;
        const fill = offset < 0 ? 0.55 : offset < 7 ? 0.5 : 0.3;
        if (r.next() >= fill) continue;
        const pool = clientsByLocation[t.location];
        let client = r.pick(pool);
        for (let n = 0; n < pool.length && busy.has(client); n++) client = pool[(pool.indexOf(client) + 1) % pool.length]!;
        if (busy.has(client)) continue;
        busy.add(client);
        let status: BookingStatus = 'confirmed';
        if (offset < 0) {
          const s = r.next();
          status = s < 0.05 ? 'cancelled' : s < 0.09 ? 'late_cancelled' : s < 0.14 ? 'no_show' : 'completed';
        } else if (offset > 2 && r.next() < 0.04) status = 'cancelled';
        out.push({ date, time, location: t.location, providerEmail: t.email, room: t.room, serviceCode, client, status, offset });
      }
    }
  });
  return out;
}
