// Imports of CSV exports from other systems (migration 20261204-0450, docs/import.md). Tenant tables.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type CsvImportKind = 'clients' | 'appointments' | 'packages' | 'notes';
export type CsvImportStatus = 'uploaded' | 'running' | 'finished';
export type CsvRowOutcome = 'created' | 'existing' | 'error' | 'conflict';

export interface CsvImportsTable {
  organization_id: string;
  id: Generated<string>;
  kind: CsvImportKind;
  /** a preset id (boulevard, vagaro, ...) or 'custom' */
  preset: string;
  file_name: string;
  /** where appointments are booked and packages held */
  location_id: string;
  headers: ColumnType<string[], string, string>;
  /** Dermis field -> the file's column header */
  mapping: ColumnType<Record<string, string>, string, string>;
  /** the rows (cells) until the run finishes */
  rows: ColumnType<string[][] | null, string | null, string | null>;
  total_rows: number;
  status: CsvImportStatus;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  started_at: Timestamp | null;
  progress_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface CsvImportRowsTable {
  organization_id: string;
  import_id: string;
  row_number: number;
  outcome: CsvRowOutcome;
  row_key: string | null;
  client_id: string | null;
  entity_id: string | null;
  message: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ImportTables {
  csv_imports: CsvImportsTable;
  csv_import_rows: CsvImportRowsTable;
}
