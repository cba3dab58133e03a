import type { Ctx } from '../../context.js';
import type { Db } from '../../../db/connect.js';
import { loadClient } from '../../clients/load-client.js';

/** Intakes are health data: the client themself, or a clinician of the organization. */
export async function loadClientForHealthData(trx: Db, ctx: Ctx, clientId: string) {
  return loadClient(trx, ctx, clientId);
}
