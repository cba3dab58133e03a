// The only reader of process.env. Every variable is validated at start; all problems are reported
// together so an operator fixes them in one go.
import { z } from 'zod';
import path from 'node:path';

const port = z.coerce.number().int().min(1).max(65535);

export const envSchema = z.object({
  PORT: port.default(3000).describe('HTTP port'),
  HOST: z.string().min(1).default('127.0.0.1').describe('Interface to listen on (0.0.0.0 to expose)'),
  DERMIS_DATA_DIR: z.string().min(1).default('./data').describe('Folder for the embedded database, secret and uploads'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/ })
    .optional()
    .describe('postgres://user:pass@host:port/db; unset means the embedded PGlite database'),
  DERMIS_PUBLIC_URL: z.url().optional().describe('Public origin, e.g. https://spa.example.com (default http://localhost:PORT)'),
  DERMIS_SECRET: z.string().min(32).optional().describe('Session signing secret; generated into the data folder when unset'),
  DERMIS_SEED_DEMO: z.enum(['auto', 'never']).default('auto').describe('auto seeds the demo MedSpa into an empty database'),
  DERMIS_PUBLIC_SIGNUP: z.enum(['on', 'off']).default('on').describe('on lets anyone create a clinic from the sign-up page (/start); off closes it'),
  DERMIS_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/ })
    .optional()
    .describe('smtp://user:pass@host:port; unset keeps email in the outbox, shown in the staff console'),
  SMTP_FROM: z.string().min(3).default('Dermis <no-reply@dermis.local>'),
  SMS_URL: z.url({ protocol: /^https?$/ }).optional().describe('HTTP endpoint of an SMS gateway (POST {to, text}); unset keeps texts in the outbox'),
  SMS_TOKEN: z.string().min(8).optional().describe('Bearer token sent to SMS_URL'),
  STRIPE_SECRET_KEY: z.string().regex(/^sk_(test|live)_\w{8,}$/, 'a Stripe secret key (sk_test_... or sk_live_...)').optional().describe('Stripe secret key for online card payments; unset turns online payment off'),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w{8,}$/, 'a Stripe webhook signing secret (whsec_...)').optional().describe('Signing secret of the Stripe webhook endpoint /api/webhooks/stripe; unset leaves the endpoint off'),
  STRIPE_PUBLISHABLE_KEY: z.string().regex(/^pk_(test|live)_\w{8,}$/, 'a Stripe publishable key (pk_test_... or pk_live_...)').optional().describe("Stripe publishable key for the Payment Element (cards and wallets on Dermis's own page, saved cards); unset keeps the hosted Checkout page"),
  STRIPE_JS_URL: z.url({ protocol: /^https?$/ }).default('https://js.stripe.com/v3/').describe('Where the browser loads Stripe.js from (change only for tests)'),
  STRIPE_API_BASE: z.url({ protocol: /^https?$/ }).default('https://api.stripe.com').describe('Stripe API origin (change only for a proxy)'),
  DERMIS_WORKER: z.enum(['inline', 'off']).default('inline').describe('inline runs the job worker inside the server'),
  DERMIS_SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  DERMIS_SIGN_IN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  // recall flows (docs/recall.md): browser tests and demos shorten the wait; a real clinic keeps the hour
  DERMIS_RECALL_EVERY_MS: z.coerce
    .number({ message: 'a whole number of milliseconds, e.g. 3600000' })
    .int('a whole number of milliseconds, e.g. 3600000')
    .min(1000, 'at least 1000 (one second)')
    .max(86_400_000, 'at most 86400000 (one day)')
    .default(3_600_000)
    .describe('Milliseconds between looks for due recall messages (default 3600000, an hour)'),
  // Several processes (decision 0016): PostgreSQL only; the embedded database stays one process (0006)
  DERMIS_PROCESSES: z.coerce
    .number({ message: 'a whole number of processes, e.g. 2' })
    .int('a whole number of processes, e.g. 2')
    .min(1, 'at least 1 process')
    .max(64, 'at most 64 processes')
    .optional()
    .describe('Processes serving the port with PostgreSQL (default: the number of cores); the embedded database always runs one'),
  // Prometheus metrics (docs/runbooks/production.md): a separate port, so the public port never serves them
  DERMIS_METRICS_PORT: port.optional().describe('Port serving /metrics in Prometheus format; unset turns metrics off'),
  DERMIS_METRICS_HOST: z.string().min(1).default('127.0.0.1').describe('Interface the metrics port listens on (loopback by default)'),
  DERMIS_METRICS_TOKEN: z
    .string()
    .min(24, 'at least 24 characters')
    .optional()
    .describe('When set, /metrics answers only requests with "Authorization: Bearer <token>"'),
  DERMIS_TRUST_PROXY: z.enum(['true', 'false']).default('false').describe('true reads the client IP from X-Forwarded-For'),
  DERMIS_CHECK_RESPONSES: z.enum(['true', 'false']).default('false').describe('true checks every API answer against its declared schema (browser tests); a mismatch is a logged 500'),
  // Backups of the embedded database (docs/runbooks/backup-and-restore.md)
  DERMIS_BACKUP_DIR: z.string().min(1).optional().describe('Folder the server writes backups into (default DERMIS_DATA_DIR/backups)'),
  DERMIS_BACKUP_EVERY_HOURS: z.coerce.number().int().min(0).max(24 * 30).default(24).describe('Hours between scheduled backups; 0 turns the schedule off'),
  DERMIS_BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7).describe('Scheduled and console backups kept; older ones are deleted'),
  DERMIS_BACKUP_PASSPHRASE: z
    .string()
    .min(12, 'at least 12 characters')
    .optional()
    .describe('Encrypts the secret inside each backup; unset leaves the secret out (keep DERMIS_DATA_DIR/secret apart)'),
  DERMIS_CLOCK_START: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Demos, training and browser tests only: the server clock starts at this instant and runs on; refused with DATABASE_URL'),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string; publicUrl: string; backupDir: string };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings count as unset, as most shells and .env files produce them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = parsed.data;
  // a moved clock would date real records wrongly; it is for a throwaway embedded database only
  if (e.DERMIS_CLOCK_START && e.DATABASE_URL) throw new ConfigError(['DERMIS_CLOCK_START: only for the embedded database; unset it or DATABASE_URL']);
  if (e.DERMIS_METRICS_PORT !== undefined && e.DERMIS_METRICS_PORT === e.PORT) throw new ConfigError(['DERMIS_METRICS_PORT: must differ from PORT (metrics are served on a port of their own)']);
  const dataDir = path.resolve(e.DERMIS_DATA_DIR);
  return {
    ...e,
    dataDir,
    backupDir: path.resolve(e.DERMIS_BACKUP_DIR ?? path.join(dataDir, 'backups')),
    publicUrl: (e.DERMIS_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
  };
}
