// What the owner sees of one export from the console.
import type { Db } from '../../../db/connect.js';
import type { DataExportStatus } from '../../../db/schema-exports.js';

/** An archive is kept this long, then deleted: it holds every record of the clinic. */
export const EXPORT_KEEP_DAYS = 7;

export interface DataExportView {
  id: string;
  status: DataExportStatus;
  /** the owner who started it */
  requestedBy: string | null;
  progress: { done: number; total: number; step: string };
  bytes: number | null;
  sha256: string | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string;
  /** the download's file name */
  fileName: string;
}

/** dermis-export-glow-2026-12-01: the folder in the archive and the download's name */
export const exportFolderName = (slug: string, at: Date) => `dermis-export-${slug}-${at.toISOString().slice(0, 10)}`;

export function selectExports(db: Db, organizationId: string) {
  return db
    .selectFrom('data_exports as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .leftJoin('users as u', 'u.id', 'e.requested_by')
    .select([
      'e.id', 'e.status', 'u.name as requested_by_name', 'e.progress_done', 'e.progress_total', 'e.progress_step', 'e.bytes', 'e.sha256', 'e.error',
      'e.created_at', 'e.finished_at', 'e.expires_at', 'o.slug',
    ])
    .where('e.organization_id', '=', organizationId);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectExports>['executeTakeFirstOrThrow']>>;

export const toView = (r: Row): DataExportView => ({
  id: r.id,
  status: r.status,
  requestedBy: r.requested_by_name,
  progress: { done: r.progress_done, total: r.progress_total, step: r.progress_step },
  bytes: r.bytes === null ? null : Number(r.bytes),
  sha256: r.sha256,
  error: r.error,
  createdAt: r.created_at.toISOString(),
  finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
  expiresAt: r.expires_at.toISOString(),
  fileName: `${exportFolderName(r.slug, r.created_at)}.tar.gz`,
});
