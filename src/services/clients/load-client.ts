import type { Db } from '../../db/connect.js';
import { findClient } from '../../db/repositories/clients.repository.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';

/**
 * The one gate to a client record: the caller's organization only, and a client only their own.
 * Anything else is "not found", so ids of other tenants or clients reveal nothing.
 */
export async function loadClient(trx: Db, ctx: Ctx, clientId: string) {
  return loadClientOf(trx, ctx, clientId, 'client');
}

/**
 * The client a record belongs to (a booking, a photo, a journey): where the caller may not see the
 * client, the record itself is "not found".
 */
export async function loadClientOf(trx: Db, ctx: Ctx, clientId: string, what: string) {
  if (ctx.principal.role === 'client' && ctx.principal.clientId !== clientId) throw notFound(what);
  const row = await findClient(trx, ctx.principal.organizationId, clientId);
  if (!row) throw notFound(what);
  return row;
}
