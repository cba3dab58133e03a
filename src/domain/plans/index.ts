// Treatment plans (contract v1, docs/plans.md): one engine for the CLI, the API and stored plans.
import { parseContract, parseContractBatch, type Parsed } from '../shared/contract-parse.js';
import { PlanRequestSchema, type PlanRequestV1 } from './contract.js';

export * from './contract.js';
export { evaluatePlan, type PlanEvaluation } from './evaluate-plan.js';

export const parsePlanRequest = (input: unknown): Parsed<PlanRequestV1> => parseContract(PlanRequestSchema, input);
/** One request or an array of requests; errors in an array name the index: "[1].areas". */
export const parsePlanRequests = (input: unknown): Parsed<PlanRequestV1 | PlanRequestV1[]> => parseContractBatch(PlanRequestSchema, input);
