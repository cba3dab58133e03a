// The answers of the aftercare routes: journeys with their check-ins, the symptom report (triaged
// by the triage contract, docs/triage.md) and the alerts it raises.
import { z } from 'zod';
import { text } from '../../domain/shared/input.js';
import { SYMPTOMS, TemperatureSchema, TriageSymptomSchema, URGENCIES } from '../../domain/treatment/triage/index.js';
import { TriageFinding, TriageOutcome, triageResultExample } from './triage.schema.js';

export const symptomReportInput = z.strictObject({
  symptoms: z.array(TriageSymptomSchema).max(SYMPTOMS.length).describe('each symptom with how bad it is and when it began (onsetDays: days after treatment, 0 for the day of treatment)'),
  temperature: TemperatureSchema.optional(),
  photoAttached: z.boolean().optional().describe('a photo follows the report (POST /api/clients/{clientId}/photos with its checkInId)'),
  note: text({ min: 0, max: 1000 }).optional(),
  /** the scheduled check-in this answers; without it, a report between check-ins */
  checkInId: z.uuid().optional(),
});

const isoDateTime = z.iso.datetime();
const JOURNEY_ID = '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a';
const CHECK_IN_ID = '6b5a4f3e-2d1c-4b0a-9f8e-7d6c5b4a3f2e';
const ALERT_ID = '8e7d6c5b-4a3f-4e2d-9c1b-0a9f8e7d6c5b';
const CLIENT_ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

const AftercareItem = z
  .object({
    id: z.string().describe('The aftercare instruction code, e.g. AC-3'),
    kind: z.enum(['avoid', 'do', 'expect']),
    text: z.string(),
    from: isoDateTime.describe('When it starts to apply (ISO date-time)'),
    to: isoDateTime.nullable().describe('When it stops applying (ISO date-time); null for open-ended'),
  })
  .meta({ id: 'AftercareItem', description: 'A timed aftercare instruction or expected course', example: { id: 'AC-3', kind: 'do', text: 'Use sunscreen every day', from: '2026-11-03T17:00:00.000Z', to: null } });

const urgency = z.enum(URGENCIES);
const alertLevel = z.enum(['routine', 'urgent', 'emergency']);

const AftercareCheckIn = z
  .object({
    id: z.uuid(),
    day: z.number().int().describe('Days after the treatment'),
    scheduled: z.boolean().describe('false for a report the client sent between check-ins'),
    dueAt: isoDateTime,
    answeredAt: isoDateTime.nullable(),
    level: urgency.nullable().describe('The triage urgency of the answer; null until answered'),
    due: z.boolean().describe('Unanswered and due now'),
  })
  .meta({ id: 'AftercareCheckIn', description: 'A symptom check-in of an aftercare journey' });

export const AftercareJourney = z
  .object({
    id: z.uuid(),
    bookingId: z.uuid(),
    modality: z.string().describe('The treatment modality (roller, pen, rf)'),
    treatedAt: isoDateTime,
    timeZone: z.string().describe('IANA zone of the location'),
    now: z.array(AftercareItem).describe('What applies now'),
    next: z.array(AftercareItem).describe('What comes next, soonest first'),
    checkIns: z.array(AftercareCheckIn),
  })
  .meta({ id: 'AftercareJourney', description: 'The aftercare of one treatment' });

export const Aftercare = z
  .object({
    journeys: z.array(AftercareJourney).describe('The ten newest journeys, newest first'),
    symptoms: z
      .array(z.object({ code: z.enum(SYMPTOMS), label: z.string(), warning: z.boolean().describe('a red-flag sign rather than part of the usual course') }))
      .describe('The symptoms a check-in may report, the usual course first'),
  })
  .meta({
    id: 'Aftercare',
    description: "A client's aftercare journeys and the symptoms they can report",
    example: {
      journeys: [{
        id: JOURNEY_ID, bookingId: '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9', modality: 'pen', treatedAt: '2026-11-02T17:00:00.000Z', timeZone: 'America/Chicago',
        now: [{ id: 'AC-1', kind: 'avoid', text: 'No makeup for 24 hours', from: '2026-11-02T17:00:00.000Z', to: '2026-11-03T17:00:00.000Z' }], next: [],
        checkIns: [{ id: CHECK_IN_ID, day: 1, scheduled: true, dueAt: '2026-11-03T16:00:00.000Z', answeredAt: null, level: null, due: true }],
      }],
      symptoms: [{ code: 'pus', label: 'Pus, or yellow or cloudy fluid', warning: true }],
    },
  });
export type AftercareView = z.output<typeof Aftercare>;

export const SymptomReport = z
  .object({
    checkInId: z.uuid(),
    alertId: z.uuid().nullable().describe('The alert raised to the care team; null when the report is expected'),
    triage: TriageOutcome,
  })
  .meta({ id: 'SymptomReport', description: 'A recorded symptom check-in and its triage', example: { checkInId: CHECK_IN_ID, alertId: ALERT_ID, triage: triageResultExample } });
export type SymptomReportView = z.output<typeof SymptomReport>;

const ALERT_EXAMPLE = {
  id: ALERT_ID, clientId: CLIENT_ID, photos: [], clientName: 'Ana Lopez', phone: '+15555550100', level: 'urgent',
  findings: triageResultExample.findings, createdAt: '2026-11-04T15:00:00.000Z', escalatedAt: null,
} as const;

export const Alert = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    photos: z.array(z.object({ id: z.uuid(), thumbUrl: z.string(), url: z.string() })).describe('Photos sent with the check-in'),
    clientName: z.string(),
    phone: z.string().nullable(),
    level: alertLevel.describe('the triage urgency of the report'),
    findings: z.array(TriageFinding).describe('the triage findings, most urgent first'),
    createdAt: isoDateTime,
    escalatedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'Alert', description: 'An open aftercare alert: a report triaged emergency, urgent or routine', example: ALERT_EXAMPLE });
export type AlertView = z.output<typeof Alert>;
export const AlertList = z.object({ items: z.array(Alert) }).meta({ id: 'AlertList', description: 'Open aftercare alerts, the most urgent first, then oldest first', example: { items: [ALERT_EXAMPLE] } });

export const AlertAcknowledged = z
  .object({ id: z.uuid(), status: z.literal('acknowledged') })
  .meta({ id: 'AlertAcknowledged', description: 'An acknowledged alert', example: { id: ALERT_ID, status: 'acknowledged' } });
export type AlertAcknowledgedView = z.output<typeof AlertAcknowledged>;
