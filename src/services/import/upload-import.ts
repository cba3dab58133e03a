// Upload of a CSV export (docs/import.md): the file is read, the preset is taken from its column
// names (or the one chosen), the mapping the preset suggests is kept, and the first rows come back for
// the mapping screen's preview. Nothing is imported yet. Audited.
import { z } from 'zod';
import { findFirstLocation } from '../../db/repositories/organizations.repository.js';
import { line, text } from '../../domain/shared/input.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { loadLocation } from '../organization/load-location.js';
import { detectPreset, guessKind, IMPORT_KINDS, suggestMapping } from './fields.js';
import { loadImportView } from './import-store.js';
import { parseCsv } from './parse-csv.js';
import { IMPORT_PRESETS } from './presets.js';

export const PRESET_IDS = ['custom', ...IMPORT_PRESETS.map((p) => p.id)] as [string, ...string[]];

export const uploadImportInput = z.strictObject({
  fileName: line({ max: 200 }),
  /** the file's text */
  csv: text({ max: 4_500_000 }),
  /** what the file holds; guessed from its column names when left out */
  kind: z.enum(IMPORT_KINDS).optional(),
  /** the system it came from; recognised from its column names when left out */
  preset: z.enum(PRESET_IDS).optional(),
  /** where appointments are booked and packages held; the first location when left out */
  locationId: z.uuid().optional(),
});
export type UploadImportInput = z.infer<typeof uploadImportInput>;

export const PREVIEW_ROWS = 5;

export async function uploadImport(ctx: Ctx, input: UploadImportInput) {
  const org = ctx.principal.organizationId;
  const { headers, rows } = parseCsv(input.csv);
  const kind = input.kind ?? guessKind(headers);
  const preset = input.preset ?? detectPreset(kind, headers);
  const mapping = suggestMapping(preset, kind, headers);
  const locationId = input.locationId ?? (await findFirstLocation(ctx.db, org))?.id;
  if (!locationId) throw invalid('locationId', 'Add a location first (Clinic set-up)');
  await loadLocation(ctx.db, org, locationId, 'locationId');
  const width = headers.length;
  const cells = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('csv_imports')
      .values({
        organization_id: org, kind, preset, file_name: input.fileName, location_id: locationId, headers: JSON.stringify(headers), mapping: JSON.stringify(mapping),
        rows: JSON.stringify(cells), total_rows: cells.length, status: 'uploaded', created_by: ctx.principal.userId, created_at: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'import.upload', entityType: 'csv_import', entityId: row.id, details: { kind, preset, rows: cells.length, columns: width } });
    return row.id;
  });
  return { import: await loadImportView(ctx.db, org, id, ctx.now()), preview: cells.slice(0, PREVIEW_ROWS) };
}
