// Arguments shared by `dermis backup` and `dermis restore`: the archive and where the passphrase
// comes from (--passphrase-file, else DERMIS_BACKUP_PASSPHRASE). A passphrase on the command line
// itself would land in shell history and the process list, so there is no option for that.
import { readFile } from 'node:fs/promises';
import { MIN_PASSPHRASE } from '../backup/secret-box.js';

export class BackupUsageError extends Error {}

export interface BackupArgs {
  file: string;
  passphraseFile: string | null;
  flags: Set<string>;
}

export function parseBackupArgs(cmd: string, args: string[], allowedFlags: string[]): BackupArgs {
  let file: string | null = null;
  let passphraseFile: string | null = null;
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--passphrase-file') {
      passphraseFile = args[++i] ?? null;
      if (!passphraseFile) throw new BackupUsageError('--passphrase-file needs a FILE');
    } else if (allowedFlags.includes(a)) flags.add(a);
    else if (a.startsWith('--')) throw new BackupUsageError(`${cmd} does not take ${a}`);
    else if (file === null) file = a;
    else throw new BackupUsageError(`${cmd} takes one FILE`);
  }
  if (!file) throw new BackupUsageError(`${cmd} needs a FILE`);
  return { file, passphraseFile, flags };
}

/** The passphrase from the file (its last line break dropped) or the environment; null when neither. */
export async function resolvePassphrase(args: BackupArgs, fromEnv: string | undefined): Promise<string | null> {
  if (!args.passphraseFile) return fromEnv ?? null;
  let text: string;
  try {
    text = (await readFile(args.passphraseFile, 'utf8')).replace(/\r?\n$/, '');
  } catch (e) {
    throw new BackupUsageError(`cannot read the passphrase file ${args.passphraseFile} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (text.length < MIN_PASSPHRASE) throw new BackupUsageError(`the passphrase in ${args.passphraseFile} is shorter than ${MIN_PASSPHRASE} characters`);
  return text;
}
