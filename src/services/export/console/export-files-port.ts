// How the console export reaches the files: where each clinic's archives live on the server is the
// composition root's business (src/main/export/server-exports.ts); the use cases only name an export.
import type { ExportProgress } from '../write-export.js';

export interface ExportTarget {
  organizationId: string;
  id: string;
  /** the folder name inside the archive, which is also the download's name without .tar.gz */
  folder: string;
}

export interface ExportArchive {
  body: ReadableStream<Uint8Array>;
  bytes: number;
}

export interface ExportFiles {
  /** writes the clinic's full export and packs it into one archive; resolves with its size and SHA-256 */
  write(target: ExportTarget, progress: ExportProgress): Promise<{ bytes: number; sha256: string }>;
  /** the archive to send, or null when its file is gone */
  open(organizationId: string, id: string): Promise<ExportArchive | null>;
  /** deletes an export's files (expiry, a failure); a missing file is not an error */
  remove(organizationId: string, id: string): Promise<void>;
}
