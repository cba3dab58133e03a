// Early answers close their connection cleanly. When the server answers before it has read the
// request's body (413 too large, 401/403 before validation) or cannot parse the request at all (431
// headers too large, 400), the rest of the upload is still on its way: keeping the connection alive
// would make the client's next request on it fail. So such an answer says `Connection: close`, the
// server half-closes after it, keeps reading and discarding what the client still sends for a short
// while (so the client reads the answer instead of a reset), then closes.
import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import type { ServerType } from '@hono/node-server';
import type { Duplex } from 'node:stream';
import type { Socket } from 'node:net';

/** how long the server keeps discarding an unwanted upload after its answer */
export const LINGER_MS = 2000;

const PARSE_ERRORS: Record<string, { status: number; title: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, title: 'Request Header Fields Too Large', detail: 'the request headers are too large' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, title: 'Request Timeout', detail: 'the request took too long to arrive' },
};
const BAD_REQUEST = { status: 400, title: 'Bad Request', detail: 'the request is not valid HTTP' };

/** after our FIN: discard incoming bytes until the client closes, the request ends, or time runs out */
function linger(socket: Socket | Duplex, until: (done: () => void) => void, ms: number) {
  let finished = false;
  const done = () => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    socket.destroy();
  };
  const timer = setTimeout(done, ms);
  timer.unref();
  socket.once('end', done);
  socket.once('close', () => clearTimeout(timer));
  until(done);
}

function onRequest(ms: number) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    // the one moment to add a header: just before the head goes out
    res.writeHead = (...args: unknown[]) => {
      if (!req.complete && !res.headersSent) {
        res.setHeader('connection', 'close');
        lingerOnClose(req, ms);
      }
      return writeHead(...args);
    };
  };
}

/**
 * Node closes a `Connection: close` connection with destroySoon(): end, then destroy as soon as the
 * answer is out, which resets a client still uploading. Instead: end, then linger until the body is
 * through (or time runs out).
 */
function lingerOnClose(req: IncomingMessage, ms: number) {
  const socket = req.socket as Socket & { destroySoon?: () => void };
  const destroySoon = socket.destroySoon?.bind(socket);
  if (!destroySoon) return;
  socket.destroySoon = () => {
    if (req.complete) return destroySoon();
    socket.end();
    linger(socket, (done) => {
      req.once('end', done);
      req.resume();
    }, ms);
  };
}

function onClientError(ms: number) {
  const handled = new WeakSet<Duplex>();
  return (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (handled.has(socket)) return; // the parser reports each further chunk again: already answered
    handled.add(socket);
    if (err.code === 'ECONNRESET' || !socket.writable || (socket as Socket).bytesWritten > 0) {
      socket.destroy();
      return;
    }
    const p = PARSE_ERRORS[err.code ?? ''] ?? BAD_REQUEST;
    const body = JSON.stringify({ type: `https://dermis.dev/problems/${p.status}`, title: p.title, status: p.status, detail: p.detail, requestId: null });
    socket.end(
      `HTTP/1.1 ${p.status} ${p.title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    linger(socket, () => socket.resume(), ms);
  };
}

/** Installs the rules above on the HTTP/1.1 server (call once, right after it is created). */
export function closeAfterEarlyAnswers(server: ServerType, opts: { lingerMs?: number } = {}) {
  if (!(server instanceof Server)) return;
  const ms = opts.lingerMs ?? LINGER_MS;
  server.prependListener('request', onRequest(ms));
  server.on('clientError', onClientError(ms));
}
