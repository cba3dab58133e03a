// The JSON the owner report routes answer (GET /api/reports/{name}); mirrors src/services/reports/report.ts
// so the console can draw any report without knowing its figures in advance.
export type ReportCellJson = string | number | null;

export interface ReportColumnJson {
  key: string;
  label: string;
  /** how the console formats it */
  kind?: 'text' | 'cents' | 'percent' | 'number' | 'date';
}

export interface ReportTableJson {
  name: string;
  title: string;
  columns: ReportColumnJson[];
  rows: Record<string, ReportCellJson>[];
}

export interface ReportJson {
  name: string;
  title: string;
  from: string;
  to: string;
  locationId: string | null;
  /** headline figures, e.g. { netRevenueCents: 123400 } */
  summary: Record<string, ReportCellJson>;
  tables: ReportTableJson[];
}
