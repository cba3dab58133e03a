// Where SQL lives (docs/architecture.md, "Where queries live"): a use case queries its own area's
// tables in its own file; a query that starts from, or writes, another area's table goes through that
// area's repository in src/db/repositories. Joins to another area's tables for names and context are
// allowed inside a query of one's own. Reports and the demo seeder read everything by design.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownerOf, READS_EVERYTHING, TABLE_OWNERS } from '../../src/db/table-owners.js';

const root = path.resolve(import.meta.dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : [],
  );
const STARTS = /\.(selectFrom|insertInto|updateTable|deleteFrom|mergeInto)\(\s*'([a-z_]+)/g;

/** "file:line selectFrom('table') (owned by area)" for every query that starts in another area */
export function misplacedQueries(file: string, source: string): string[] {
  const area = file.split(path.sep)[2]!;
  if (READS_EVERYTHING.includes(area)) return [];
  const out: string[] = [];
  for (const m of source.matchAll(STARTS)) {
    const owner = ownerOf(m[2]!);
    if (owner !== area) out.push(`${file}:${source.slice(0, m.index).split('\n').length} ${m[1]}('${m[2]}') (owned by ${owner ?? 'nobody'})`);
  }
  return out;
}

describe('where queries live', () => {
  it("keeps every service's queries to its own area's tables; the rest go through repositories", () => {
    const misplaced = files('src/services').flatMap((f) => misplacedQueries(f, readFileSync(path.join(root, f), 'utf8')));
    expect(misplaced).toEqual([]);
  });

  it('gives every table an owner', () => {
    const schema = readdirSync(path.join(root, 'src/db'))
      .filter((f) => f.startsWith('schema'))
      .map((f) => readFileSync(path.join(root, 'src/db', f), 'utf8'))
      .join('\n');
    const tables = [...schema.matchAll(/^\s+([a-z_]+): [A-Za-z]+Table;$/gm)].map((m) => m[1]!);
    expect(tables.length).toBeGreaterThan(40);
    expect(tables.filter((t) => !ownerOf(t))).toEqual([]);
    expect(Object.values(TABLE_OWNERS).flat().filter((t) => !tables.includes(t))).toEqual([]);
  });

  it('notices a query in the wrong place (the check itself can fail)', () => {
    const file = path.join('src', 'services', 'billing', 'x.ts');
    expect(misplacedQueries(file, "db.selectFrom('invoices')\n.selectFrom('bookings')")).toEqual([`${file}:2 selectFrom('bookings') (owned by scheduling)`]);
  });
});
