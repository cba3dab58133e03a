// Organization clinical settings: the configurable screening windows (protocol pack defaults
// unless the medical director changed them) and who may sign clinician reviews. Every change is a
// new version; each screening result stores the version and values it used.
import { z } from 'zod';
import type { Db } from '../../../db/connect.js';
import { latestSettings } from '../../../db/repositories/clinical.repository.js';
import { defaultScreeningSettings, screeningSettingsSchema } from '../engine.js';

export const LICENCE_TYPES = ['md', 'do', 'np', 'pa', 'rn', 'lvn', 'esthetician', 'master_esthetician'] as const;

export const clinicalSettingsSchema = z.strictObject({
  screening: screeningSettingsSchema,
  /** licence types of providers who may sign reviews besides the medical director (prescribers) */
  reviewerLicenceTypes: z.array(z.enum(LICENCE_TYPES)).max(8).default(['md', 'do', 'np', 'pa']),
});
export type ClinicalSettings = z.infer<typeof clinicalSettingsSchema>;

export const defaultClinicalSettings = (): ClinicalSettings => ({
  screening: defaultScreeningSettings(),
  reviewerLicenceTypes: ['md', 'do', 'np', 'pa'],
});

export interface SettingsInForce {
  version: number;
  settings: ClinicalSettings;
}

/** Version 0 means "the protocol pack's defaults, never changed". */
export async function settingsInForce(db: Db, organizationId: string): Promise<SettingsInForce> {
  const row = await latestSettings(db, organizationId);
  if (!row) return { version: 0, settings: defaultClinicalSettings() };
  const parsed = clinicalSettingsSchema.safeParse(row.settings);
  // a stored version that no longer parses (pack changed) falls back field by field to defaults
  const settings = parsed.success ? parsed.data : { ...defaultClinicalSettings(), ...(row.settings as Partial<ClinicalSettings>) };
  return { version: row.version, settings };
}
