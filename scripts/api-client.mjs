// The published contract and the web app's client types come from the routes' own schemas:
//   node scripts/api-client.mjs generate   writes docs/openapi.json and src/web/api/generated/schema.d.ts
//   node scripts/api-client.mjs check      regenerates both into a scratch folder, fails if the committed
//                                          ones differ, then lints the document with Redocly's
//                                          recommended rules (redocly.yaml); any problem fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const DOC = 'docs/openapi.json';
const TYPES = 'src/web/api/generated/schema.d.ts';
// Redocly may not phone home or nag (nothing reaches the internet in CI)
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };

function run(cmd, args, quiet = false) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    process.exit(r.status ?? 1);
  }
}

function generate(dir) {
  const doc = path.join(dir, DOC);
  const types = path.join(dir, TYPES);
  mkdirSync(path.dirname(doc), { recursive: true });
  mkdirSync(path.dirname(types), { recursive: true });
  run(bin('tsx'), ['scripts/openapi-document.ts', doc], true);
  run(bin('openapi-typescript'), [doc, '-o', types], true);
  // the generator's output goes through the project's formatter so the committed file is stable
  run(bin('prettier'), ['--log-level', 'warn', '--config', path.join(root, '.prettierrc.json'), '--write', types], true);
  return { doc, types };
}

/** Redocly fails only on errors; a warning fails here too, listed in the linter's own words. */
function lint() {
  const r = spawnSync(bin('redocly'), ['lint', DOC, '--config', 'redocly.yaml', '--format', 'json', '--max-problems', '1000'], { cwd: root, env, encoding: 'utf8' });
  const start = r.stdout.indexOf('{');
  if (start < 0) {
    process.stderr.write(`${r.stdout}${r.stderr}`);
    process.exit(1);
  }
  const { problems } = JSON.parse(r.stdout.slice(start));
  for (const p of problems) process.stderr.write(`${p.severity} ${p.ruleId}: ${p.message} (${p.location?.[0]?.pointer ?? ''})\n`);
  if (problems.length > 0 || r.status !== 0) {
    process.stderr.write(`The OpenAPI linter found ${problems.length} problem(s) in ${DOC}.\n`);
    process.exit(1);
  }
}

const mode = process.argv[2];
if (mode === 'generate') {
  generate(root);
  process.stdout.write(`wrote ${DOC} and ${TYPES}\n`);
} else if (mode === 'check') {
  const scratch = mkdtempSync(path.join(tmpdir(), 'dermis-api-'));
  const fresh = generate(scratch);
  const stale = [
    [DOC, fresh.doc],
    [TYPES, fresh.types],
  ].filter(([committed, made]) => {
    try {
      return readFileSync(path.join(root, committed), 'utf8') !== readFileSync(made, 'utf8');
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    process.stderr.write(`The API contract changed but ${stale.map(([f]) => f).join(' and ')} were not regenerated: run \`npm run api:generate\` and commit the result.\n`);
    process.exit(1);
  }
  lint();
  process.stdout.write('API contract: the document and the client are current, and the linter has no findings.\n');
} else {
  process.stderr.write('usage: node scripts/api-client.mjs generate|check\n');
  process.exit(2);
}
