// Unexpected or refused outcomes that cross the service boundary. The HTTP layer maps each code to a
// status in one table (src/http/problem.ts); the CLI maps them to exit codes.
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
export const forbidden = (why = 'you may not do this') => new AppError('forbidden', why);
export const invalid = (path: string, message: string) =>
  new AppError('validation', `${path}: ${message}`, [{ path, message }]);
