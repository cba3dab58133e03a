// `dermis triage FILE`: one aftercare symptom report or an array of them in, triage results out
// (triage contract v1, docs/triage.md).
import { parseTriageReports, triage } from '../../domain/treatment/triage/index.js';
import { runJsonCommand, type JsonCommandIo } from './json-command.js';

export const triageCommand = (args: string[], io: JsonCommandIo) => runJsonCommand({ name: 'triage', parse: parseTriageReports, evaluate: triage }, args, io);
