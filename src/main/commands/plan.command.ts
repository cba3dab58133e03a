// `dermis plan FILE`: one plan request or an array of them in, plan results out (plan contract v1,
// docs/plans.md).
import { evaluatePlan, parsePlanRequests } from '../../domain/plans/index.js';
import { runJsonCommand, type JsonCommandIo } from './json-command.js';

export const planCommand = (args: string[], io: JsonCommandIo) => runJsonCommand({ name: 'plan', parse: parsePlanRequests, evaluate: (r) => evaluatePlan(r).result }, args, io);
