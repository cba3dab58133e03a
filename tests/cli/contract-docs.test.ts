// The examples of docs/triage.md and docs/plans.md are the contracts' tests: every ```json input
// block is run through the CLI, and its output must equal the ```json output block after it, or, for
// a ```text stderr block, exit 2 with exactly that on standard error and nothing on standard output.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli.js';
import { TRIAGE_RULES } from '../../src/domain/protocols/microneedling/triage-rules.js';
import { PLAN_RULES } from '../../src/domain/protocols/microneedling/plan-rules.js';

interface Example {
  title: string;
  input: string;
  kind: 'output' | 'stderr';
  expected: string;
}

/** The input blocks of a document, each with the block that answers it and the sentence before it. */
function examplesOf(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/(?:^|\n)([^\n]*)\n*```(json input|json output|text stderr)\n([\s\S]*?)\n```/g)];
  const out: Example[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const [, before, kind, body] = blocks[i]!;
    if (kind !== 'json input') continue;
    const next = blocks[i + 1];
    if (!next || next[2] === 'json input') throw new Error(`an input block has no output or stderr block after it: ${body!.slice(0, 80)}`);
    out.push({ title: before!.trim() || `example ${out.length + 1}`, input: body!, kind: next[2] === 'json output' ? 'output' : 'stderr', expected: next[3]! });
    i++;
  }
  return out;
}

async function cli(command: string, stdin: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([command, '-'], { stdin: Readable.from([stdin]), stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } });
  return { code, out: out.join(''), err: err.join('') };
}

const docs = [
  { command: 'triage', file: 'docs/triage.md', rules: TRIAGE_RULES.map((r) => r.id) },
  { command: 'plan', file: 'docs/plans.md', rules: PLAN_RULES.map((r) => r.id) },
];

describe.each(docs)('the examples of $file, run by dermis $command', ({ command, file, rules }) => {
  const text = readFileSync(path.resolve(file), 'utf8');
  const examples = examplesOf(text);

  it('lists every rule of the protocol pack in its rules table', () => {
    expect(rules.filter((id) => !text.includes(`| ${id} |`))).toEqual([]);
  });

  it('has examples with outputs and errors', () => {
    expect(examples.filter((e) => e.kind === 'output').length).toBeGreaterThanOrEqual(4);
    expect(examples.some((e) => e.kind === 'stderr')).toBe(true);
  });

  it.each(examples.map((e, i) => [`${i + 1}: ${e.title}`, e] as const))('%s', async (_name, e) => {
    const r = await cli(command, e.input);
    if (e.kind === 'output') {
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toStrictEqual(JSON.parse(e.expected));
    } else {
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trimEnd()).toBe(e.expected);
    }
  });
});
