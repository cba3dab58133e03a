import type { Db } from '../../../db/connect.js';
import { releaseExpiredHolds } from './offer-freed-time.js';

/** Run by the worker: every organization's expired holds are released and offers move on. */
export async function sweepExpiredHolds(db: Db, now: Date): Promise<number> {
  const orgs = await db.selectFrom('bookings').select('organization_id').distinct().where('status', '=', 'held').where('hold_expires_at', '<=', now).execute();
  let n = 0;
  for (const o of orgs) n += await db.transaction().execute((trx) => releaseExpiredHolds(trx, o.organization_id, now));
  return n;
}
