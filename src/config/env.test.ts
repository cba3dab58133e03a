import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from './env.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.dataDir).toMatch(/data$/);
    expect(env.publicUrl).toBe('http://localhost:3000');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('reports every invalid variable at once, by name', () => {
    try {
      loadEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('DATABASE_URL');
      expect(msg).toContain('SMTP_URL');
    }
  });

  it('treats empty strings as unset and derives the public URL from the port', () => {
    const env = loadEnv({ PORT: '4100', DATABASE_URL: '' });
    expect(env.publicUrl).toBe('http://localhost:4100');
    expect(env.DATABASE_URL).toBeUndefined();
  });
});
