// How report figures read on screen: cents as money, fractions as percents, the rest as numbers.
// Headline figures carry no column kind, so their names say it (…Cents is money, …Rate a fraction).
import { formatMoney } from '../../../../domain/pricing/money.js';
import type { ReportCellJson, ReportColumnJson, ReportJson } from './report-types.js';

export const CURRENCY = 'USD';

export const money = (cents: number) => formatMoney({ cents: Math.round(cents), currency: CURRENCY });
export const percent = (fraction: number) => `${Number((fraction * 100).toFixed(1))}%`;

export function formatCell(value: ReportCellJson, kind: ReportColumnJson['kind'] = 'text'): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  if (kind === 'cents') return money(value);
  if (kind === 'percent') return percent(value);
  // identifiers such as invoice numbers read as written: "1001", not "1,001"
  if (kind === 'text') return String(value);
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** The kind of a headline figure, from its name. */
export function summaryKind(key: string): ReportColumnJson['kind'] {
  if (/Cents$/.test(key)) return 'cents';
  if (/(Rate|Share|Ratio|Percent|Utilisation|Utilization)$/i.test(key)) return 'percent';
  return 'number';
}

const LABELS: Record<string, string> = {
  netRevenueCents: 'Net revenue',
  noShow: 'No-shows',
  noShowRate: 'No-show rate',
  lateCancelled: 'Late cancellations',
  lateCancelRate: 'Late-cancel rate',
  checkedIn: 'Checked in',
  count: 'Reviews',
  averageRating: 'Average rating',
  rate: 'Rebooking rate',
};

/** "netRevenueCents" -> "Net revenue"; known names read better from the table above. */
export function summaryLabel(key: string): string {
  if (LABELS[key]) return LABELS[key];
  const words = key
    .replace(/Cents$/, '')
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Nothing to show: every headline number is zero (or absent), or no table has a row. */
export function isEmptyReport(r: ReportJson): boolean {
  const numbers = Object.values(r.summary).filter((v) => typeof v === 'number' || v === null);
  if (numbers.length > 0 && numbers.every((v) => v === 0 || v === null)) return true;
  return r.tables.every((t) => t.rows.length === 0);
}
