/** When each named job last finished a tick (ms since epoch), for the worker-lag metric. */
export const lastTickDone = new Map<string, number>();
/** How often each named job runs (ms): an hourly job is not late after a minute. */
export const tickIntervals = new Map<string, number>();

/**
 * Runs `tick` every `intervalMs`, one tick at a time (a slow tick is never overlapped by the next),
 * on a timer that does not keep the process alive. `stop` waits for the tick in progress. A named
 * ticker records when each tick finished, so /metrics shows a job that has stalled.
 */
export function startTicker(tick: () => Promise<void>, intervalMs: number, name?: string) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  if (name) {
    lastTickDone.set(name, Date.now());
    tickIntervals.set(name, intervalMs);
  }
  const run = async () => {
    await tick();
    if (name) lastTickDone.set(name, Date.now());
  };
  const timer = setInterval(() => {
    if (!stopped) running = running.then(run);
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      if (name) {
        lastTickDone.delete(name);
        tickIntervals.delete(name);
      }
    },
  };
}
