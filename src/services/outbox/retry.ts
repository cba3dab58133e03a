/** Sends are tried this many times before a message is marked failed. */
export const MAX_ATTEMPTS = 5;
/** A failed send waits a little longer each time before the next try. */
export const backoff = (attempts: number) => new Date(Date.now() + attempts * 60_000);
