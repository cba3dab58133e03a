// The web app reaches the API only through a client generated from the published OpenAPI document
// (src/web/api/generated/schema.d.ts, written by `npm run api:generate`; CI fails if it is stale), so
// a shape changed on the server breaks the build here instead of a screen at run time.
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/schema.js';

/** the API's named shapes, e.g. `Schemas['Booking']` */
export type Schemas = components['schemas'];

export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }
  /** field errors keyed by path, ready for a Mantine form */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.fields.map((f) => [f.path, f.message]));
  }
}

/** The typed client: `http.GET('/api/clients/{clientId}', { params: { path: { clientId } } })`. */
export const http = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

interface Answer<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

function toError(response: Response, body: unknown): ApiError {
  const p = (body ?? {}) as { detail?: string; message?: string; errors?: FieldProblem[] };
  return new ApiError(response.status, p.detail ?? p.message ?? response.statusText, p.errors ?? []);
}

/** The data of a call, or an ApiError carrying the problem's plain message and field errors. */
export async function call<D>(request: Promise<Answer<D>>): Promise<D> {
  let answer: Answer<D>;
  try {
    answer = await request;
  } catch {
    throw new ApiError(0, 'We could not reach Dermis. Check your connection and try again.');
  }
  if (!answer.response.ok) throw toError(answer.response, answer.error);
  return answer.data as D;
}

/** Sends an image file as the raw request body (photo uploads); errors as ApiError. */
type PhotoQuery = NonNullable<paths['/api/clients/{clientId}/photos']['post']['parameters']['query']>;

export async function uploadImage(clientId: string, file: Blob, query: PhotoQuery) {
  return call(
    http.POST('/api/clients/{clientId}/photos', {
      params: { path: { clientId }, query },
      body: file as never,
      bodySerializer: (b: unknown) => b as Blob,
      headers: { 'content-type': file.type || 'image/jpeg' },
    }),
  );
}

export const errorText = (err: unknown) =>
  err instanceof ApiError ? err.message : 'Something went wrong. Check your connection and try again.';

