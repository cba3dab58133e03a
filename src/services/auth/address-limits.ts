// Per-address request counts shared by every process through the database (decision 0016): the
// HTTP limiter asks here, so the limit holds in total, not per process.
import type { Db } from '../../db/connect.js';
import { countAddressHit, deleteAddressHitsBefore } from '../../db/repositories/rate-limits.repository.js';

/** Counts one request in the address's current window; the count and when the window started. */
export const hitAddress = (db: Db, bucket: string, address: string, now: Date, windowMs: number) => countAddressHit(db, { bucket, address }, now, windowMs);

/** Forgets windows that ended before `before`. */
export const forgetAddressWindows = (db: Db, bucket: string, before: Date) => deleteAddressHitsBefore(db, bucket, before);
