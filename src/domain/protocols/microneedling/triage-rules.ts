// Every rule of the triage contract (docs/triage.md) as data: id, what triggers it, the urgency,
// what the client reads, how the finding opens for the clinician, and the sources (reference
// section 4, red flags and expected recovery). The engine (src/domain/treatment/triage) evaluates
// these by id. The red-flag rules take their sources from RED_FLAGS, so both say the same.
import { RED_FLAGS } from './aftercare.js';

export const URGENCIES = ['expected', 'routine', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

export interface TriageRuleDef {
  id: string;
  title: string;
  /** the trigger in words, as docs/triage.md states it */
  trigger: string;
  urgency: Urgency;
  /** what the client reads; null where the engine words it from the symptoms reported */
  client: string | null;
  /** how the clinician's message opens; the engine adds the symptoms, times and treatment */
  clinician: string;
  sources: string[];
}

/** The time boundaries of the rules, in hours after the end of treatment. */
export const TRIAGE_LIMITS = {
  /** RF-FLAG-1: redness, warmth or pain getting worse after 48 to 72 h (the earlier bound, conservative) */
  worseFromHours: 48,
  /** RF-FLAG-3: redness or swelling still present after 7 days */
  persistingFromHours: 168,
  /** RF-FLAG-4: new bumps appearing days to weeks later */
  newBumpsFromHours: 24,
} as const;

/**
 * RF-FLAG-1 "fever": 38.0 °C (100.4 °F), the usual definition of a fever. The reference names fever
 * without a number (❓ unverified threshold).
 */
export const FEVER = { C: 38.0, F: 100.4 } as const;
/** Plausible measured body temperatures; anything else is a typing error, refused. */
export const TEMPERATURE_RANGE = { C: { min: 30, max: 45 }, F: { min: 86, max: 113 } } as const;

const sourcesOf = (flagId: string) => [...RED_FLAGS.find((f) => f.id === flagId)!.sources];

const flag = (id: string, trigger: string, urgency: Urgency, client: string, clinician: string): TriageRuleDef => ({
  id,
  title: RED_FLAGS.find((f) => f.id === id)!.likely,
  trigger,
  urgency,
  client,
  clinician,
  sources: sourcesOf(id),
});

export const TRIAGE_RULES: readonly TriageRuleDef[] = [
  flag('RF-FLAG-8', 'hives, facial_swelling or trouble_breathing, at any time', 'emergency', 'Hives, swelling of the face, lips or tongue, or trouble breathing can be a serious allergic reaction.', 'Possible allergic reaction'),
  flag('RF-FLAG-9', 'dizziness, ringing_ears, numb_lips, palpitations or seizure, at any time', 'emergency', 'Dizziness, ringing in the ears, numb lips, a racing heartbeat or a seizure can be a reaction to the numbing cream.', 'Possible anaesthetic toxicity'),
  flag('RF-FLAG-1', 'redness_worse, warmth_worse or pain_worse from 48 hours; pus or fever at any time; a temperature of 38.0 °C (100.4 °F) or more', 'urgent', 'Redness, warmth or pain that gets worse after the first two days, pus, or a fever can be a sign of infection.', 'Possible bacterial infection'),
  flag('RF-FLAG-2', 'blisters or cold_sores, at any time', 'urgent', 'Clustered blisters or cold sores can mean the cold sore virus has flared up.', 'Possible HSV reactivation'),
  flag('RF-FLAG-3', 'redness, swelling or redness_persisting still present from 168 hours (7 days)', 'urgent', 'Redness or swelling that is still there after 7 days lasts longer than expected.', 'Redness or swelling past 7 days, beyond the expected window; an adverse event if confirmed'),
  flag('RF-FLAG-4', 'new_bumps that began 24 hours or more after treatment', 'urgent', 'New itchy or red bumps that appear days after treatment can be a reaction to something put on the skin.', 'Possible granulomatous or hypersensitivity reaction; ask what was applied during and after needling'),
  flag('RF-FLAG-5', 'dark_patches, at any time', 'urgent', 'Darker patches of skin can follow treatment and respond best to early care.', 'Possible post-inflammatory hyperpigmentation'),
  flag('RF-FLAG-6', 'grid_marks, at any time', 'urgent', 'Lines or grid-like marks on the skin need your provider to look at them.', 'Possible tram-track scarring'),
  flag('RF-FLAG-7', 'swollen_nodes, at any time', 'urgent', 'Swollen glands need your provider to check them.', 'Possible lymphadenopathy'),
  // the reference lists these for RF; after mechanical needling they are unexpected too, so a
  // clinician is told rather than the client being reassured
  flag('RF-FLAG-10', 'burn, dents or numbness, at any time and with any modality', 'urgent', 'A burn, blisters where the device touched, dents in the skin, or numbness or weakness in the face need your provider to look at them.', 'Possible burn, fat atrophy or nerve injury; after RF, record an adverse event and consider a MedWatch report (RF-4)'),
  {
    id: 'TRI-SEVERE',
    title: 'More than the usual reaction',
    trigger: 'a symptom of the expected course (or one getting worse before 48 hours) rated severe',
    urgency: 'urgent',
    client: null,
    clinician: 'Rated severe, more than the expected mild to moderate response',
    sources: ['S25', 'S13'],
  },
  {
    id: 'TRI-LATE',
    title: 'Past its usual window',
    trigger: 'a symptom of the expected course, mild or moderate, reported after the last hour it is usually seen (RF-FLAG-3 aside)',
    urgency: 'routine',
    client: null,
    clinician: 'Past its usual window',
    sources: ['S13', 'S25'],
  },
  {
    id: 'TRI-UNLISTED',
    title: 'Not part of the usual course',
    trigger: 'new_bumps that began within 24 hours of treatment',
    urgency: 'routine',
    client: 'New bumps this soon after treatment are not part of the usual reaction, so a clinician will take a look.',
    clinician: 'Not part of the expected course in the first day; ask whether they are hives, an emergency sign',
    sources: ['S13', 'S15'],
  },
  {
    id: 'TRI-PHOTO',
    title: 'Photo sent',
    trigger: 'a photo is attached to the report',
    urgency: 'routine',
    client: 'Thank you for the photo: a clinician will look at it.',
    clinician: 'A photo comes with this report; look at it before contacting the client',
    sources: ['S25'],
  },
  {
    id: 'TRI-EXPECTED',
    title: 'Expected response',
    trigger: 'a symptom of the expected course, mild or moderate, within its usual window; redness, warmth or pain getting worse before 48 hours',
    urgency: 'expected',
    client: null,
    clinician: 'Within the expected course',
    sources: ['S25', 'S13', 'S27'],
  },
];

export const TRIAGE_RULE_ORDER = new Map(TRIAGE_RULES.map((r, i) => [r.id, i]));
export const triageRule = (id: string): TriageRuleDef => TRIAGE_RULES.find((r) => r.id === id)!;
