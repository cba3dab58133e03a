// The availability answer is compact: per date, start times with the positions of the providers
// free at each. The picker shows one button per start; this turns a start into the slot a booking
// takes (with "any provider", the first free one; room and device are chosen when it is booked).
import type { Schemas } from '../../api/client.js';

export type PickedSlot = Schemas['Slot'];

/** One slot per start time, by local date, in order. */
export function startsByDate(a: Schemas['Availability'] | undefined): Map<string, PickedSlot[]> {
  const m = new Map<string, PickedSlot[]>();
  if (!a) return m;
  for (const day of a.days) {
    const list = m.get(day.date) ?? [];
    for (const t of day.times) {
      const provider = a.providers[t.providers[0]!];
      if (!provider) continue;
      const start = new Date(`${day.date}T${t.time}:00${day.utcOffset}`);
      list.push({
        start: start.toISOString(),
        end: new Date(start.getTime() + a.service.durationMin * 60_000).toISOString(),
        localDate: day.date,
        localTime: t.time,
        providerId: provider.id,
        providerName: provider.name,
        roomId: null,
        deviceId: null,
      });
    }
    m.set(day.date, list);
  }
  return m;
}
