// The typed fetch wrapper: JSON in and out, cookies for the session, problem+json errors as ApiError.
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

async function toError(res: Response): Promise<ApiError> {
  let body: { detail?: string; message?: string; errors?: FieldProblem[] } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not JSON: keep the status text
  }
  return new ApiError(res.status, body.detail ?? body.message ?? res.statusText, body.errors ?? []);
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    credentials: 'same-origin',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Sends an image file as the raw request body (photo uploads); errors as ApiError. */
export async function uploadImage<T>(path: string, file: Blob): Promise<T> {
  const res = await fetch(path, { method: 'POST', body: file, headers: { 'content-type': file.type || 'image/jpeg' }, credentials: 'same-origin' });
  if (!res.ok) throw await toError(res);
  return (await res.json()) as T;
}

export const errorText = (err: unknown) => (err instanceof ApiError ? err.message : 'Something went wrong. Check your connection and try again.');
