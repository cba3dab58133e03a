import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

// The embedded database is single-process: a lock file stops a second server, or a CLI backup,
// from opening the same data folder while a server runs.
const lockFile = (dataDir: string) => path.join(dataDir, 'server.pid');

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function runningServerPid(dataDir: string): Promise<number | null> {
  const pid = Number((await readFile(lockFile(dataDir), 'utf8').catch(() => '')).trim());
  return pid && pid !== process.pid && alive(pid) ? pid : null;
}

export async function takeServerLock(dataDir: string) {
  await mkdir(dataDir, { recursive: true });
  const other = await runningServerPid(dataDir);
  if (other) throw new Error(`another Dermis server (pid ${other}) is using ${dataDir}`);
  await writeFile(lockFile(dataDir), String(process.pid));
}

export async function releaseServerLock(dataDir: string) {
  await rm(lockFile(dataDir), { force: true });
}
