// The JSON the owner report routes answer (GET /api/reports/{name}), named after the generated contract,
// so the console can draw any report without knowing its figures in advance.
import type { Schemas } from '../../../api/client.js';

export type ReportJson = Schemas['Report'];
export type ReportTableJson = ReportJson['tables'][number];
export type ReportColumnJson = ReportTableJson['columns'][number];
export type ReportCellJson = ReportJson['summary'][string];
