import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { problem } from '../problem.js';
import { forgetAddressWindows, hitAddress } from '../../services/auth/address-limits.js';

/** How often one process sweeps windows long past; the table stays small without a job. */
const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * A fixed-window count per caller address, kept in the database so every process counts against the
 * same allowance (decision 0016): the limit holds in total, not per process. For anonymous writes
 * that create things, like registration; sign-in has better-auth's limits and our lockout.
 */
export function perAddressLimit(opts: { bucket: string; max: number; windowMs: number; what: string }): MiddlewareHandler<AppEnv> {
  let sweptAt = 0;
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const { db } = c.get('deps');
    const now = new Date();
    if (now.getTime() - sweptAt > SWEEP_EVERY_MS) {
      sweptAt = now.getTime();
      await forgetAddressWindows(db, opts.bucket, new Date(now.getTime() - opts.windowMs));
    }
    const hit = await hitAddress(db, opts.bucket, c.get('ip') ?? 'unknown', now, opts.windowMs);
    if (hit.hits > opts.max) {
      const wait = Math.max(1, Math.ceil((new Date(hit.window_started_at).getTime() + opts.windowMs - now.getTime()) / 1000));
      c.header('retry-after', String(wait));
      return problem(c, { status: 429, code: 'rate_limited', detail: `Too many ${opts.what} from this address. Try again in ${Math.ceil(wait / 60)} minutes.` });
    }
    return next();
  };
}

/** Ten registrations an hour from one address is more than any household or clinic front desk needs. */
export const registrationLimiter = perAddressLimit({ bucket: 'registration', max: 10, windowMs: 60 * 60_000, what: 'registrations' });

/** A clinic is started once; five sign-ups an hour from one address allows for mistakes, not for a script. */
export const clinicSignUpLimiter = perAddressLimit({ bucket: 'clinic-sign-up', max: 5, windowMs: 60 * 60_000, what: 'clinic sign-ups' });
