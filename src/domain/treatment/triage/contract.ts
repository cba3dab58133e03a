// Triage contract v1 (docs/triage.md): the exact input and output shapes of aftercare triage. The
// CLI (`dermis triage`), the API and the portal's symptom report all go through them: change only
// with a new contract version.
import { z } from 'zod';
import { AREAS, MODALITIES } from '../../screening/engine/contract.js';
import { SYMPTOMS } from '../../protocols/microneedling/symptoms.js';
import { TEMPERATURE_RANGE, URGENCIES } from '../../protocols/microneedling/triage-rules.js';
import { text } from '../../shared/input.js';

export { SYMPTOMS, URGENCIES };
export const SEVERITIES = ['mild', 'moderate', 'severe'] as const;
/** a year after treatment: later reports are not aftercare */
export const HOURS_MAX = 8760;

const shown = (v: unknown) => JSON.stringify(v) ?? String(v);
/** A code from a list; `choices` says what to use instead: "roller, pen or rf", or where the list is. */
const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string, choices: string) =>
  z.enum(values, { error: (iss) => (iss.input === undefined ? `Give the ${what}: ${choices}` : `${shown(iss.input)} is not ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} Dermis knows; ${choices}`) });

const hours = (what: string) =>
  z.number({ error: (iss) => (iss.input === undefined ? `Give the ${what}` : `Give the ${what} as a number`) }).min(0, `The ${what} cannot be negative`).max(HOURS_MAX, `The ${what} can be at most ${HOURS_MAX} hours (a year)`);
const days = (what: string) =>
  z.number({ error: (iss) => (iss.input === undefined ? `Give the ${what}` : `Give the ${what} as a number`) }).min(0, `The ${what} cannot be negative`).max(HOURS_MAX / 24, `The ${what} can be at most ${HOURS_MAX / 24} days (a year)`);

export const TriageSymptomSchema = z
  .strictObject({
    code: oneOf(SYMPTOMS, 'symptom', 'docs/triage.md lists them'),
    severity: oneOf(SEVERITIES, 'severity', 'use mild, moderate or severe'),
    onsetHours: hours('hours after treatment when it began').optional(),
    onsetDays: days('days after treatment when it began').optional(),
  })
  .superRefine((s, ctx) => {
    if (s.onsetHours === undefined && s.onsetDays === undefined) ctx.addIssue({ code: 'custom', path: ['onsetHours'], message: 'Give when it began: onsetHours or onsetDays after treatment' });
    if (s.onsetHours !== undefined && s.onsetDays !== undefined) ctx.addIssue({ code: 'custom', path: ['onsetDays'], message: 'Give when it began once: onsetHours or onsetDays, not both' });
  })
  .describe('A symptom: its code, how bad it is, and when it began (hours or days after treatment)');

export const TemperatureSchema = z
  .strictObject({
    degrees: z.number({ error: 'Give the temperature as a number' }),
    unit: z.enum(['C', 'F'], { error: 'Give the temperature unit: C or F' }),
  })
  .superRefine((t, ctx) => {
    const r = TEMPERATURE_RANGE[t.unit];
    if (t.degrees < r.min || t.degrees > r.max) ctx.addIssue({ code: 'custom', path: ['degrees'], message: `A body temperature is between ${r.min} and ${r.max} °${t.unit}; check the number and the unit` });
  })
  .describe('The measured body temperature');

export const TriageReportSchema = z
  .strictObject({
    hoursSinceTreatment: hours('hours since treatment').optional().describe('time since the end of treatment; or daysSinceTreatment'),
    daysSinceTreatment: days('days since treatment').optional().describe('1 day = 24 hours'),
    modality: oneOf(MODALITIES, 'modality', 'use roller, pen or rf'),
    areas: z.array(oneOf(AREAS, 'area', 'docs/triage.md lists them')).min(1, 'Name at least one treated area'),
    symptoms: z.array(TriageSymptomSchema).max(SYMPTOMS.length, 'List each symptom once').optional().default([]),
    temperature: TemperatureSchema.optional(),
    photoAttached: z.boolean({ error: 'Say whether a photo is attached: true or false' }).optional().default(false),
    note: text({ min: 0, max: 2000 }).optional().describe('free text: kept with the report, never decides'),
  })
  .superRefine((r, ctx) => {
    if (r.hoursSinceTreatment === undefined && r.daysSinceTreatment === undefined) ctx.addIssue({ code: 'custom', path: ['hoursSinceTreatment'], message: 'Give the time since treatment: hoursSinceTreatment or daysSinceTreatment' });
    if (r.hoursSinceTreatment !== undefined && r.daysSinceTreatment !== undefined) ctx.addIssue({ code: 'custom', path: ['daysSinceTreatment'], message: 'Give the time since treatment once: hoursSinceTreatment or daysSinceTreatment, not both' });
    const now = reportHours(r);
    const seen = new Set<string>();
    r.symptoms.forEach((s, i) => {
      if (seen.has(s.code)) ctx.addIssue({ code: 'custom', path: ['symptoms', i, 'code'], message: `${s.code} is listed twice; list each symptom once` });
      seen.add(s.code);
      const onset = onsetHours(s);
      if (onset !== null && now !== null && onset > now) ctx.addIssue({ code: 'custom', path: ['symptoms', i, s.onsetDays !== undefined ? 'onsetDays' : 'onsetHours'], message: `A symptom cannot begin after the report, ${now} hours after treatment` });
    });
  })
  .describe('Triage report v1: a client’s aftercare symptom report');

export const TriageFindingSchema = z.object({
  ruleId: z.string(),
  urgency: z.enum(URGENCIES),
  symptoms: z.array(z.enum(SYMPTOMS)).describe('the reported symptoms behind the finding'),
  clientMessage: z.string().describe('for the client, in plain words'),
  clinicianMessage: z.string().describe('for the clinician: the symptoms, times and treatment'),
  sources: z.array(z.string()).describe('source ids of the clinical reference'),
});

export const TriageResultSchema = z
  .object({
    urgency: z.enum(URGENCIES).describe('the most urgent finding; expected when there is none'),
    advice: z.string().describe('what the client should do now'),
    findings: z.array(TriageFindingSchema),
    protocol: z.string().describe('the protocol pack and version'),
  })
  .describe('Triage result v1');

export type TriageSymptom = z.output<typeof TriageSymptomSchema>;
export type TriageReport = z.output<typeof TriageReportSchema>;
export type TriageFinding = z.output<typeof TriageFindingSchema>;
export type TriageResult = z.output<typeof TriageResultSchema>;
export type Severity = (typeof SEVERITIES)[number];

/** The report's time in hours (days count 24 hours each); null when it gives none. */
export function reportHours(r: { hoursSinceTreatment?: number | undefined; daysSinceTreatment?: number | undefined }): number | null {
  return r.hoursSinceTreatment ?? (r.daysSinceTreatment !== undefined ? r.daysSinceTreatment * 24 : null);
}

export function onsetHours(s: { onsetHours?: number | undefined; onsetDays?: number | undefined }): number | null {
  return s.onsetHours ?? (s.onsetDays !== undefined ? s.onsetDays * 24 : null);
}
