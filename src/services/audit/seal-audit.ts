// The sealer (decision 0015): links appended events into each organization's hash chain, in the order
// it finds them committed, one sealer per organization at a time (an advisory lock, so several
// processes may run it). An event appended by a transaction that commits later is sealed in a later
// round; nothing is lost if a process stops between append and seal.
import type { Db } from '../../db/connect.js';
import { headFor, organizationsWithUnsealed, trySealLock, unsealedEvents, writeSeals } from '../../db/repositories/audit.repository.js';
import { hashEvent } from './audit-hash.js';

const BATCH = 2000;

/** Seals one organization's waiting events, a batch per transaction; returns how many it sealed. */
export async function sealOrganization(db: Db, organizationId: string, now: Date): Promise<number> {
  let sealed = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      if (!(await trySealLock(trx, organizationId))) return -1;
      const head = await headFor(trx, organizationId);
      const rows = await unsealedEvents(trx, organizationId, BATCH);
      let seq = head.last_seq;
      let prevHash = head.last_hash;
      const seals = rows.map((row) => {
        seq += 1;
        const hash = hashEvent({ ...row, seq, prev_hash: prevHash });
        const seal = { position: row.position, seq, prevHash, hash };
        prevHash = hash;
        return seal;
      });
      await writeSeals(trx, organizationId, seals, now);
      return rows.length;
    });
    if (n <= 0) return sealed;
    sealed += n;
    if (n < BATCH) return sealed;
  }
}

/** Seals every organization with waiting events; another process sealing one is skipped, not awaited. */
export async function sealAudit(db: Db, now: Date): Promise<number> {
  let sealed = 0;
  for (const org of await organizationsWithUnsealed(db)) sealed += await sealOrganization(db, org, now);
  return sealed;
}
