// The microneedling protocol pack: versioned clinical content. A screening result names the pack
// version it used ("microneedling@2026.12.1"); change the version with any rule or number change.
import { SCREENING_RULES } from './rules.js';
import { defaultScreeningSettings } from './windows.js';
import { DEPTH_CAPS, DEPTH_RULES } from './depths.js';
import { LOGISTICS, SESSION_PROTOCOLS, DEFAULT_INTERVAL_DAYS, INTERVAL_FLOOR_DAYS, DOWNTIME } from './sessions.js';
import { AFTERCARE, AE_CATALOGUE, AE_GRADES, CHECK_IN_DAYS, EXPECTED_COURSE, RED_FLAGS } from './aftercare.js';
import { MODALITIES } from './modalities.js';
import { SYMPTOM_DEFS } from './symptoms.js';
import { TRIAGE_RULES } from './triage-rules.js';
import { PLAN_RULES } from './plan-rules.js';

export const MICRONEEDLING_PACK = {
  id: 'microneedling',
  version: '2026.12.1',
  title: 'Microneedling (collagen induction therapy): roller, pen and RF',
  rules: SCREENING_RULES,
  defaults: defaultScreeningSettings(),
  modalities: MODALITIES,
  depthCaps: DEPTH_CAPS,
  depthRules: DEPTH_RULES,
  sessions: SESSION_PROTOCOLS,
  intervals: { default: DEFAULT_INTERVAL_DAYS, floorDays: INTERVAL_FLOOR_DAYS },
  logistics: LOGISTICS,
  downtime: DOWNTIME,
  aftercare: AFTERCARE,
  expectedCourse: EXPECTED_COURSE,
  checkInDays: CHECK_IN_DAYS,
  redFlags: RED_FLAGS,
  symptoms: SYMPTOM_DEFS,
  triageRules: TRIAGE_RULES,
  planRules: PLAN_RULES,
  adverseEvents: { catalogue: AE_CATALOGUE, grades: AE_GRADES },
} as const;

export const packKey = `${MICRONEEDLING_PACK.id}@${MICRONEEDLING_PACK.version}`;
