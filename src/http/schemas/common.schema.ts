import { z } from '@hono/zod-openapi';
import { line } from '../../domain/shared/input.js';

/** The shared shapes of typed input (src/domain/shared/input.ts): every string and date uses one. */
export { isoDate, isoDateOrDateTime, isoDateTime, line, personName, text } from '../../domain/shared/input.js';

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string().nullable(),
  })
  .openapi('Problem');

const problemContent = { 'application/problem+json': { schema: Problem } };

/** The error responses every route can give, documented once. */
export const errorResponses = {
  400: { description: 'Invalid input; `errors` names each offending field', content: problemContent },
  401: { description: 'Not signed in', content: problemContent },
  403: { description: 'Signed in, but this role may not call this route', content: problemContent },
  404: { description: 'Not found (also for records of another organization or client)', content: problemContent },
} as const;

/** A duplicate of a unique field, a taken slot, a paid invoice: valid, but the state forbids it. */
export const conflictResponse = { 409: { description: 'Valid, but the current state forbids it (a duplicate, for example)', content: problemContent } } as const;

/** A deadlock that outlasted the retries (rare since decision 0025): nothing was written; try again after Retry-After. */
export const busyResponse = { 503: { description: 'Busy with other changes to the same calendar; nothing was saved; try again after Retry-After seconds', content: problemContent } } as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** A path segment that is not a UUID (a user id, a slug): one line of at most `max` characters. */
export const TextParam = (name: string, max: number) => line({ max }).openapi({ param: { name, in: 'path' } });

export const UuidParam = (name: string) =>
  z.uuid({ error: `${name} must be a UUID` }).openapi({ param: { name, in: 'path' } });

export const Paging = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
