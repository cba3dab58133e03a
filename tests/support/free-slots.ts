// The availability answer is compact (per date, start times with provider positions): tests that
// want one row per provider and start, as booking takes them, expand it here.
export interface CompactAvailability<P extends { id: string; name: string } = { id: string; name: string }> {
  providers: P[];
  service: { durationMin: number };
  days: { date: string; utcOffset: string; times: { time: string; providers: number[] }[] }[];
}

export interface FreeSlot {
  start: string;
  end: string;
  localDate: string;
  localTime: string;
  providerId: string;
  providerName: string;
}

/** One row per start and provider, in order of start then provider id (the engine's order). */
export function slotsOf(a: CompactAvailability): FreeSlot[] {
  const out: FreeSlot[] = [];
  for (const day of a.days) {
    for (const t of day.times) {
      const start = new Date(`${day.date}T${t.time}:00${day.utcOffset}`);
      const rows = t.providers.map((i) => a.providers[i]!).sort((x, y) => x.id.localeCompare(y.id));
      for (const p of rows) {
        out.push({ start: start.toISOString(), end: new Date(start.getTime() + a.service.durationMin * 60_000).toISOString(), localDate: day.date, localTime: t.time, providerId: p.id, providerName: p.name });
      }
    }
  }
  return out;
}
