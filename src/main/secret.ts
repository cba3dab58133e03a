import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const secretFile = (dataDir: string) => path.join(dataDir, 'secret');

/** The session secret: DERMIS_SECRET, or one generated once into the data folder (mode 0600). */
export async function loadOrCreateSecret(dataDir: string, fromEnv?: string): Promise<string> {
  if (fromEnv) return fromEnv;
  const file = secretFile(dataDir);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('hex');
    await writeFile(file, secret + '\n', { mode: 0o600, flag: 'wx' }).catch(() => undefined);
    return (await readFile(file, 'utf8')).trim();
  }
}

/** The secret in use, for a backup; never creates one (a folder without a secret has nothing to keep). */
export async function readSecretInUse(dataDir: string, fromEnv?: string): Promise<{ value: string; source: 'file' | 'environment' } | null> {
  if (fromEnv) return { value: fromEnv, source: 'environment' };
  try {
    return { value: (await readFile(secretFile(dataDir), 'utf8')).trim(), source: 'file' };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
