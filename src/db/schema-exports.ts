// The owner's exports from the console (migration 20261201-0310). A tenant table: each clinic sees its own.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type DataExportStatus = 'running' | 'ready' | 'failed' | 'expired';

export interface DataExportsTable {
  organization_id: string;
  id: Generated<string>;
  /** the owner who pressed Start; null once their account is gone */
  requested_by: string | null;
  status: DataExportStatus;
  progress_done: Generated<number>;
  progress_total: Generated<number>;
  /** what the export is writing now, in plain words */
  progress_step: Generated<string>;
  /** last sign of life of a running export */
  progress_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** size of the packed archive */
  bytes: number | null;
  sha256: string | null;
  /** in plain words, for the owner */
  error: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  finished_at: Timestamp | null;
  /** the archive is deleted then */
  expires_at: Timestamp;
}

export interface ExportTables {
  data_exports: DataExportsTable;
}
