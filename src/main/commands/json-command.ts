// What `dermis screen`, `dermis triage` and `dermis plan` share: FILE (or "-" for standard input)
// holds one request or an array of requests; each is evaluated and the result, or the array of
// results in the same order, is printed as JSON. Invalid input: a message naming the field (and the
// index) on standard error, nothing on standard output, exit 2.
import { readFile as fsReadFile } from 'node:fs/promises';
import type { Parsed } from '../../domain/shared/contract-parse.js';

export interface JsonCommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  readFile?: (path: string) => Promise<string>;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks).toString('utf8');
}

export interface JsonCommand<I, O> {
  name: string;
  parse: (json: unknown) => Parsed<I | I[]>;
  evaluate: (input: I) => O;
}

export async function runJsonCommand<I, O>(cmd: JsonCommand<I, O>, args: string[], io: JsonCommandIo): Promise<number> {
  const fail = (msg: string) => {
    io.stderr.write(`dermis ${cmd.name}: ${msg}\n`);
    return 2;
  };
  const file = args[0];
  if (!file || args.length > 1) return fail(`usage: dermis ${cmd.name} FILE (FILE "-" reads standard input)`);
  let text: string;
  try {
    text = file === '-' ? await readAll(io.stdin) : await (io.readFile ?? ((p: string) => fsReadFile(p, 'utf8')))(file);
  } catch (err) {
    return fail(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail(`${file === '-' ? 'standard input' : file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = cmd.parse(json);
  if (!parsed.ok) return fail(`invalid input:\n${parsed.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  const out = Array.isArray(parsed.value) ? parsed.value.map((r) => cmd.evaluate(r)) : cmd.evaluate(parsed.value);
  io.stdout.write(JSON.stringify(out, null, 2) + '\n');
  return 0;
}
