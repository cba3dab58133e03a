// The configurable windows of the screening rules (spec "Default rules"; reference section 2C).
// Defaults are the conservative values; the medical director may change them within these ranges.
import { z } from 'zod';

const days = (def: number, min: number, max: number, why: string) => z.number().int().min(min).max(max).default(def).describe(why);

export const ScreeningSettingsSchema = z.strictObject({
  isotretinoinMonths: days(6, 0, 12, 'DEF-1: months after the last oral isotretinoin dose (contested: 0 to 12)'),
  tanningDays: days(14, 2, 28, 'DEF-6: days after tanning'),
  selfTannerDays: days(2, 1, 14, 'DEF-6: days after self-tanner'),
  topicalRetinoidDays: days(3, 1, 7, 'DEF-8: days after a topical retinoid or acid'),
  deepPeelMonths: days(3, 1, 12, 'DEF-9: months after a deep chemical peel or dermabrasion'),
  nonAblativeLaserDays: days(21, 14, 90, 'DEF-10: days after non-ablative laser'),
  ablativeLaserWeeks: days(12, 6, 26, 'DEF-11: weeks after ablative laser'),
  facialSurgeryMonths: days(12, 3, 24, 'DEF-12: months after facial surgery'),
  neurotoxinDays: days(14, 7, 90, 'DEF-13: days after neurotoxin'),
  fillerDays: days(14, 14, 365, 'DEF-14: days after dermal filler'),
  radiationMonths: days(3, 1, 24, 'DEF-16: months after radiation therapy'),
  microneedlingIntervalDays: days(28, 14, 90, 'INT-1: minimum days between sessions (never below 14)'),
  resultValidityDays: days(30, 1, 90, 'days a result stays valid after its plan date'),
});

export type ScreeningSettings = z.output<typeof ScreeningSettingsSchema>;

export const defaultScreeningSettings = (): ScreeningSettings => ScreeningSettingsSchema.parse({});
