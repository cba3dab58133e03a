// Start-up and memory of the built server on the embedded database, as `npm start` runs it: the first
// start on an empty data folder (creating and seeding the demo clinic), a start on that existing
// folder, each timed from launch to the first good answer of /healthz (the port is taken and the
// process alive) and of /readyz (the database is open, migrated and seeded: the app answers), and the
// resident memory after the server has sat idle for a few seconds (from /proc, as `ps` would show it).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface StartFigures {
  'start.first_ms': number;
  'start.existing_ms': number;
  'start.first_ready_ms': number;
  'start.existing_ready_ms': number;
  'memory.idle_rss_mb': number;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

async function startTimed(dataDir: string): Promise<{ ms: number; readyMs: number; child: ChildProcess; port: number }> {
  const port = await freePort();
  const t = performance.now();
  // the embedded database, whatever this shell points at
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, [path.resolve('dist/main/server.js')], {
    env: { ...env, DERMIS_DATA_DIR: dataDir, PORT: String(port), DERMIS_SECRET: 'bench-secret-0123456789abcdef0123456789', DERMIS_LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  const until = async (route: string) => {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server stopped with code ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}${route}`).then((r) => r.ok, () => false);
      if (ok) return Math.round(performance.now() - t);
      if (performance.now() - t > 120_000) throw new Error(`the server did not answer ${route} within 2 minutes`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const ms = await until('/healthz');
  return { ms, readyMs: await until('/readyz'), child, port };
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

const rssMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Math.round(Number(/(\d+)/.exec(line)![1]) / 1024);
};

export async function startBenches(): Promise<StartFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dermis-start-'));
  try {
    const first = await startTimed(dir);
    await stop(first.child);
    const again = await startTimed(dir);
    // idle: the demo's first requests are over and the worker's timers have run a few rounds
    await new Promise((r) => setTimeout(r, 8_000));
    const rss = rssMb(again.child.pid!);
    await stop(again.child);
    return { 'start.first_ms': first.ms, 'start.existing_ms': again.ms, 'start.first_ready_ms': first.readyMs, 'start.existing_ready_ms': again.readyMs, 'memory.idle_rss_mb': rss };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
