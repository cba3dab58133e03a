// Aftercare plan for one treatment: the aftercare template and expected course turned into real
// instants, plus the symptom check-ins at 10:00 local time in the location's zone.
import { Temporal } from 'temporal-polyfill';
import { AFTERCARE, CHECK_IN_DAYS, EXPECTED_COURSE } from '../protocols/microneedling/aftercare.js';

/** Times are epoch milliseconds. */
export interface TimedItem {
  id: string;
  kind: 'avoid' | 'do' | 'expect';
  text: string;
  from: number;
  to: number | null;
}

/** dueAt: local 10:00 on (treatment local date + day), in the location zone. */
export interface CheckInDue {
  day: number;
  dueAt: number;
}

export interface AftercarePlan {
  treatedAt: number;
  timeZone: string;
  items: TimedItem[];
  checkIns: CheckInDue[];
}

const HOUR_MS = 3_600_000;
const CHECK_IN_TIME = Temporal.PlainTime.from('10:00');
const MAX_NEXT = 5;

export function buildAftercarePlan(treatedAt: number, timeZone: string): AftercarePlan {
  const items: TimedItem[] = [
    ...AFTERCARE.map((a) => ({
      id: a.id,
      kind: a.kind,
      text: a.text,
      from: treatedAt + a.fromHour * HOUR_MS,
      to: a.toHour === null ? null : treatedAt + a.toHour * HOUR_MS,
    })),
    ...EXPECTED_COURSE.map((e, i) => ({
      id: `EXP-${i + 1}`,
      kind: 'expect' as const,
      text: e.text,
      from: treatedAt + e.fromHour * HOUR_MS,
      to: treatedAt + e.toHour * HOUR_MS,
    })),
  ];
  const localDate = Temporal.Instant.fromEpochMilliseconds(treatedAt).toZonedDateTimeISO(timeZone).toPlainDate();
  const checkIns = CHECK_IN_DAYS.map((day) => ({
    day,
    dueAt: localDate.add({ days: day }).toZonedDateTime({ timeZone, plainTime: CHECK_IN_TIME }).epochMilliseconds,
  }));
  return { treatedAt, timeZone, items, checkIns };
}

export function aftercareNow(
  plan: AftercarePlan,
  now: number,
): { now: TimedItem[]; next: TimedItem[]; nextCheckIn: CheckInDue | null } {
  const current = plan.items.filter((i) => i.from <= now && now < (i.to ?? Infinity));
  const next = plan.items
    .filter((i) => i.from > now)
    .sort((a, b) => a.from - b.from)
    .slice(0, MAX_NEXT);
  const nextCheckIn = plan.checkIns.find((c) => c.dueAt > now) ?? null;
  return { now: current, next, nextCheckIn };
}
