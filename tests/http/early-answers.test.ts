// A real server on loopback and a raw keep-alive socket: an answer given before the request body was
// read (413) or to a request Node cannot parse (431) says `Connection: close` and closes cleanly,
// without resetting a client that is still sending; ordinary keep-alive is unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net, { type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { closeAfterEarlyAnswers } from '../../src/main/early-answers.js';

let t: TestApp;
let server: Server;
let port: number;
const LINGER = 400;

beforeAll(async () => {
  t = await createTestApp();
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  closeAfterEarlyAnswers(server, { lingerMs: LINGER });
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.close();
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}
interface Conversation {
  answers: Answer[];
  /** the server half-closed (FIN) */
  ended: boolean;
  /** a socket error (ECONNRESET, EPIPE) seen by the client */
  error: string | null;
  closedAfterMs: number;
}

/** parses every complete HTTP/1.1 answer in the bytes received so far */
function parseAnswers(raw: Buffer): Answer[] {
  const out: Answer[] = [];
  let rest = raw.toString('latin1');
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) break;
    const [statusLine, ...lines] = rest.slice(0, end).split('\r\n');
    const headers: Record<string, string> = {};
    for (const l of lines) headers[l.slice(0, l.indexOf(':')).toLowerCase()] = l.slice(l.indexOf(':') + 1).trim();
    const length = Number(headers['content-length'] ?? 0);
    if (rest.length < end + 4 + length) break;
    out.push({ status: Number(statusLine!.split(' ')[1]), headers, body: rest.slice(end + 4, end + 4 + length) });
    rest = rest.slice(end + 4 + length);
  }
  return out;
}

/**
 * Opens a socket, writes `first`, and once the first answer is in, calls `then` (which may keep
 * writing). Resolves when the socket closes (or after 5 s).
 */
function converse(first: Buffer | string, then?: (s: net.Socket) => void): Promise<Conversation> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    const started = Date.now();
    const chunks: Buffer[] = [];
    const c: Conversation = { answers: [], ended: false, error: null, closedAfterMs: 0 };
    let answered = false;
    s.on('data', (d: Buffer) => {
      chunks.push(d);
      c.answers = parseAnswers(Buffer.concat(chunks));
      if (!answered && c.answers.length > 0) {
        answered = true;
        then?.(s);
      }
    });
    s.on('end', () => {
      c.ended = true;
    });
    s.on('error', (e: NodeJS.ErrnoException) => {
      c.error ??= e.code ?? e.message;
    });
    s.on('close', () => {
      clearTimeout(timer);
      c.closedAfterMs = Date.now() - started;
      resolve(c);
    });
    const timer = setTimeout(() => s.destroy(), 5000);
    s.write(first);
  });
}

const postHead = (length: number) =>
  `POST /api/clients HTTP/1.1\r\nHost: localhost:3000\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\nConnection: keep-alive\r\n\r\n`;

describe('early answers on a keep-alive connection', () => {
  it('a 413 for a body sent in full says Connection: close, and the server closes without a reset', async () => {
    const size = 300_000;
    const c = await converse(Buffer.concat([Buffer.from(postHead(size)), Buffer.alloc(size, 'a')]));
    expect(c.answers[0]?.status).toBe(413);
    expect(c.answers[0]?.headers.connection).toBe('close');
    expect(c.answers[0]?.headers['content-type']).toContain('application/problem+json');
    expect(c.ended).toBe(true);
    expect(c.error).toBeNull();
    expect(c.answers).toHaveLength(1);
  });

  it('a client still uploading after its 413 reads the whole answer and sees an orderly close, not a reset', async () => {
    const size = 2_000_000;
    let sent = 64 * 1024;
    const c = await converse(Buffer.concat([Buffer.from(postHead(size)), Buffer.alloc(sent, 'a')]), (s) => {
      // keep sending the declared body slowly, as a client on a slow link would
      const tick = setInterval(() => {
        if (s.destroyed || !s.writable || sent >= size) return clearInterval(tick);
        s.write(Buffer.alloc(16 * 1024, 'a'));
        sent += 16 * 1024;
      }, 20);
      s.once('close', () => clearInterval(tick));
    });
    expect(c.answers[0]?.status).toBe(413);
    expect(c.answers[0]?.headers.connection).toBe('close');
    expect(JSON.parse(c.answers[0]!.body)).toMatchObject({ status: 413 });
    expect(c.ended).toBe(true);
    // the server lingers for a while, then closes even though the body never finished
    expect(c.closedAfterMs).toBeLessThan(LINGER + 2000);
  });

  it('a 431 (headers too large, refused by Node itself) is a problem answer that closes cleanly', async () => {
    const head = `GET /healthz HTTP/1.1\r\nHost: localhost:3000\r\nX-Padding: ${'b'.repeat(200_000)}\r\n\r\n`;
    const c = await converse(head);
    expect(c.answers[0]?.status).toBe(431);
    expect(c.answers[0]?.headers.connection).toBe('close');
    expect(JSON.parse(c.answers[0]!.body)).toMatchObject({ status: 431, title: 'Request Header Fields Too Large' });
    expect(c.ended).toBe(true);
    expect(c.error).toBeNull();
  });

  it('ordinary requests keep the connection alive for the next one', async () => {
    const get = 'GET /healthz HTTP/1.1\r\nHost: localhost:3000\r\n\r\n';
    const small = '{"firstName":"A"}';
    const c = await converse(get, (s) => {
      s.write(`POST /api/clients HTTP/1.1\r\nHost: localhost:3000\r\nContent-Type: application/json\r\nContent-Length: ${small.length}\r\n\r\n${small}`);
      setTimeout(() => s.end(), 500);
    });
    expect(c.answers.map((a) => a.status)).toEqual([200, 401]);
    expect(c.answers[0]?.headers.connection).not.toBe('close');
    expect(c.error).toBeNull();
  });
});
