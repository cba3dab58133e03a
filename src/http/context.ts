import type { Context } from 'hono';
import type { Ctx, RequestMeta } from '../services/context.js';
import { AppError } from '../services/errors.js';
import type { AppEnv } from './app-env.js';

export const metaOf = (c: Context<AppEnv>): RequestMeta => ({ requestId: c.get('requestId'), ip: c.get('ip') });

/** The service context of an authenticated request (the access middleware already ran). */
export function ctxOf(c: Context<AppEnv>): Ctx {
  const principal = c.get('principal');
  if (!principal) throw new AppError('unauthenticated', 'sign in to continue');
  const deps = c.get('deps');
  return { db: deps.db, principal, meta: metaOf(c), now: deps.now };
}
