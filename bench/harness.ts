// Minimal benchmark helpers: warm up, run a fixed count, report throughput and percentiles.
export interface BenchResult {
  name: string;
  iterations: number;
  opsPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export async function bench(name: string, iterations: number, fn: (i: number) => unknown): Promise<BenchResult> {
  for (let i = 0; i < Math.min(20, iterations); i++) await fn(i);
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  const pct = (p: number) => Number(times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(3));
  const r = { name, iterations, opsPerSec: Math.round((iterations / total) * 1000), p50Ms: pct(0.5), p95Ms: pct(0.95), p99Ms: pct(0.99) };
  process.stdout.write(`${name.padEnd(48)} ${String(r.opsPerSec).padStart(8)} ops/s   p50 ${r.p50Ms} ms   p95 ${r.p95Ms} ms\n`);
  return r;
}
