// What a route declares is what it sends: with `checkResponses` on (every HTTP test), each JSON
// answer is parsed with the schema the route declares for its status, and a mismatch becomes a 500
// naming the route and the field, recorded for the test to fail on. Off in production: the types
// already tie the handlers to the schemas, and parsing every answer twice would cost time.
import type { RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './app-env.js';
import { formatPath, problem } from './problem.js';

type Responses = RouteConfig['responses'];

function declaredSchema(responses: Responses, status: number, mediaType: string): z.ZodType | null | undefined {
  const declared = (responses as Record<string, { content?: Record<string, { schema?: unknown }> }>)[String(status)];
  if (!declared) return undefined;
  const schema = declared.content?.[mediaType]?.schema;
  return schema && typeof (schema as z.ZodType).safeParse === 'function' ? (schema as z.ZodType) : null;
}

export function checkResponse(method: string, path: string, responses: Responses): MiddlewareHandler<AppEnv> {
  const route = `${method.toUpperCase()} ${path}`;
  return async (c, next) => {
    await next();
    const deps = c.get('deps');
    if (!deps.checkResponses) return;
    const mediaType = (c.res.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (mediaType !== 'application/json' && mediaType !== 'application/problem+json' && mediaType !== 'application/fhir+json') return;
    const status = c.res.status;
    const schema = declaredSchema(responses, status, mediaType);
    let mismatch: string | null = null;
    if (schema === undefined) mismatch = `status ${status} is not declared`;
    else if (schema === null) mismatch = `status ${status} declares no schema for ${mediaType}`;
    else {
      const body: unknown = await c.res.clone().json();
      const parsed = schema.safeParse(body);
      if (!parsed.success) mismatch = parsed.error.issues.map((i) => `${formatPath(i.path) || '(body)'}: ${i.message}`).join('; ');
    }
    if (mismatch === null) return;
    const detail = `Response of ${route} (${status}) does not match its declared schema: ${mismatch}`;
    deps.checkResponses.push(detail);
    // drop the answer first so its headers (content-length, type) are not merged into the problem
    c.res = undefined;
    c.res = problem(c, { status: 500, detail, code: 'response_mismatch' });
  };
}
