// The answers of the clinical-settings routes: the settings in force and their history.
import { z } from 'zod';
import { ScreeningSettingsUsed } from '../screening/screening.schema.js';
import { LICENCE_TYPES } from './clinical-settings.js';

const settingsExample = {
  screening: { isotretinoinMonths: 6, tanningDays: 14, selfTannerDays: 2, topicalRetinoidDays: 3, deepPeelMonths: 3, nonAblativeLaserDays: 21, ablativeLaserWeeks: 12, facialSurgeryMonths: 12, neurotoxinDays: 14, fillerDays: 14, radiationMonths: 3, microneedlingIntervalDays: 28, resultValidityDays: 30 },
  reviewerLicenceTypes: ['md', 'do', 'np', 'pa'],
} as const;

export const ClinicalSettings = z
  .object({
    screening: ScreeningSettingsUsed,
    reviewerLicenceTypes: z.array(z.enum(LICENCE_TYPES)).describe('licence types of providers who may sign reviews besides the medical director'),
  })
  .meta({ id: 'ClinicalSettings', description: 'Screening windows and who may sign clinician reviews', example: settingsExample });

export const ClinicalSettingsVersion = z
  .object({ version: z.number().int().describe('0: the protocol defaults, never changed'), settings: ClinicalSettings })
  .meta({ id: 'ClinicalSettingsVersion', description: 'A version of the clinical settings', example: { version: 1, settings: settingsExample } });

export const ClinicalSettingsChange = z
  .object({
    version: z.number().int(),
    settings: ClinicalSettings,
    reason: z.string(),
    changedAt: z.string().describe('ISO date-time'),
    changedBy: z.string().nullable().describe('name of the medical director who changed it'),
  })
  .meta({ id: 'ClinicalSettingsChange', description: 'One change of the clinical settings' });

export const ClinicalSettingsWithHistory = z
  .object({ version: z.number().int(), settings: ClinicalSettings, history: z.array(ClinicalSettingsChange).describe('newest first') })
  .meta({
    id: 'ClinicalSettingsWithHistory',
    description: 'The settings in force with every earlier version',
    example: { version: 1, settings: settingsExample, history: [{ version: 1, settings: settingsExample, reason: 'Clinic policy: longer wait after tanning', changedAt: '2026-11-01T09:00:00.000Z', changedBy: 'Dr. Mara Director' }] },
  });

export type ClinicalSettingsView = z.output<typeof ClinicalSettings>;
export type ClinicalSettingsVersionView = z.output<typeof ClinicalSettingsVersion>;
export type ClinicalSettingsWithHistoryView = z.output<typeof ClinicalSettingsWithHistory>;
