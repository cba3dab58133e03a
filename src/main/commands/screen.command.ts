// `dermis screen FILE`: one request or an array of requests in, results out (contract v1).
// Invalid input: a message naming the field (and index) on stderr, nothing on stdout, exit 2.
import { parseScreeningRequests, screen } from '../../domain/screening/engine/index.js';
import { runJsonCommand, type JsonCommandIo } from './json-command.js';

export type ScreenIo = JsonCommandIo;

export const screenCommand = (args: string[], io: ScreenIo) => runJsonCommand({ name: 'screen', parse: parseScreeningRequests, evaluate: (r) => screen(r) }, args, io);
