// Parsing a contract's input (triage, plans) with errors that name the field in plain words:
// "symptoms[0].severity: Give the severity: mild, moderate or severe". One request or an array of
// requests; errors in an array name the index ("[2].areas"). The message catalogue speaks for every
// check without its own message, so the CLI and the API say the same.
import type { z } from 'zod';
import { customError } from './messages.js';

export interface FieldIssue {
  path: string;
  message: string;
}
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldIssue[] };

function formatPath(path: readonly PropertyKey[], prefix: string): string {
  let out = prefix;
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${String(seg)}` : String(seg);
  return out || '(input)';
}

export function parseContract<T>(schema: z.ZodType<T>, input: unknown, prefix = ''): Parsed<T> {
  const r = schema.safeParse(input, { error: customError });
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    errors: r.error.issues.map((i) => ({
      path: formatPath(i.path, prefix),
      message: i.code === 'unrecognized_keys' ? `Dermis does not know the field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')} here` : i.message,
    })),
  };
}

/** One request, or an array of them (each checked; every error named with its index). */
export function parseContractBatch<T>(schema: z.ZodType<T>, input: unknown): Parsed<T | T[]> {
  if (!Array.isArray(input)) return parseContract(schema, input);
  const values: T[] = [];
  const errors: FieldIssue[] = [];
  input.forEach((item, i) => {
    const r = parseContract(schema, item, `[${i}]`);
    if (r.ok) values.push(r.value);
    else errors.push(...r.errors);
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: values };
}
