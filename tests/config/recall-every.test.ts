// DERMIS_RECALL_EVERY_MS (docs/recall.md): how often the recall job looks for due recalls; an hour
// unless set, and a value that is not a sensible number of milliseconds is refused by name.
import { describe, expect, it } from 'vitest';
import { loadEnv, type ConfigError } from '../../src/config/env.js';

describe('DERMIS_RECALL_EVERY_MS', () => {
  it('is an hour unless set, and takes milliseconds', () => {
    expect(loadEnv({}).DERMIS_RECALL_EVERY_MS).toBe(3_600_000);
    expect(loadEnv({ DERMIS_RECALL_EVERY_MS: '2000' }).DERMIS_RECALL_EVERY_MS).toBe(2000);
  });

  it('refuses a value that is not a whole number of milliseconds from a second to a day, naming the setting', () => {
    for (const [value, words] of [['soon', 'a whole number of milliseconds'], ['1.5', 'a whole number of milliseconds'], ['10', 'at least 1000'], ['999999999', 'at most 86400000']] as const) {
      let problems: string[] = [];
      try {
        loadEnv({ DERMIS_RECALL_EVERY_MS: value });
      } catch (e) {
        problems = (e as ConfigError).problems;
      }
      expect(problems).toEqual([expect.stringMatching(new RegExp(`^DERMIS_RECALL_EVERY_MS: ${words}`))]);
    }
  });
});
