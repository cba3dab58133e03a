// How often a booking write met a deadlock or a serialization failure and was run again, in this
// process. Resource locks (decision 0025) should keep this at zero for ordinary bookings; /metrics
// publishes it (dermis_booking_write_retries_total) so a rise is seen, and the concurrency test reads it.
export type RetryReason = 'deadlock' | 'serialization';

const counts: Record<RetryReason, number> = { deadlock: 0, serialization: 0 };

/** The reason a database error code asks for another try, or null when it does not. */
export function retryReason(e: unknown): RetryReason | null {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '40P01' ? 'deadlock' : code === '40001' ? 'serialization' : null;
}

export function noteRetry(reason: RetryReason) {
  counts[reason]++;
}

/** The retries so far in this process, by reason. */
export const writeRetries = (): Readonly<Record<RetryReason, number>> => ({ ...counts });
