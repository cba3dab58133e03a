// Which Dermis fields each kind of file fills, their labels in plain words, and the mapping a preset
// suggests for a file's headers (docs/import.md).
import type { CsvImportKind } from '../../db/schema-import.js';
import { IMPORT_PRESETS, presetById, type ImportField } from './presets.js';

export const IMPORT_KINDS = ['clients', 'appointments', 'packages', 'notes'] as const satisfies readonly CsvImportKind[];

export const FIELD_LABELS: Record<ImportField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name',
  email: 'Email',
  phone: 'Phone',
  dateOfBirth: 'Date of birth',
  date: 'Appointment date',
  time: 'Appointment time',
  service: 'Service',
  provider: 'Provider',
  status: 'Status',
  packageName: 'Package',
  remainingSessions: 'Remaining sessions',
  expiresOn: 'Package expiry date',
  note: 'Note',
  noteDate: 'Note date',
};

const CLIENT_FIELDS: ImportField[] = ['firstName', 'lastName', 'fullName', 'email', 'phone', 'dateOfBirth'];

export const KIND_FIELDS: Record<CsvImportKind, ImportField[]> = {
  clients: CLIENT_FIELDS,
  appointments: [...CLIENT_FIELDS, 'date', 'time', 'service', 'provider', 'status'],
  packages: [...CLIENT_FIELDS, 'packageName', 'remainingSessions', 'expiresOn'],
  notes: [...CLIENT_FIELDS, 'note', 'noteDate'],
};

/** Fields a kind cannot do without (the name is first and last name, or the full name). */
export const KIND_REQUIRED: Record<CsvImportKind, ImportField[]> = {
  clients: [],
  appointments: ['date', 'service'],
  packages: ['packageName', 'remainingSessions'],
  notes: ['note'],
};

export type Mapping = Partial<Record<ImportField, string>>;

const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The mapping a preset suggests: for each field of the kind, the first of its headers the file has. */
export function suggestMapping(presetId: string, kind: CsvImportKind, headers: string[]): Mapping {
  const preset = presetById(presetId);
  const byNorm = new Map(headers.map((h) => [norm(h), h]));
  const out: Mapping = {};
  const used = new Set<string>();
  for (const field of KIND_FIELDS[kind]) {
    // a custom file is matched on the Dermis labels and every preset's names
    const names = preset ? preset.headers[field] ?? [] : [FIELD_LABELS[field], ...IMPORT_PRESETS.flatMap((p) => p.headers[field] ?? [])];
    const hit = names.map((n) => byNorm.get(norm(n))).find((h) => h !== undefined && !used.has(h));
    if (hit) {
      out[field] = hit;
      used.add(hit);
    }
  }
  // a full name is only needed when first and last name are not both there
  if (out.firstName && out.lastName) delete out.fullName;
  return out;
}

/** The preset whose names match most of the file's headers, or 'custom' when none matches well. */
export function detectPreset(kind: CsvImportKind, headers: string[]): string {
  let best = { id: 'custom', score: 0 };
  for (const p of IMPORT_PRESETS) {
    const score = Object.keys(suggestMapping(p.id, kind, headers)).length;
    if (score > best.score) best = { id: p.id, score };
  }
  return best.score >= 2 ? best.id : 'custom';
}

/** What the file probably holds, from its headers. */
export function guessKind(headers: string[]): CsvImportKind {
  const has = (f: ImportField) => Object.keys(suggestMapping('custom', 'appointments', headers)).includes(f) || Object.keys(suggestMapping('custom', 'packages', headers)).includes(f) || Object.keys(suggestMapping('custom', 'notes', headers)).includes(f);
  if (has('packageName')) return 'packages';
  if (has('service') && has('date')) return 'appointments';
  if (has('note')) return 'notes';
  return 'clients';
}

/** Plain problems with a mapping, each naming the field; empty when it can be used. */
export function mappingProblems(kind: CsvImportKind, headers: string[], mapping: Mapping): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const [field, header] of Object.entries(mapping) as [ImportField, string][]) {
    if (!KIND_FIELDS[kind].includes(field)) out.push({ path: `mapping.${field}`, message: `${FIELD_LABELS[field]} is not part of a ${kind} file; leave it out` });
    else if (!headers.includes(header)) out.push({ path: `mapping.${field}`, message: `${FIELD_LABELS[field]}: the file has no column "${header}"` });
  }
  if (!(mapping.firstName && mapping.lastName) && !mapping.fullName) out.push({ path: 'mapping.firstName', message: 'Choose the columns with the first and last name, or one column with the full name' });
  for (const f of KIND_REQUIRED[kind]) if (!mapping[f]) out.push({ path: `mapping.${f}`, message: `Choose the column with the ${FIELD_LABELS[f].toLowerCase()}` });
  return out;
}
