// Import from the system a clinic uses today (issue 15, item 2; docs/import.md): upload a CSV export,
// choose its preset or map its columns, dry run, run with progress (resumable), read the conflict
// report and the history. The owner and the medical director: an import writes clients, visits,
// balances and clinical notes for the whole clinic (docs/security.md).
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { conflictResponse, errorResponses, json, jsonBody, UuidParam } from '../schemas/common.schema.js';
import { IMPORT_FIELDS, IMPORT_PRESETS } from '../../services/import/presets.js';
import { FIELD_LABELS, IMPORT_KINDS, KIND_FIELDS, KIND_REQUIRED } from '../../services/import/fields.js';
import { uploadImport, uploadImportInput } from '../../services/import/upload-import.js';
import { updateImportInput, updateImportMapping } from '../../services/import/update-import-mapping.js';
import { dryRunImport } from '../../services/import/dry-run-import.js';
import { startImport } from '../../services/import/start-import.js';
import { listImports } from '../../services/import/list-imports.js';
import { getImport } from '../../services/import/get-import.js';
import { listImportRows } from '../../services/import/list-import-rows.js';

const tags = ['Import'];
const WHO = ['owner', 'medical_director'] as const;

const MappingSchema = z.object(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.string().optional()])) as Record<(typeof IMPORT_FIELDS)[number], z.ZodOptional<z.ZodString>>).openapi('ImportMapping', {
  description: 'Dermis field -> the column of the file that fills it',
  example: { firstName: 'First Name', lastName: 'Last Name', email: 'Email', phone: 'Cell Phone', dateOfBirth: 'Birthday' },
});

const EXAMPLE = {
  id: '4a8c2e6f-1b3d-4f5a-9c7e-0d2f4b6a8c1e',
  kind: 'clients',
  preset: 'vagaro',
  presetName: 'Vagaro',
  fileName: 'vagaro-customers.csv',
  locationId: '2b4d6f8a-0c1e-4a3b-9d5f-7e9a1c3b5d7f',
  status: 'finished',
  headers: ['First Name', 'Last Name', 'Email', 'Cell Phone', 'Birthday'],
  mapping: { firstName: 'First Name', lastName: 'Last Name', email: 'Email', phone: 'Cell Phone', dateOfBirth: 'Birthday' },
  totalRows: 240,
  progress: { done: 240, total: 240 },
  counts: { created: 231, existing: 6, errors: 3, conflicts: 0 },
  createdBy: 'Lena Ortiz',
  createdAt: '2026-12-04T09:12:00.000Z',
  startedAt: '2026-12-04T09:14:10.000Z',
  finishedAt: '2026-12-04T09:14:31.000Z',
} as const;

