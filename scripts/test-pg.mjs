// Runs the integration suite on a real PostgreSQL server. With DATABASE_URL set it uses that server;
// otherwise it starts a throwaway one from Debian's binaries (initdb in a temporary folder, loopback
// only, trust auth) and stops it at the end, whatever happens.
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extraArgs = process.argv.slice(2);

function runSuite(url) {
  const r = spawnSync(path.join(root, 'node_modules/.bin/vitest'), ['run', '--project', 'integration', ...extraArgs], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url },
  });
  return r.status ?? 1;
}

if (process.env.DATABASE_URL) process.exit(runSuite(process.env.DATABASE_URL));

function pgBin() {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(path.join(base, v, 'bin/initdb'))) return path.join(base, v, 'bin');
  throw new Error('PostgreSQL server binaries not found (apt-get install postgresql); or set DATABASE_URL');
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const bin = pgBin();
const asRoot = process.getuid?.() === 0;
// PostgreSQL refuses to run as root: use the postgres system user then.
const wrap = (cmd, args) => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
const run = (cmd, args) => {
  const [c, a] = wrap(cmd, args);
  execFileSync(c, a, { stdio: ['ignore', 'ignore', 'inherit'] });
};

const dir = mkdtempSync(path.join(tmpdir(), 'dermis-pg-'));
chmodSync(dir, 0o777);
const data = path.join(dir, 'data');
const port = await freePort();
let started = false;
let code = 1;
try {
  run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  run(path.join(bin, 'pg_ctl'), [
    '-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60',
    '-o', `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    'start',
  ]);
  started = true;
  process.stdout.write(`PostgreSQL ${path.basename(path.dirname(bin))} running on 127.0.0.1:${port}\n`);
  code = runSuite(`postgres://postgres@127.0.0.1:${port}/postgres`);
} catch (err) {
  process.stderr.write(`test:pg: ${err.message}\n`);
} finally {
  if (started) {
    try {
      run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      // already stopped
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
