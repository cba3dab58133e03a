import { triage, type TriageReport, type TriageResult } from '../../domain/treatment/triage/index.js';

/** Stateless: the triage contract's report in, its result out; nothing is stored or read. */
export function evaluateTriage(report: TriageReport): TriageResult {
  return triage(report);
}
