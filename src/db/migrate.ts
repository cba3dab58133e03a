// Applies the frozen, timestamped migrations in order. The list is static (not read from disk) so the
// same code runs from src/ under tsx and from dist/ after a build.
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Db } from './connect.js';
import { migrations } from './migrations/index.js';

class StaticProvider implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(migrations);
  }
}

export interface MigrateOutcome {
  applied: string[];
}

export async function migrateToLatest(db: Db): Promise<MigrateOutcome> {
  const migrator = new Migrator({ db, provider: new StaticProvider(), migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('migration failed');
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
