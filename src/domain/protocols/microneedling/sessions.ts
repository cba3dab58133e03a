// Sessions, intervals and when to judge results, by concern (reference 3C), and the session
// logistics (3D). Days are calendar days.
import type { CONCERN_CODES } from '../../screening/engine/contract.js';

export type Concern = (typeof CONCERN_CODES)[number];

export interface SessionProtocol {
  id: string;
  concern: Concern;
  sessions: { min: number; max: number; typical: number };
  intervalDays: { min: number; max: number };
  /** results are judged no earlier than this many days after the last session */
  assessAfterDays: number;
  note: string;
  unverified: boolean;
  sources: string[];
}

const p = (id: string, concern: Concern, sessions: [number, number, number], interval: [number, number], assessAfterDays: number, note: string, sources: string[], unverified = false): SessionProtocol => ({
  id,
  concern,
  sessions: { min: sessions[0], max: sessions[1], typical: sessions[2] },
  intervalDays: { min: interval[0], max: interval[1] },
  assessAfterDays,
  note,
  unverified,
  sources,
});

/** The default interval (SkinPen-based practice) and the hard floor (never retreat sooner). */
export const DEFAULT_INTERVAL_DAYS = { min: 28, max: 42 } as const;
export const INTERVAL_FLOOR_DAYS = 14;
/** at least 3 months after the last session (3C, acne scars; used for every concern) */
export const MIN_ASSESS_AFTER_DAYS = 90;

export const SESSION_PROTOCOLS: readonly SessionProtocol[] = [
  p('SES-acne_scars', 'acne_scars', [3, 6, 4], [28, 42], 90, '1 to 4 for milder scars, up to 6 to 8 for severe mixed scars; final result at 6 to 12 months.', ['S3', 'S4', 'S5', 'S25']),
  p('SES-other_scars', 'other_scars', [1, 6, 3], [28, 42], 90, 'Monthly; review at 1, 3, 6 and 12 months.', ['S3']),
  p('SES-fine_lines', 'fine_lines', [3, 4, 4], [28, 42], 90, 'Four sessions 30 days apart; judged at day 90 and day 150.', ['S7']),
  p('SES-texture', 'texture', [3, 4, 3], [28, 42], 90, 'As for wrinkles and rejuvenation.', ['S7']),
  p('SES-laxity', 'laxity', [3, 4, 3], [28, 42], 90, 'RF microneedling is favoured for laxity.', ['S7', 'S29']),
  p('SES-enlarged_pores', 'enlarged_pores', [3, 4, 3], [28, 42], 90, 'No controlled trial with pore size as an endpoint.', ['S2', 'S44'], true),
  p('SES-hyperpigmentation', 'hyperpigmentation', [3, 6, 4], [28, 42], 90, 'As an add-on to topicals; PIH risk applies.', ['S8', 'S9'], true),
  p('SES-melasma', 'melasma', [3, 6, 4], [28, 42], 90, 'Only with a topical (for example tranexamic acid); trials used 2 to 4 weeks; best at 12 to 16 weeks.', ['S8', 'S9'], true),
  p('SES-stretch_marks', 'stretch_marks', [3, 6, 4], [28, 42], 90, 'About 4 weeks apart.', ['S10'], true),
  p('SES-hair_loss', 'hair_loss', [6, 12, 6], [14, 28], 90, 'With minoxidil; trials used weekly to every 4 weeks over 12 weeks or more.', ['S11']),
];

export const sessionProtocolFor = (concern: Concern): SessionProtocol => SESSION_PROTOCOLS.find((s) => s.concern === concern)!;

/** Session logistics (3D). */
export const LOGISTICS = {
  numbingMinutes: { default: 20, min: 15, max: 60, id: 'LOG-1', sources: ['S27', 'S45'] },
  numbingSafety: {
    id: 'LOG-2',
    text: 'FDA-approved numbing product, lowest effective amount, limited area; no wrapping or heat unless prescribed; never dispense compounded high-strength cream for home use. Log product, amount, area and time.',
    sources: ['S34'],
  },
  minutesPerFacialArea: { min: 15, max: 30, id: 'LOG-3', sources: ['S26', 'S45'] },
  sterility: { id: 'LOG-4', text: 'Single-use sterile cartridge and barrier sheath for every client; never reuse; record cartridge lots.', sources: ['S25', 'S35'] },
  products: { id: 'LOG-5', text: 'Only products labelled or approved for use with the device (granuloma risk).', sources: ['S15', 'S16', 'S26'] },
} as const;

/** Expected downtime shown on every plan (reference 4). */
export const DOWNTIME = { rednessDays: { min: 1, max: 3 }, flakingDays: { min: 2, max: 5 }, fullRecoveryDays: 14 } as const;
