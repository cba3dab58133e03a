// Passwords are judged by how guessable they are, as NIST SP 800-63B asks (refuse common, expected
// and repetitive passwords), not by composition rules. zxcvbn-ts estimates that with its
// dictionaries of common passwords, names and words, and the person's own details.
import { createRequire } from 'node:module';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type * as Core from '@zxcvbn-ts/core';
import type * as Common from '@zxcvbn-ts/language-common';
import type * as En from '@zxcvbn-ts/language-en';
import { AppError } from '../errors.js';

// The dictionaries are some 20 MB in memory: they are loaded on the first password checked, not at
// start-up (issue 14, item 6). require keeps the check synchronous for its callers.
const require = createRequire(import.meta.url);

/** zxcvbn's 0..4; 3 resists an offline attack on a slow hash for a long time */
const MIN_SCORE = 3;
export const PASSWORD_MIN = 10;

let factory: ZxcvbnFactory | null = null;
function estimator(): ZxcvbnFactory {
  if (factory) return factory;
  const core = require('@zxcvbn-ts/core') as typeof Core;
  const common = require('@zxcvbn-ts/language-common') as typeof Common;
  const en = require('@zxcvbn-ts/language-en') as typeof En;
  factory = new core.ZxcvbnFactory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs, translations: en.translations });
  return factory;
}

/** Why this password is too easy to guess, in a sentence, or null when it will do. */
export function passwordProblem(password: string, personal: string[] = []): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  const r = estimator().check(password, personal.flatMap((p) => p.toLowerCase().split(/[\s@.]+/)).filter((p) => p.length > 2));
  if (r.score >= MIN_SCORE) return null;
  const why = r.feedback.warning ? `${r.feedback.warning} ` : '';
  const hint = r.feedback.suggestions[0] ?? 'Add a few more words or characters.';
  return `This password is too easy to guess. ${why}${hint}`.trim();
}

/** Refuses a guessable password with a message that names the field and says why. */
export function assertStrongPassword(password: string, personal: string[], field = 'password') {
  const problem = passwordProblem(password, personal);
  if (problem) throw new AppError('validation', problem, [{ path: field, message: problem }]);
}
