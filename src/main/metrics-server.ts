// Serves /metrics on a port of its own (DERMIS_METRICS_PORT, loopback by default), so the public
// port never exposes them and a proxy in front needs no rule for them. An optional bearer token
// (DERMIS_METRICS_TOKEN, kept only in the environment) is compared in constant time.
import { createServer, type Server } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';

export interface MetricsServerOptions {
  port: number;
  host: string;
  token?: string | undefined;
  render: () => Promise<{ contentType: string; body: string }>;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Equal-length digests, so neither the token's content nor its length leaks through timing. */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token));
}

export async function serveMetrics(opts: MetricsServerOptions): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const plain = (status: number, text: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
      res.end(text + '\n');
    };
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname !== '/metrics') return plain(404, 'Only /metrics is served on this port.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'Use GET.', { allow: 'GET, HEAD' });
    if (opts.token && !tokenMatches(req.headers.authorization, opts.token)) return plain(401, 'A bearer token is needed for the metrics.', { 'www-authenticate': 'Bearer' });
    opts.render().then(
      (m) => {
        res.writeHead(200, { 'content-type': m.contentType, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : m.body);
      },
      () => plain(503, 'The metrics could not be gathered just now; try again.'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return { server, port, close: () => new Promise<void>((r) => server.close(() => r())) };
}
