// A throwaway PostgreSQL server from Debian's binaries: initdb in a temporary folder, loopback only,
// trust auth, durability off (tests and benchmarks only). Used by test:pg and the benchmarks.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';

export function pgBin() {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions)
    if (existsSync(path.join(base, v, 'bin/initdb'))) return path.join(base, v, 'bin');
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

/** Starts a server; returns its URL and a stop function that also removes its files. */
export async function startThrowawayPg() {
  const bin = pgBin();
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: use the postgres system user then.
  const run = (cmd, args) => {
    const [c, a] = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    execFileSync(c, a, { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'dermis-pg-'));
  chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  const port = await freePort();
  let started = false;
  const stop = () => {
    if (started) {
      try {
        run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } catch {
        // already stopped
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run(path.join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--no-sync',
    ]);
    run(path.join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      path.join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${process.env.PG_EXTRA_OPTS ?? ""}`,
      'start',
    ]);
    started = true;
  } catch (err) {
    stop();
    throw err;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    version: path.basename(path.dirname(bin)),
    stop,
  };
}
