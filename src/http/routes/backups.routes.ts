// Backups for the owner: the list with the schedule, and "Back up now". Only the owner: a backup
// holds every record of the installation, and the folder it lands in is on the server.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json } from '../schemas/common.schema.js';
import { listBackups } from '../../services/backups/list-backups.js';
import { startBackup } from '../../services/backups/start-backup.js';

const tags = ['Backups'];

const EXAMPLE_RUN = {
  id: '4f6a8c0e-2b4d-4f6a-8c0e-2b4d6f8a0c1e',
  trigger: 'schedule',
  requestedBy: null,
  fileName: 'dermis-backup-2026-12-01T02-00-00-000Z.tar.gz',
  status: 'succeeded',
  startedAt: '2026-12-01T02:00:00.000Z',
  finishedAt: '2026-12-01T02:00:41.000Z',
  bytes: 48213507,
  secretIncluded: false,
  error: null,
  removed: false,
} as const;

const BackupRun = z
  .object({
    id: z.string(),
    trigger: z.enum(['schedule', 'owner']),
    requestedBy: z.string().nullable(),
    fileName: z.string(),
    status: z.enum(['running', 'succeeded', 'failed']),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    bytes: z.number().int().nullable(),
    secretIncluded: z.boolean(),
    error: z.string().nullable().openapi({ description: 'why it failed, in plain words' }),
    removed: z.boolean().openapi({ description: 'the file was deleted by retention' }),
  })
  .openapi('BackupRun', { example: EXAMPLE_RUN });

const BackupOverview = z
  .object({
    managedBy: z.enum(['dermis', 'postgres', 'none']).openapi({ description: 'dermis: this server makes backups; postgres: pg_dump does (see the runbook); none: not set up' }),
    schedule: z.object({ everyHours: z.number().int(), keep: z.number().int(), directory: z.string(), secretIncluded: z.boolean() }).nullable(),
    nextRunAt: z.string().nullable(),
    running: z.boolean(),
    lastSuccess: z.union([BackupRun, z.null()]),
    items: z.array(BackupRun),
  })
  .openapi('BackupOverview', {
    example: {
      managedBy: 'dermis',
      schedule: { everyHours: 24, keep: 14, directory: '/var/lib/dermis/backups', secretIncluded: false },
      nextRunAt: '2026-12-02T02:00:00.000Z',
      running: false,
      lastSuccess: EXAMPLE_RUN,
      items: [EXAMPLE_RUN],
    },
  });
const BackupStarted = z.object({ run: BackupRun }).openapi('BackupStarted', {
  example: {
    run: {
      ...EXAMPLE_RUN, trigger: 'owner', requestedBy: 'Lena Ortiz', fileName: 'dermis-backup-2026-12-01T14-32-10-118Z.tar.gz', status: 'running',
      startedAt: '2026-12-01T14:32:10.118Z', finishedAt: null, bytes: null,
    },
  },
});

const list = defineRoute(['owner'], {
  operationId: 'listBackups', method: 'get', path: '/api/backups', tags, summary: 'Backups: who makes them, the schedule, the next run and the recent history, newest first',
  responses: { 200: json(BackupOverview, 'Backups'), ...errorResponses },
});

const start = defineRoute(['owner'], {
  operationId: 'startBackup', method: 'post', path: '/api/backups', tags, summary: 'Back up now: answers at once; the list shows the backup running and then its result',
  responses: { 202: json(BackupStarted, 'Started'), 409: { ...errorResponses[400], description: 'A backup is running, or this server does not make backups (PostgreSQL)' }, ...errorResponses },
});

export function backupRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(list, async (c) => c.json(await listBackups(ctxOf(c), c.get('deps').backups ?? null), 200));
  app.openapi(start, async (c) => {
    const { run } = await startBackup(ctxOf(c), c.get('deps').backups ?? null);
    return c.json({ run }, 202);
  });
}
