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
  .openapi('BackupRun');

const BackupOverview = z
  .object({
    managedBy: z.enum(['dermis', 'postgres', 'none']).openapi({ description: 'dermis: this server makes backups; postgres: pg_dump does (see the runbook); none: not set up' }),
    schedule: z.object({ everyHours: z.number().int(), keep: z.number().int(), directory: z.string(), secretIncluded: z.boolean() }).nullable(),
    nextRunAt: z.string().nullable(),
    running: z.boolean(),
    lastSuccess: BackupRun.nullable(),
    items: z.array(BackupRun),
  })
  .openapi('BackupOverview');

const list = defineRoute(['owner'], {
  method: 'get', path: '/api/backups', tags, summary: 'Backups: who makes them, the schedule, the next run and the recent history, newest first',
  responses: { 200: json(BackupOverview, 'Backups'), ...errorResponses },
});

const start = defineRoute(['owner'], {
  method: 'post', path: '/api/backups', tags, summary: 'Back up now: answers at once; the list shows the backup running and then its result',
  responses: { 202: json(z.object({ run: BackupRun }), 'Started'), 409: { ...errorResponses[400], description: 'A backup is running, or this server does not make backups (PostgreSQL)' }, ...errorResponses },
});

export function backupRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(list, async (c) => c.json(await listBackups(ctxOf(c), c.get('deps').backups ?? null), 200));
  app.openapi(start, async (c) => {
    const { run } = await startBackup(ctxOf(c), c.get('deps').backups ?? null);
    return c.json({ run }, 202);
  });
}
