// The mapping screen's save: what the file holds, the system it came from, which column fills each
// Dermis field, and the location. Only before the run starts. A new kind or preset without a mapping
// takes the mapping that preset suggests. Audited (field names only).
import { z } from 'zod';
import { line } from '../../domain/shared/input.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { loadLocation } from '../organization/load-location.js';
import { FIELD_LABELS, IMPORT_KINDS, KIND_FIELDS, suggestMapping, type Mapping } from './fields.js';
import { loadImportRows, loadImportView } from './import-store.js';
import { IMPORT_FIELDS } from './presets.js';
import { PRESET_IDS } from './upload-import.js';

const header = line({ max: 200 });
export const mappingSchema = z.strictObject(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, header.optional()])) as Record<(typeof IMPORT_FIELDS)[number], z.ZodOptional<typeof header>>);

export const updateImportInput = z.strictObject({
  kind: z.enum(IMPORT_KINDS).optional(),
  preset: z.enum(PRESET_IDS).optional(),
  locationId: z.uuid().optional(),
  mapping: mappingSchema.optional(),
});
export type UpdateImportInput = z.infer<typeof updateImportInput>;

export async function updateImportMapping(ctx: Ctx, id: string, input: UpdateImportInput) {
  const org = ctx.principal.organizationId;
  await ctx.db.transaction().execute(async (trx) => {
    const imp = await loadImportRows(trx, org, id);
    if (imp.status !== 'uploaded') throw new AppError('conflict', 'This import has already run; upload the file again to import it with another mapping.');
    const kind = input.kind ?? imp.kind;
    const preset = input.preset ?? imp.preset;
    const headers = imp.headers;
    let mapping: Mapping = input.mapping ? (Object.fromEntries(Object.entries(input.mapping).filter(([, h]) => h))) : kind !== imp.kind || preset !== imp.preset ? suggestMapping(preset, kind, headers) : (imp.mapping);
    const fields = [];
    for (const [field, h] of Object.entries(mapping) as [keyof Mapping, string][]) {
      if (!KIND_FIELDS[kind].includes(field)) continue;
      if (!headers.includes(h)) fields.push({ path: `mapping.${field}`, message: `The file has no column "${h}" for ${FIELD_LABELS[field].toLowerCase()}` });
    }
    if (fields.length) throw new AppError('validation', fields.map((f) => `${f.message}.`).join(' '), fields);
    mapping = Object.fromEntries(Object.entries(mapping).filter(([f]) => KIND_FIELDS[kind].includes(f as keyof Mapping)));
    const locationId = input.locationId ?? imp.location_id;
    await loadLocation(trx, org, locationId, 'locationId');
    await trx.updateTable('csv_imports').set({ kind, preset, location_id: locationId, mapping: JSON.stringify(mapping) }).where('organization_id', '=', org).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'import.mapping', entityType: 'csv_import', entityId: id, details: { kind, preset, fields: Object.keys(mapping) } });
  });
  return loadImportView(ctx.db, org, id, ctx.now());
}
