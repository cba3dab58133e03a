import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { problem } from '../problem.js';

/**
 * A fixed-window count per caller address, kept in memory (one process serves the clinic; a
 * restart forgets the counts, which only ever errs towards letting a person in). For anonymous
 * writes that create things, like registration; sign-in has better-auth's limits and our lockout.
 */
export function perAddressLimit(opts: { max: number; windowMs: number; what: string }): MiddlewareHandler<AppEnv> {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const now = Date.now();
    if (hits.size > 10_000) for (const [k, v] of hits) if (v.resetAt <= now) hits.delete(k);
    const key = c.get('ip') ?? 'unknown';
    const h = hits.get(key);
    const entry = h && h.resetAt > now ? h : { count: 0, resetAt: now + opts.windowMs };
    entry.count++;
    hits.set(key, entry);
    if (entry.count > opts.max) {
      const wait = Math.ceil((entry.resetAt - now) / 1000);
      c.header('retry-after', String(wait));
      return problem(c, { status: 429, code: 'rate_limited', detail: `Too many ${opts.what} from this address. Try again in ${Math.ceil(wait / 60)} minutes.` });
    }
    return next();
  };
}

/** Ten registrations an hour from one address is more than any household or clinic front desk needs. */
export const registrationLimiter = perAddressLimit({ max: 10, windowMs: 60 * 60_000, what: 'registrations' });
