import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from '../config/env.js';
import { processCount } from './cluster.js';

const PG = 'postgres://dermis@localhost/dermis';

function count(source: Record<string, string>) {
  const warnings: string[] = [];
  return { n: processCount(loadEnv(source), (m) => warnings.push(m)), warnings };
}

describe('how many processes serve the port', () => {
  it('runs as many as asked on PostgreSQL', () => {
    expect(count({ DATABASE_URL: PG, DERMIS_PROCESSES: '3' })).toEqual({ n: 3, warnings: [] });
  });

  it('runs one per core on PostgreSQL when not told', () => {
    expect(count({ DATABASE_URL: PG })).toEqual({ n: availableParallelism(), warnings: [] });
  });

  it('keeps the embedded database to one process, and says why when several were asked for', () => {
    expect(count({})).toEqual({ n: 1, warnings: [] });
    const asked = count({ DERMIS_PROCESSES: '4' });
    expect(asked.n).toBe(1);
    expect(asked.warnings).toHaveLength(1);
    expect(asked.warnings[0]).toContain('DERMIS_PROCESSES=4 is ignored');
    expect(asked.warnings[0]).toContain('DATABASE_URL');
  });

  it('refuses a count that is not a whole number of at least one', () => {
    expect(() => loadEnv({ DERMIS_PROCESSES: '0' })).toThrow(ConfigError);
    expect(() => loadEnv({ DERMIS_PROCESSES: 'many' })).toThrow(ConfigError);
  });
});
