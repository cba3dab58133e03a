// Runs the integration suite on a real PostgreSQL server. With DATABASE_URL set it uses that server;
// otherwise it starts a throwaway one from Debian's binaries and stops it at the end, whatever happens.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startThrowawayPg } from './pg-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Files npm test runs that would only repeat themselves here, to keep .ci/run under 30 minutes on two
// cores: the CLI files use the embedded database whatever DATABASE_URL says (backup, restore, migrate,
// export of a stopped server); the role matrix and the hostile-input sweep check the HTTP contract
// of every route (who may call it, that bad input is a named 4xx), which the same SQL on the same
// engine answers alike in PGlite. Naming files runs exactly those (npm run test:pg -- FILE).
const NOT_REPEATED = ['tests/cli/backup-restore.test.ts', 'tests/cli/cli.test.ts', 'tests/http/role-matrix.test.ts', 'tests/http/hostile-routes.test.ts'];
const extraArgs = process.argv.length > 2 ? process.argv.slice(2) : NOT_REPEATED.flatMap((f) => ['--exclude', f]);

function runSuite(url) {
  const r = spawnSync(
    path.join(root, 'node_modules/.bin/vitest'),
    ['run', '--project', 'integration', ...extraArgs],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: url },
    },
  );
  return r.status ?? 1;
}

// tests/http/several-processes.test.ts starts the built server (dist/): bring it up to date first
const built = spawnSync(process.execPath, [path.join(root, 'scripts/build-if-stale.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

if (process.env.DATABASE_URL) process.exit(runSuite(process.env.DATABASE_URL));

let code = 1;
let pg;
try {
  pg = await startThrowawayPg();
  process.stdout.write(`PostgreSQL ${pg.version} running at ${pg.url}\n`);
  code = runSuite(pg.url);
} catch (err) {
  process.stderr.write(`test:pg: ${err.message}\n`);
} finally {
  pg?.stop();
}
process.exit(code);