const CsvImport = z
  .object({
    id: z.string(),
    kind: z.enum(IMPORT_KINDS).openapi({ description: 'what the file holds' }),
    preset: z.string().openapi({ description: 'the system it came from (a preset id) or custom' }),
    presetName: z.string(),
    fileName: z.string(),
    locationId: z.string().openapi({ description: 'where appointments are booked and packages held' }),
    status: z.enum(['uploaded', 'running', 'interrupted', 'finished']).openapi({ description: 'interrupted: the run stopped moving (a server stopped); run it again to resume' }),
    headers: z.array(z.string()).openapi({ description: "the file's column names" }),
    mapping: MappingSchema,
    totalRows: z.number().int(),
    progress: z.object({ done: z.number().int(), total: z.number().int() }).openapi({ description: 'rows done of the total' }),
    counts: z.object({ created: z.number().int(), existing: z.number().int(), errors: z.number().int(), conflicts: z.number().int() }),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi('CsvImport', { example: EXAMPLE });

const PREVIEW_EXAMPLE = [['Dana', 'Park', 'dana@example.com', '(512) 555-0100', '3/14/1988']];
const Preview = z.array(z.array(z.string())).openapi({ description: 'the first rows of the file, cells in column order (until the run starts; then empty)' });
const ImportWithPreview = z.object({ import: CsvImport, preview: Preview }).openapi('CsvImportWithPreview', { example: { import: { ...EXAMPLE, status: 'uploaded', progress: { done: 0, total: 240 }, counts: { created: 0, existing: 0, errors: 0, conflicts: 0 }, startedAt: null, finishedAt: null }, preview: PREVIEW_EXAMPLE } });
const ImportOnly = z.object({ import: CsvImport }).openapi('CsvImportAnswer', { example: { import: EXAMPLE } });
const ImportList = z.object({ running: z.boolean(), items: z.array(CsvImport) }).openapi('CsvImportList', { example: { running: false, items: [EXAMPLE] } });

const DryRun = z
  .object({
    import: CsvImport,
    counts: z.object({ new: z.number().int(), existing: z.number().int(), errors: z.number().int() }),
    rows: z.array(z.object({ row: z.number().int().openapi({ description: 'as a spreadsheet numbers it: the header is row 1' }), outcome: z.enum(['new', 'existing', 'error']), messages: z.array(z.string()) })),
  })
  .openapi('CsvImportDryRun', {
    example: {
      import: { ...EXAMPLE, status: 'uploaded', startedAt: null, finishedAt: null },
      counts: { new: 231, existing: 6, errors: 3 },
      rows: [{ row: 12, outcome: 'error', messages: ["Row 12: Email 'bob@' is not an email address; correct it or leave the cell empty."] }],
    },
  });

const Rows = z
  .object({
    total: z.number().int(),
    items: z.array(z.object({ row: z.number().int(), outcome: z.enum(['created', 'existing', 'error', 'conflict']), clientId: z.string().nullable(), entityId: z.string().nullable(), message: z.string().nullable() })),
  })
  .openapi('CsvImportRows', {
    example: { total: 1, items: [{ row: 7, outcome: 'conflict', clientId: '3f6c1a2b-7d8e-4f90-a1b2-c3d4e5f60718', entityId: null, message: 'Row 7: Consultation for Dana Park on 2027-01-05 at 10:00 with Dana Park, NP was not booked: the provider, a room or a device is not free then (outside working hours, or another booking). Book it from the schedule at another time.' }] },
  });

const Presets = z
  .object({
    presets: z.array(z.object({ id: z.string(), name: z.string(), headers: z.array(z.object({ field: z.enum(IMPORT_FIELDS), names: z.array(z.string()) })) })),
    fields: z.array(z.object({ field: z.enum(IMPORT_FIELDS), label: z.string(), kinds: z.array(z.enum(IMPORT_KINDS)), requiredFor: z.array(z.enum(IMPORT_KINDS)) })),
  })
  .openapi('CsvImportPresets', {
    example: {
      presets: [{ id: 'vagaro', name: 'Vagaro', headers: [{ field: 'firstName', names: ['First Name'] }] }],
      fields: [{ field: 'email', label: 'Email', kinds: ['clients', 'appointments', 'packages', 'notes'], requiredFor: [] }],
    },
  });

const params = z.object({ importId: UuidParam('importId') });

const presets = defineRoute(WHO, {
  operationId: 'listImportPresets', method: 'get', path: '/api/imports/presets', tags, summary: 'The presets (column names of Boulevard, Vagaro, Mangomint, Zenoti and Jane exports) and the Dermis fields a file can fill',
  responses: { 200: json(Presets, 'Presets and fields'), ...errorResponses },
});
const list = defineRoute(WHO, {
  operationId: 'listImports', method: 'get', path: '/api/imports', tags, summary: 'The history of imports, newest first, with the progress of one that runs',
  responses: { 200: json(ImportList, 'Imports'), ...errorResponses },
});
const upload = defineRoute(WHO, {
  operationId: 'uploadImport', method: 'post', path: '/api/imports', tags, summary: 'Upload a CSV export: its preset is recognised from the column names (or chosen) and the first rows come back for the preview; nothing is imported yet',
  request: { body: jsonBody(uploadImportInput.openapi('CsvImportUpload')) },
  responses: { 201: json(ImportWithPreview, 'Uploaded'), ...errorResponses },
});
const get = defineRoute(WHO, {
  operationId: 'getImport', method: 'get', path: '/api/imports/{importId}', tags, summary: 'One import, with the first rows of its file while they are kept',
  request: { params }, responses: { 200: json(ImportWithPreview, 'The import'), ...errorResponses },
});
const update = defineRoute(WHO, {
  operationId: 'updateImport', method: 'patch', path: '/api/imports/{importId}', tags, summary: 'Choose what the file holds, its preset, the location, or map its columns to Dermis fields (before the run)',
  request: { params, body: jsonBody(updateImportInput.openapi('CsvImportUpdate')) },
  responses: { 200: json(ImportOnly, 'Saved'), ...conflictResponse, ...errorResponses },
});
const dryRun = defineRoute(WHO, {
  operationId: 'dryRunImport', method: 'post', path: '/api/imports/{importId}/dry-run', tags, summary: 'Check every row as the run would, writing nothing: new, already there, or what to fix',
  request: { params }, responses: { 200: json(DryRun, 'The dry run'), ...conflictResponse, ...errorResponses },
});
const run = defineRoute(WHO, {
  operationId: 'runImport', method: 'post', path: '/api/imports/{importId}/run', tags, summary: 'Run the import (or resume one cut off): answers at once; the import shows rows done of the total',
  request: { params }, responses: { 202: json(ImportOnly, 'Started'), ...conflictResponse, ...errorResponses },
});
const rows = defineRoute(WHO, {
  operationId: 'listImportRows', method: 'get', path: '/api/imports/{importId}/rows', tags, summary: "The run's outcome per row: the conflict report (outcome=conflict), the errors, or all",
  request: {
    params,
    query: z.object({
      outcome: z.enum(['all', 'created', 'existing', 'error', 'conflict']).default('all'),
      limit: z.coerce.number().int().min(1).max(500).default(200),
      offset: z.coerce.number().int().min(0).max(100_000).default(0),
    }),
  },
  responses: { 200: json(Rows, 'Rows'), ...errorResponses },
});

export function importRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(presets, (c) =>
    c.json(
      {
        presets: IMPORT_PRESETS.map((p) => ({ id: p.id, name: p.name, headers: IMPORT_FIELDS.filter((f) => p.headers[f]).map((f) => ({ field: f, names: [...p.headers[f]!] })) })),
        fields: IMPORT_FIELDS.map((f) => ({ field: f, label: FIELD_LABELS[f], kinds: IMPORT_KINDS.filter((k) => KIND_FIELDS[k].includes(f)), requiredFor: IMPORT_KINDS.filter((k) => KIND_REQUIRED[k].includes(f)) })),
      },
      200,
    ),
  );
  app.openapi(list, async (c) => c.json(await listImports(ctxOf(c)), 200));
  app.openapi(upload, async (c) => c.json(await uploadImport(ctxOf(c), c.req.valid('json')), 201));
  app.openapi(get, async (c) => c.json(await getImport(ctxOf(c), c.req.valid('param').importId), 200));
  app.openapi(update, async (c) => c.json({ import: await updateImportMapping(ctxOf(c), c.req.valid('param').importId, c.req.valid('json')) }, 200));
  app.openapi(dryRun, async (c) => c.json(await dryRunImport(ctxOf(c), c.req.valid('param').importId), 200));
  app.openapi(run, async (c) => {
    const started = await startImport(ctxOf(c), c.req.valid('param').importId);
    return c.json({ import: started.import }, 202);
  });
  app.openapi(rows, async (c) => {
    const q = c.req.valid('query');
    return c.json(await listImportRows(ctxOf(c), c.req.valid('param').importId, q.outcome, q.limit, q.offset), 200);
  });
}
