// Validation that names the field: "intake.conditions[0].code: unknown condition code ...".
import type { z } from 'zod';
import { IntakeSchema, PlanSchema, ScreeningRequestSchema, type Intake, type Plan, type ScreeningRequest } from './contract.js';

export interface FieldIssue {
  path: string;
  message: string;
}
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldIssue[] };

export function formatIssuePath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${String(seg)}` : String(seg);
  return out || '(input)';
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown, prefix = ''): Parsed<T> {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    errors: r.error.issues.map((i) => ({
      path: formatIssuePath(i.path, prefix),
      message: i.code === 'unrecognized_keys' ? `unknown field(s): ${i.keys.join(', ')}` : i.message,
    })),
  };
}

export const parseIntake = (input: unknown): Parsed<Intake> => parseWith(IntakeSchema, input);
export const parsePlan = (input: unknown): Parsed<Plan> => parseWith(PlanSchema, input);
export const parseScreeningRequest = (input: unknown): Parsed<ScreeningRequest> => parseWith(ScreeningRequestSchema, input);

/** One request or an array of requests; errors in an array name the index: "[2].plan.areas". */
export function parseScreeningRequests(input: unknown): Parsed<ScreeningRequest | ScreeningRequest[]> {
  if (!Array.isArray(input)) return parseScreeningRequest(input);
  const values: ScreeningRequest[] = [];
  const errors: FieldIssue[] = [];
  input.forEach((item, i) => {
    const r = parseWith(ScreeningRequestSchema, item, `[${i}]`);
    if (r.ok) values.push(r.value);
    else errors.push(...r.errors);
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: values };
}
