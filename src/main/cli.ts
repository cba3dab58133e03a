// The `dermis` command. Exit codes: 0 done, 1 failed, 2 invalid usage or input.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ConfigError, loadEnv, type Env } from '../config/env.js';
import { boot, openDatabase } from './boot.js';
import { seedDemo } from '../services/seed/seed-demo.js';
import { verifyAuditChain } from '../services/audit/verify-audit-chain.js';
import { sealAudit } from '../services/audit/seal-audit.js';
import { backupCommand } from './commands/backup.command.js';
import { restoreCommand } from './commands/restore.command.js';
import { BackupUsageError } from './commands/backup-args.js';
import { runningServerPid } from './server-lock.js';
import { screenCommand } from './commands/screen.command.js';
import { triageCommand } from './commands/triage.command.js';
import { planCommand } from './commands/plan.command.js';
import { exportCommand, ExportUsageError } from './commands/export.command.js';
import { importExportCommand, ImportExportUsageError } from './commands/import-export.command.js';
import { migrateToLatest } from '../db/migrate.js';

const HELP = `Usage: dermis <command>

  migrate                 apply database migrations
  seed --demo             create the demo MedSpa (skipped if the database has any organization)
  screen FILE             screen one request or an array of requests (FILE "-" reads stdin)
  triage FILE             triage one aftercare symptom report or an array of them
                          (docs/triage.md; FILE "-" reads stdin)
  plan FILE               recommend a treatment plan for one request or an array of them
                          (docs/plans.md; FILE "-" reads stdin)
  audit verify            check the audit trail's sealed hash chain of every organization, and
                          list events not yet sealed with the age of the oldest
  audit seal              link events not yet sealed into the chain (the server does this every
                          second; use after a crash, with the server stopped on the embedded database)
  backup FILE [--passphrase-file P]
                          write database, photos and (with a passphrase) the secret to FILE
                          (.tar.gz); with the server running, use Settings > Backups instead
  restore FILE [--passphrase-file P] [--without-secret]
                          restore FILE into DERMIS_DATA_DIR (created if missing); what was
                          there is moved aside, never deleted
  export --out DIR [--clinic SLUG]
                          a clinic's full export into a new folder: FHIR R4 NDJSON, a CSV per
                          table, consent PDFs, photos and a manifest with checksums
                          (docs/export.md); without --clinic, every clinic into DIR/<slug>
  import-export --from DIR
                          load one clinic's export folder into this Dermis, which must not hold
                          that clinic yet; checks the manifest's checksums first, all or nothing
                          (docs/export.md); staff and clients then reset their passwords
  help                    this text

Configuration comes from the environment (see README): DERMIS_DATA_DIR, DATABASE_URL,
DERMIS_BACKUP_PASSPHRASE (at least 12 characters; seals the secret inside backups), ...
`;

class UsageError extends Error {}

async function assertNoServer(env: Env) {
  if (env.DATABASE_URL) return;
  const pid = await runningServerPid(env.dataDir);
  if (pid) throw new Error(`a Dermis server (pid ${pid}) is using ${env.dataDir}; stop it first`);
}

async function withDb<T>(env: Env, fn: (b: Awaited<ReturnType<typeof boot>>) => Promise<T>) {
  await assertNoServer(env);
  const b = await boot(env);
  try {
    return await fn(b);
  } finally {
    await b.handle.close();
  }
}

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

export async function runCli(argv: string[], io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [cmd, ...rest] = argv;
  const out = (s: string) => io.stdout.write(s + '\n');
  try {
    if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
      io.stdout.write(HELP);
      return cmd ? 0 : 2;
    }
    if (cmd === 'screen') return await screenCommand(rest, io);
    if (cmd === 'triage') return await triageCommand(rest, io);
    if (cmd === 'plan') return await planCommand(rest, io);
    const env = loadEnv();
    switch (cmd) {
      case 'migrate': {
        await assertNoServer(env);
        const h = await openDatabase(env);
        try {
          const { applied } = await migrateToLatest(h.db);
          out(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
        } finally {
          await h.close();
        }
        return 0;
      }
      case 'seed': {
        if (rest[0] !== '--demo') throw new UsageError('seed takes --demo');
        const r = await withDb(env, (b) => seedDemo({ db: b.handle.db, identity: b.identity, now: () => new Date() }, { onlyIfEmpty: true }));
        if (!r.seeded) out('the database already has an organization; demo not seeded');
        else for (const s of r.signIns) out(`${s.role.padEnd(17)} ${s.email.padEnd(32)} ${s.password}`);
        return 0;
      }
      case 'audit': {
        if (rest[0] !== 'verify' && rest[0] !== 'seal') throw new UsageError('audit takes verify or seal');
        if (rest[0] === 'seal') {
          return await withDb(env, async (b) => {
            out(`${await sealAudit(b.handle.db, new Date())} events sealed`);
            return 0;
          });
        }
        return await withDb(env, async (b) => {
          const orgs = await b.handle.db.selectFrom('organizations').select(['id', 'slug']).execute();
          let ok = true;
          for (const o of orgs) {
            const r = await verifyAuditChain(b.handle.db, o.id);
            ok &&= r.ok;
            const waiting = r.unsealed.count ? `; ${r.unsealed.count} not yet sealed, the oldest ${r.unsealed.oldestAgeSeconds} s old` : '';
            out(`${o.slug}: ${r.events} events, ${r.ok ? 'chain intact' : `TAMPERED: ${r.problems.map((p) => `seq ${p.seq} ${p.problem}`).join('; ')}`}${waiting}`);
          }
          return ok ? 0 : 1;
        });
      }
      case 'export':
        return await exportCommand(rest, env, (fn) => withDb(env, fn), out);
      case 'import-export':
        return await importExportCommand(rest, env, (fn) => withDb(env, fn), out);
      case 'backup':
        return await backupCommand(rest, env, out);
      case 'restore':
        return await restoreCommand(rest, env, out);
      default:
        throw new UsageError(`unknown command "${cmd}"`);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      io.stderr.write(`dermis: ${err.message}\n${err instanceof UsageError ? '\n' + HELP : ''}`);
      return 2;
    }
    // a wrong or missing passphrase, a bad option: the message alone says what to do
    if (err instanceof BackupUsageError || err instanceof ExportUsageError || err instanceof ImportExportUsageError) {
      io.stderr.write(`dermis: ${err.message}\n`);
      return 2;
    }
    io.stderr.write(`dermis: ${(err as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runCli(process.argv.slice(2));
}
