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

// What the API answers with. Kept apart from the input shapes above (which refuse overlaps and
// unknown keys) so the published response components describe data, not validation rules.
export const HoursRange = z
  .object({
    start: z.string().describe('Local wall-clock time HH:MM'),
    end: z.string().describe('Local wall-clock time HH:MM (24:00 is the end of the day)'),
  })
  .meta({ id: 'HoursRange', description: 'One opening range of a day, local wall-clock', example: { start: '09:00', end: '17:00' } });

const day = z.array(HoursRange).optional();
export const WeeklyHours = z
  .object({ 1: day, 2: day, 3: day, 4: day, 5: day, 6: day, 7: day })
  .meta({
    id: 'WeeklyHours',
    description: 'ISO weekday 1 (Monday) to 7 (Sunday) to its opening ranges; a missing day is closed',
    example: { 1: [{ start: '09:00', end: '17:00' }], 2: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }] },
  });
export type WeeklyHoursView = z.output<typeof WeeklyHours>;
