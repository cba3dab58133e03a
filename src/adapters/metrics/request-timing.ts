// The request-time histogram of /metrics (src/main/metrics.ts gathers the rest). It lives here so the
// HTTP layer can record into it without reaching into src/main. Nothing is recorded until the server
// turns metrics on, so tests and the CLI keep prom-client's registry empty.
import { Histogram } from 'prom-client';

let histogram: Histogram<'method' | 'route' | 'status'> | null = null;

/** Creates the histogram on prom-client's global registry, once per process. */
export function enableRequestTiming() {
  histogram ??= new Histogram({
    name: 'dermis_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route template (never a raw path) and status class',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  });
}

/** Records one answered request; `route` is the matched route template, e.g. /api/clients/:id. */
export function observeRequest(method: string, route: string, status: number, secondsTaken: number) {
  histogram?.observe({ method, route, status: `${Math.floor(status / 100)}xx` }, secondsTaken);
}
