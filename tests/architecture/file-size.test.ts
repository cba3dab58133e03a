// Files a newcomer can hold in their head: no source file over 400 lines, except what a tool
// generates (the API client types) and the frozen migrations.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const EXEMPT = [/\/generated\//, /\/migrations\//];
const sources = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : /\.(ts|tsx|mjs)$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );

describe('file size', () => {
  it('keeps every source file at 400 lines or fewer', () => {
    const long = ['src', 'tests', 'e2e', 'bench', 'scripts']
      .flatMap(sources)
      .filter((f) => !EXEMPT.some((re) => re.test(`/${f}`)))
      .map((f) => ({ f, lines: readFileSync(path.join(root, f), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 401)
      .map(({ f, lines }) => `${f}: ${lines} lines`);
    expect(long).toEqual([]);
  });
});
