// A failed backup is explained to the owner in words they can act on, not as a stack trace.
const BY_CODE: Record<string, string> = {
  ENOSPC: 'the disk is full: free some space or keep fewer backups (DERMIS_BACKUP_KEEP)',
  EDQUOT: 'the disk quota is used up: free some space or keep fewer backups (DERMIS_BACKUP_KEEP)',
  EACCES: 'Dermis may not write to the backup folder: check its permissions',
  EPERM: 'Dermis may not write to the backup folder: check its permissions',
  EROFS: 'the backup folder is on a read-only disk',
  ENOTDIR: 'the backup folder path names a file, not a folder',
};

export function plainBackupError(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && BY_CODE[code]) return BY_CODE[code];
  const message = err instanceof Error ? err.message : String(err);
  return `the backup could not be written (${message.slice(0, 200)})`;
}
