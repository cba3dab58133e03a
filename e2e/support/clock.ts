// The server's clock for browser tests that need a visit today: a client is checked in and charted
// only on the visit's own date, so these suites start the server (DERMIS_CLOCK_START) early on a
// weekday, when the Austin clinic is about to open.

/** The next weekday after today (UTC), as YYYY-MM-DD. */
export function nextWeekday(): string {
  const d = new Date(Date.now() + 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** 13:00 UTC: 07:00 in Austin in winter, 08:00 in summer, before the first appointment. */
export const clinicMorning = (day: string) => ({ DERMIS_CLOCK_START: `${day}T13:00:00Z` });
