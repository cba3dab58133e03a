// A row checked against the clinic before anything is written: its values read (row-values.ts), the
// service, provider and package it names found, and an appointment's start placed in the location's
// time zone. The dry run and the run both start here, so they agree on what is wrong.
import { createHash } from 'node:crypto';
import type { CsvImportKind } from '../../db/schema-import.js';
import { instantOf } from '../../domain/scheduling/local-time.js';
import type { Mapping } from './fields.js';
import type { Lookups } from './import-lookups.js';
import { naturalKey } from './import-lookups.js';
import { readRow, type RowValues, type VisitStatus } from './row-values.js';

export interface PreparedRow {
  rowNumber: number;
  values: RowValues;
  clientKey: string;
  /** appointments */
  serviceId: string | null;
  serviceName: string | null;
  durationMin: number;
  providerId: string | null;
  providerName: string | null;
  start: Date | null;
  /** a future appointment still to happen: booked through the normal rules */
  bookNow: boolean;
  /** what the booking is recorded as when it is history */
  historyStatus: Exclude<VisitStatus, 'booked'>;
  /** packages */
  packageId: string | null;
  packageName: string | null;
}

export type Prepared = { ok: true; row: PreparedRow } | { ok: false; errors: string[] };

const quote = (s: string) => `'${s.length > 60 ? `${s.slice(0, 57)}...` : s}'`;

export interface ImportShape {
  kind: CsvImportKind;
  headers: string[];
  mapping: Mapping;
}

export function prepareRow(imp: ImportShape, lookups: Lookups, cells: string[], rowNumber: number, now: Date): Prepared {
  const { values, errors } = readRow(imp.kind, imp.headers, imp.mapping, cells, rowNumber, now);
  const col = (f: keyof Mapping) => imp.mapping[f] ?? f;
  const out: PreparedRow = {
    rowNumber, values, clientKey: '', serviceId: null, serviceName: null, durationMin: 0, providerId: null, providerName: null, start: null, bookNow: false, historyStatus: 'completed', packageId: null, packageName: null,
  };
  if (!errors.length) {
    const key = naturalKey(values);
    if (!key) errors.push(`Row ${rowNumber}: ${values.firstName} ${values.lastName} has no email, date of birth or phone number; add one so the client can be recognised on a second run.`);
    else out.clientKey = key.key;
  }
  if (imp.kind === 'appointments' && values.service) {
    const s = lookups.service(values.service);
    if (!s) errors.push(`Row ${rowNumber}: ${col('service')} ${quote(values.service)} is not a service in Dermis; add it in Settings > Prices, or change the name in the file to one Dermis has.`);
    else Object.assign(out, { serviceId: s.id, serviceName: s.name, durationMin: s.numbing_min + s.treatment_min });
  }
  if (imp.kind === 'appointments' && values.provider) {
    const p = lookups.provider(values.provider);
    if (!p) errors.push(`Row ${rowNumber}: ${col('provider')} ${quote(values.provider)} is not a provider in Dermis; invite them in Settings > Staff (former staff may be invited and then deactivated), or correct the name.`);
    else Object.assign(out, { providerId: p.user_id, providerName: p.name });
  }
  if (imp.kind === 'appointments' && values.date && values.time && values.status) {
    out.start = new Date(instantOf(values.date, values.time, lookups.timeZone));
    const future = out.start.getTime() > now.getTime();
    out.bookNow = future && (values.status === 'booked' || values.status === 'completed');
    // a past visit still marked booked was not closed in the old system: it is kept as completed
    out.historyStatus = values.status === 'booked' ? 'completed' : values.status;
    if (!out.bookNow && !values.provider) errors.push(`Row ${rowNumber}: ${col('provider')} is empty; a past or cancelled appointment needs the provider who had it.`);
  }
  if (imp.kind === 'packages' && values.packageName) {
    const p = lookups.package(values.packageName);
    if (!p) errors.push(`Row ${rowNumber}: ${col('packageName')} ${quote(values.packageName)} is not a package at this location; add it in Settings > Prices, or change the name in the file to one Dermis has.`);
    else Object.assign(out, { packageId: p.id, packageName: p.name });
  }
  return errors.length ? { ok: false, errors } : { ok: true, row: out };
}

/** What a package or note row is about, across imports: a second file with the same balance or note finds it. */
export function rowKeyOf(kind: CsvImportKind, row: PreparedRow, clientId: string): string | null {
  if (kind === 'packages') return `package:${clientId}:${row.packageId}`;
  if (kind === 'notes') return `note:${clientId}:${createHash('sha256').update(`${row.values.noteDate ?? ''}|${row.values.note ?? ''}`).digest('hex')}`;
  return null;
}
