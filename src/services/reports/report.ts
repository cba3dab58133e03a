// The shape every owner report shares: a title, headline figures, and tables that the console draws
// as charts and tables and that export as CSV, so one report reads the same on screen and in a sheet.
import { z } from 'zod';
import { isoDate, line } from '../../domain/shared/input.js';
import { Temporal } from 'temporal-polyfill';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';

export const REPORT_NAMES = ['revenue', 'utilisation', 'attendance', 'package-liability', 'rebooking', 'outcomes', 'reviews', 'gift-cards', 'recall', 'memberships'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const reportQuery = z.object({
  from: isoDate(),
  to: isoDate(),
  /** one location, or every location of the organization */
  locationId: z.uuid().optional(),
  format: z.enum(['json', 'csv']).default('json'),
  /** which table to export as CSV (default: the first) */
  table: line({ min: 0, max: 60 }).optional(),
});
export type ReportQuery = z.infer<typeof reportQuery>;

export interface ReportColumn {
  key: string;
  label: string;
  /** how the console formats it */
  kind?: 'text' | 'cents' | 'percent' | 'number' | 'date';
}
export type Cell = string | number | null;
export interface ReportTable {
  name: string;
  title: string;
  columns: ReportColumn[];
  rows: Record<string, Cell>[];
}
export interface Report {
  name: ReportName;
  title: string;
  from: string;
  to: string;
  locationId: string | null;
  /** headline figures, e.g. { netRevenueCents: 123400 } */
  summary: Record<string, Cell>;
  tables: ReportTable[];
}

/**
 * The reporting window as instants: from the start of `from` to the end of `to`, in the time zone
 * of the location (or of the organization's first location). At most 366 days.
 */
export async function reportWindow(ctx: Ctx, q: Pick<ReportQuery, 'from' | 'to' | 'locationId'>) {
  let from: Temporal.PlainDate;
  let to: Temporal.PlainDate;
  try {
    from = Temporal.PlainDate.from(q.from);
  } catch {
    throw invalid('from', 'not a real date');
  }
  try {
    to = Temporal.PlainDate.from(q.to);
  } catch {
    throw invalid('to', 'not a real date');
  }
  if (Temporal.PlainDate.compare(from, to) > 0) throw invalid('to', 'must be on or after from');
  if (from.until(to).total({ unit: 'days' }) > 366) throw invalid('to', 'a report covers at most 366 days');
  let loc = ctx.db.selectFrom('locations').select(['id', 'time_zone']).where('organization_id', '=', ctx.principal.organizationId);
  if (q.locationId) loc = loc.where('id', '=', q.locationId);
  const location = await loc.orderBy('created_at').executeTakeFirst();
  if (!location) throw invalid('locationId', 'no such location');
  const timeZone = location.time_zone;
  const start = new Date(from.toZonedDateTime({ timeZone }).epochMilliseconds);
  const end = new Date(to.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds);
  return { start, end, timeZone, from: from.toString(), to: to.toString() };
}

const csvCell = (v: Cell) => {
  if (v === null) return '';
  const s = String(v);
  // a leading = + - @ would be read as a formula by spreadsheets
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** A table as CSV: labelled header, cents as decimal amounts so a sheet adds them up. */
export function tableToCsv(t: ReportTable): string {
  const head = t.columns.map((c) => csvCell(c.label)).join(',');
  const body = t.rows.map((r) =>
    t.columns
      .map((c) => {
        const v = r[c.key] ?? null;
        if (c.kind === 'cents' && typeof v === 'number') return (v / 100).toFixed(2);
        return csvCell(v);
      })
      .join(','),
  );
  return [head, ...body].join('\r\n') + '\r\n';
}
