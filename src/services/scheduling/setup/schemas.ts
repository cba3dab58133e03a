import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time HH:MM');
export const rangeSchema = z.strictObject({ start: hhmm, end: hhmm }).refine((r) => r.start < r.end, { message: 'end must be after start', path: ['end'] });
const dayRanges = z
  .array(rangeSchema)
  .max(6)
  .refine((list) => [...list].sort((a, b) => a.start.localeCompare(b.start)).every((r, i, s) => i === 0 || s[i - 1]!.end <= r.start), { message: 'ranges of a day must not overlap' });

/** ISO weekday 1 (Monday) to 7 (Sunday) to its opening ranges, local wall-clock. */
export const weeklySchema = z.strictObject({ 1: dayRanges.optional(), 2: dayRanges.optional(), 3: dayRanges.optional(), 4: dayRanges.optional(), 5: dayRanges.optional(), 6: dayRanges.optional(), 7: dayRanges.optional() });
export { dayRanges };
