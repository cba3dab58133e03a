// One table from error code to HTTP status, and the RFC 9457 problem+json body every error uses.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { ErrorCode, FieldError } from '../services/errors.js';
import { customError, issueMessage, plainFieldMessage, summarize, type IssueLike } from '../domain/shared/messages.js';

export const STATUS_OF: Record<ErrorCode, ContentfulStatusCode> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 429,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
};

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Sign-in required',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Something went wrong',
};

export interface ProblemInput {
  status: ContentfulStatusCode;
  detail: string;
  errors?: FieldError[];
  code?: string;
  extra?: Record<string, unknown>;
}

export function problem(c: Context, p: ProblemInput) {
  const body = {
    type: `https://dermis.dev/problems/${p.code ?? p.status}`,
    title: TITLES[p.status] ?? 'Error',
    status: p.status,
    detail: p.detail,
    ...(p.errors && p.errors.length > 0 ? { errors: p.errors } : {}),
    ...(p.extra ?? {}),
    requestId: (c.get('requestId') as string | undefined) ?? null,
  };
  return c.body(JSON.stringify(body), p.status, { 'content-type': 'application/problem+json' });
}

/** zod issue path -> "intake.conditions[0].code" */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

// Every zod schema speaks the message catalogue (src/domain/shared/messages.ts) unless it carries its
// own message; set once, for the API and the CLI alike.
z.config({ customError });

/** zod's raw default wording, should a message slip past the catalogue */
const VALIDATOR_WORDING = /^(Invalid|Too (small|big)|Expected|Unrecognized)|expected |received |[<>]=/;

/** A finished zod issue as a field error with a plain message. */
export function plainIssue(issue: IssueLike & { path: readonly PropertyKey[]; message: string }, fallbackPath: string): FieldError {
  const path = formatPath(issue.path) || fallbackPath;
  const message = VALIDATOR_WORDING.test(issue.message) ? issueMessage(issue) : plainFieldMessage(issue.path, issue.message);
  return { path, message };
}

/** The validation problem of a request: each field's plain message once, and a plain summary. */
export function validationProblem(issues: readonly (IssueLike & { path: readonly PropertyKey[]; message: string })[], target: string) {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const i of issues) {
    const e = plainIssue(i, target);
    const key = `${e.path}\u0000${e.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      errors.push(e);
    }
  }
  return { status: 400 as const, detail: summarize(errors.map((e) => e.message)), errors, code: 'validation' };
}
