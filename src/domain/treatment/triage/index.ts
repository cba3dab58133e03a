// Aftercare triage (contract v1, docs/triage.md): one engine for the CLI, the API and the portal.
import { parseContract, parseContractBatch, type Parsed } from '../../shared/contract-parse.js';
import { TriageReportSchema, type TriageReport } from './contract.js';

export * from './contract.js';
export { triage, URGENCY_RANK } from './triage.js';
export { SYMPTOM_DEFS, SYMPTOM_LABEL, EMERGENCY_SYMPTOMS, type Symptom } from '../../protocols/microneedling/symptoms.js';
export { TRIAGE_RULES, type Urgency } from '../../protocols/microneedling/triage-rules.js';

export const parseTriageReport = (input: unknown): Parsed<TriageReport> => parseContract(TriageReportSchema, input);
/** One report or an array of reports; errors in an array name the index: "[2].symptoms[0].code". */
export const parseTriageReports = (input: unknown): Parsed<TriageReport | TriageReport[]> => parseContractBatch(TriageReportSchema, input);
