import type { Db } from '../../db/connect.js';
import { findClient } from '../../db/repositories/clients.repository.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';

/**
 * The one gate to a client record: the caller's organization only, and a client only their own.
 * Anything else is "not found", so ids of other tenants or clients reveal nothing.
 */
export async function loadClient(trx: Db, ctx: Ctx, clientId: string) {
  if (ctx.principal.role === 'client' && ctx.principal.clientId !== clientId) throw notFound('client');
  const row = await findClient(trx, ctx.principal.organizationId, clientId);
  if (!row) throw notFound('client');
  return row;
}
