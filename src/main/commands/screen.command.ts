// `dermis screen FILE`: one request or an array of requests in, results out (contract v1).
// Invalid input: a message naming the field (and index) on stderr, nothing on stdout, exit 2.
import { readFile as fsReadFile } from 'node:fs/promises';
import { parseScreeningRequests, screen } from '../../domain/screening/engine/index.js';

export interface ScreenIo {
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

export async function screenCommand(args: string[], io: ScreenIo): Promise<number> {
  const fail = (msg: string) => {
    io.stderr.write(`dermis screen: ${msg}\n`);
    return 2;
  };
  const file = args[0];
  if (!file || args.length > 1) return fail('usage: dermis screen FILE (FILE "-" reads standard input)');
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
  const parsed = parseScreeningRequests(json);
  if (!parsed.ok) return fail(`invalid input:\n${parsed.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  const out = Array.isArray(parsed.value) ? parsed.value.map((r) => screen(r)) : screen(parsed.value);
  io.stdout.write(JSON.stringify(out, null, 2) + '\n');
  return 0;
}
