import { evaluatePlan, type PlanRequestV1, type PlanResult } from '../../domain/plans/index.js';

/** Stateless: the plan contract's request in, its result out; nothing is stored or read. */
export function evaluatePlanRequest(request: PlanRequestV1): PlanResult {
  return evaluatePlan(request).result;
}
