// The import's row and how the API shows it: its status (an import whose run stopped moving was cut
// off and may be resumed), the progress of its run and the count of each outcome.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { notFound } from '../errors.js';
import type { Mapping } from './fields.js';
import { presetById } from './presets.js';

/** A running import that has not moved for this long was cut off (a server stopped): it may be resumed. */
export const STALE_AFTER_MS = 60_000;

export function selectImports(db: Db, organizationId: string) {
  return db
    .selectFrom('csv_imports as i')
    .leftJoin('users as u', 'u.id', 'i.created_by')
    .select([
      'i.id', 'i.kind', 'i.preset', 'i.file_name', 'i.location_id', 'i.headers', 'i.mapping', 'i.total_rows', 'i.status', 'i.created_at', 'i.started_at', 'i.progress_at', 'i.finished_at', 'u.name as created_by_name',
      (eb) => eb.selectFrom('csv_import_rows as r').select(sql<number>`count(*)::int`.as('n')).whereRef('r.organization_id', '=', 'i.organization_id').whereRef('r.import_id', '=', 'i.id').as('done'),
      (eb) => eb.selectFrom('csv_import_rows as r').select(sql<number>`count(*)::int`.as('n')).whereRef('r.organization_id', '=', 'i.organization_id').whereRef('r.import_id', '=', 'i.id').where('r.outcome', '=', 'created').as('created'),
      (eb) => eb.selectFrom('csv_import_rows as r').select(sql<number>`count(*)::int`.as('n')).whereRef('r.organization_id', '=', 'i.organization_id').whereRef('r.import_id', '=', 'i.id').where('r.outcome', '=', 'existing').as('existing'),
      (eb) => eb.selectFrom('csv_import_rows as r').select(sql<number>`count(*)::int`.as('n')).whereRef('r.organization_id', '=', 'i.organization_id').whereRef('r.import_id', '=', 'i.id').where('r.outcome', '=', 'error').as('errors'),
      (eb) => eb.selectFrom('csv_import_rows as r').select(sql<number>`count(*)::int`.as('n')).whereRef('r.organization_id', '=', 'i.organization_id').whereRef('r.import_id', '=', 'i.id').where('r.outcome', '=', 'conflict').as('conflicts'),
    ])
    .where('i.organization_id', '=', organizationId);
}
type ImportRecord = Awaited<ReturnType<ReturnType<typeof selectImports>['executeTakeFirstOrThrow']>>;

export type ImportStatusView = 'uploaded' | 'running' | 'interrupted' | 'finished';

export const isStale = (r: { status: string; progress_at: Date | null }, now: Date) => r.status === 'running' && (!r.progress_at || now.getTime() - r.progress_at.getTime() > STALE_AFTER_MS);

export function importView(r: ImportRecord, now: Date) {
  const status: ImportStatusView = isStale(r, now) ? 'interrupted' : r.status;
  return {
    id: r.id,
    kind: r.kind,
    preset: r.preset,
    presetName: presetById(r.preset)?.name ?? 'Other file (mapped)',
    fileName: r.file_name,
    locationId: r.location_id,
    status,
    headers: r.headers,
    mapping: r.mapping as Mapping,
    totalRows: r.total_rows,
    progress: { done: r.done ?? 0, total: r.total_rows },
    counts: { created: r.created ?? 0, existing: r.existing ?? 0, errors: r.errors ?? 0, conflicts: r.conflicts ?? 0 },
    createdBy: r.created_by_name ?? null,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}
export type ImportView = ReturnType<typeof importView>;

export async function loadImportView(db: Db, organizationId: string, id: string, now: Date): Promise<ImportView> {
  const r = await selectImports(db, organizationId).where('i.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('import');
  return importView(r, now);
}

/** The import with its rows, for a dry run or a run. */
export async function loadImportRows(db: Db, organizationId: string, id: string) {
  const r = await db.selectFrom('csv_imports').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('import');
  return r;
}
