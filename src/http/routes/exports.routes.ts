// The owner's full export from the console (docs/export.md): start one, follow its progress in the
// list, download the archive. Only the owner: an export holds every record of the clinic.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, UuidParam } from '../schemas/common.schema.js';
import { listDataExports } from '../../services/export/console/list-data-exports.js';
import { startDataExport } from '../../services/export/console/start-data-export.js';
import { downloadDataExport } from '../../services/export/console/download-data-export.js';

const tags = ['Exports'];

const EXAMPLE = {
  id: '7c1e3a5b-9d2f-4e6a-8b0c-1d3e5f7a9b2c',
  status: 'ready',
  requestedBy: 'Lena Ortiz',
  progress: { done: 412, total: 412, step: 'packing the download' },
  bytes: 183_204_118,
  sha256: '9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c2e4f6a8b0d2f4e6a8c0e2a4c6e8a0c2e',
  error: null,
  createdAt: '2026-12-01T14:32:10.118Z',
  finishedAt: '2026-12-01T14:33:02.540Z',
  expiresAt: '2026-12-08T14:32:10.118Z',
  fileName: 'dermis-export-glow-2026-12-01.tar.gz',
} as const;

const DataExport = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'ready', 'failed', 'expired']).openapi({ description: 'expired: the archive was deleted after 7 days' }),
    requestedBy: z.string().nullable().openapi({ description: 'the owner who started it' }),
    progress: z.object({ done: z.number().int(), total: z.number().int(), step: z.string() }).openapi({ description: 'steps done of the total, and what is being written now' }),
    bytes: z.number().int().nullable().openapi({ description: 'size of the archive once ready' }),
    sha256: z.string().nullable().openapi({ description: 'SHA-256 of the archive once ready' }),
    error: z.string().nullable().openapi({ description: 'why it failed, in plain words' }),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    expiresAt: z.string().openapi({ description: 'the archive is deleted then' }),
    fileName: z.string().openapi({ description: 'the name the download is saved under' }),
  })
  .openapi('DataExport', { example: EXAMPLE });

const DataExportList = z
  .object({ running: z.boolean(), items: z.array(DataExport) })
  .openapi('DataExportList', { example: { running: false, items: [EXAMPLE] } });

const DataExportStarted = z.object({ export: DataExport }).openapi('DataExportStarted', {
  example: { export: { ...EXAMPLE, status: 'running', progress: { done: 0, total: 0, step: '' }, bytes: null, sha256: null, finishedAt: null } },
});

const conflict = { 409: { ...errorResponses[400], description: 'An export is running already, or exports are not set up on this server' } };

const list = defineRoute(['owner'], {
  operationId: 'listDataExports', method: 'get', path: '/api/exports', tags, summary: "The clinic's exports, newest first, with the progress of one that runs; expired archives are deleted",
  responses: { 200: json(DataExportList, 'Exports'), ...errorResponses },
});

const start = defineRoute(['owner'], {
  operationId: 'startDataExport', method: 'post', path: '/api/exports', tags, summary: "Start a full export of the clinic: answers at once; the list shows its progress, then the download",
  responses: { 202: json(DataExportStarted, 'Started'), ...conflict, ...errorResponses },
});

const download = defineRoute(['owner'], {
  operationId: 'downloadDataExport', method: 'get', path: '/api/exports/{exportId}/download', tags,
  summary: 'The export as one gzipped tar: fhir/*.ndjson, csv/*.csv, files/ and manifest.json in one folder (docs/export.md)',
  request: { params: z.object({ exportId: UuidParam('exportId') }) },
  responses: {
    200: { description: 'The archive', content: { 'application/gzip': { schema: z.string().openapi({ format: 'binary' }) } } },
    409: { ...errorResponses[400], description: 'Still running, failed or expired' },
    ...errorResponses,
  },
});

export function exportRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(list, async (c) => c.json(await listDataExports(ctxOf(c), c.get('deps').exports ?? null), 200));
  app.openapi(start, async (c) => {
    const started = await startDataExport(ctxOf(c), c.get('deps').exports ?? null);
    return c.json({ export: started.export }, 202);
  });
  app.openapi(download, async (c) => {
    const { archive, fileName, sha256 } = await downloadDataExport(ctxOf(c), c.get('deps').exports ?? null, c.req.valid('param').exportId);
    return c.body(archive.body, 200, {
      'content-type': 'application/gzip',
      'content-length': String(archive.bytes),
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'private, no-store',
      ...(sha256 ? { 'x-content-sha256': sha256 } : {}),
    });
  });
}
