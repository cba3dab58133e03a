// Plain-language explanation for clients: no rule ids, no jargon (staff see the findings).
import { ruleById } from '../../protocols/microneedling/rules.js';
import type { Decision, ScreeningResult } from './contract.js';
import { humanDate } from '../../shared/human-date.js';

const SUMMARY: Record<Decision, string> = {
  eligible: 'Good news: nothing in your answers stands in the way of this treatment.',
  eligible_with_precautions: 'You can go ahead. Your provider will take a few extra precautions, listed below.',
  needs_review: 'A clinician needs to review your answers before this treatment can be booked. We will let you know the outcome.',
  deferred: 'This treatment needs to wait for now.',
  contraindicated: 'This treatment is not a safe choice for you right now. Your clinic can talk with you about other options.',
};


export interface ClientExplanation {
  decision: Decision;
  summary: string;
  earliest: string | null;
  reasons: string[];
}

export function explainForClient(result: ScreeningResult): ClientExplanation {
  const reasons = [...new Set(result.findings.map((f) => {
    const text = ruleById(f.ruleId)?.client ?? 'Your provider will explain this finding.';
    return f.outcome === 'deferred' && f.until ? `${text} You can be treated from ${humanDate(f.until)}.` : text;
  }))];
  const earliest = result.earliestDate ? `The earliest date you can be treated is ${humanDate(result.earliestDate)}.` : null;
  return { decision: result.decision, summary: SUMMARY[result.decision], earliest, reasons };
}
