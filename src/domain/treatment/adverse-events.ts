// Adverse events (reference 5): a common treatment response versus an adverse event, CTCAE v5.0
// grades 1 to 5, a separate serious flag (FDA definition), relatedness, and what should be reported.
import { AE_CATALOGUE } from '../protocols/microneedling/aftercare.js';

export const RELATEDNESS = ['unrelated', 'possible', 'probable', 'definite'] as const;
export type Relatedness = (typeof RELATEDNESS)[number];

export interface AdverseEventInput {
  code: string;
  expectedResponse: boolean;
  grade: number | null;
  serious: boolean;
  relatedness: Relatedness;
}

export interface AeIssue {
  path: string;
  message: string;
}

/** Consistency rules a recorded event must meet; each names the field. */
export function adverseEventIssues(e: AdverseEventInput): AeIssue[] {
  const issues: AeIssue[] = [];
  const type = AE_CATALOGUE.find((t) => t.code === e.code);
  if (!type) return [{ path: 'code', message: 'not in the adverse-event catalogue' }];
  if (e.expectedResponse && !type.expectedResponse) issues.push({ path: 'expectedResponse', message: `${type.label} is never an expected treatment response` });
  if (!e.expectedResponse && e.grade === null) issues.push({ path: 'grade', message: 'grade an adverse event (CTCAE 1 to 5)' });
  if (e.grade !== null && (e.grade < 1 || e.grade > 5)) issues.push({ path: 'grade', message: 'CTCAE grades run from 1 to 5' });
  // grade 4 (life-threatening) and 5 (death) are serious by the FDA definition
  if (e.grade !== null && e.grade >= 4 && e.grade <= 5 && !e.serious) issues.push({ path: 'serious', message: 'a grade 4 or 5 event is serious' });
  if (e.code === 'bloodborne_transmission' && !e.serious) issues.push({ path: 'serious', message: 'bloodborne transmission is always serious' });
  return issues;
}

/** The reporting checklist: MedWatch and the manufacturer when serious, device-related or RF harm. */
export function reportingChecklist(e: AdverseEventInput): { medwatch: boolean; manufacturer: boolean; reasons: string[] } {
  const reasons: string[] = [];
  const deviceRelated = e.relatedness === 'probable' || e.relatedness === 'definite';
  if (e.serious) reasons.push('serious event: report to FDA MedWatch');
  if (e.code === 'rf_burn_fat_nerve') reasons.push('RF burn, fat loss or nerve injury: FDA asks for MedWatch reports (RF-4)');
  if (deviceRelated && !e.expectedResponse) reasons.push('probably or definitely device-related: tell the manufacturer');
  return { medwatch: e.serious || e.code === 'rf_burn_fat_nerve', manufacturer: deviceRelated && !e.expectedResponse, reasons };
}

/** A tolerated expected response that outlasts its window becomes an adverse event (grade 1 hint). */
export function gradeHint(code: string): [number, number] | null {
  return AE_CATALOGUE.find((t) => t.code === code)?.gradeHint ?? null;
}
