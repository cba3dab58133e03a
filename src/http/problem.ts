// One table from error code to HTTP status, and the RFC 9457 problem+json body every error uses.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, FieldError } from '../services/errors.js';

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
