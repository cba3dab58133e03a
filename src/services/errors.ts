// Unexpected or refused outcomes that cross the service boundary. The HTTP layer maps each code to a
// status in one table (src/http/problem.ts); the CLI maps them to exit codes.
import { plainFieldMessage, sentence } from '../domain/shared/messages.js';

export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'internal';

export interface FieldError {
  /** dotted path of the offending field, e.g. intake.conditions[0].code */
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'resource') => new AppError('not_found', `${what} not found`);
/**
 * A refusal by a business rule (ownership, licence, a role-specific rule inside a route the role may
 * call). `reason` is a stable code in the problem body, so callers and tests can tell it from the
 * route's role gate, which answers with reason `role_not_allowed`.
 */
export const forbidden = (why = 'you may not do this', reason = 'not_permitted') => new AppError('forbidden', why, [], { reason });
/** A refused field: the message is made a plain sentence naming the field (messages.ts). */
export const invalid = (path: string, message: string) => {
  const plain = plainFieldMessage(path, message);
  return new AppError('validation', sentence(plain), [{ path, message: plain }]);
};
