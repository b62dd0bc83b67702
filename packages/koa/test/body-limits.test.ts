/**
 * Bodies that are too big or too slow: the client reads a typed answer (413, 408) and the
 * connection is closed cleanly — with `batonErrors()` and with Koa's default error handler.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batonErrors, batonRouter } from '../src/index.js';
import { hostAgent } from './support/agent.js';
import { type Served, send, serve, stop, user } from './support/http.js';

const MB = 1000 * 1000;

/** A 12 MB body of one user message, as text. */
const bigText = () => JSON.stringify({ messages: [user('x'.repeat(12 * MB))] });

/** The same body as a stream of 64 KiB chunks (chunked transfer, no Content-Length). */
function bigStream(): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"messages":[{"role":"user","content":"'));
    },
    pull(controller) {
      if (sent >= 12 * MB) {
        controller.enqueue(new TextEncoder().encode('"}]}'));
        controller.close();
        return;
      }
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

/**
 * node:http writing 12 MB with backpressure, as a server-to-server client does: a server that
 * closes the socket while the body is still coming makes this fail with EPIPE or ECONNRESET.
 */
function postWithNodeHttp(url: string, chunked: boolean): Promise<{ status?: number; text: string; error?: string }> {
  return new Promise((resolve) => {
    const total = 12 * MB;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = String(total);
    const req = request(`${url}/api/chat`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        text += c;
      });
      res.on('end', () => resolve({ ...(res.statusCode ? { status: res.statusCode } : {}), text }));
      res.on('error', (e) =>
        resolve({ ...(res.statusCode ? { status: res.statusCode } : {}), text, error: String(e) }),
      );
    });
    req.on('error', (e) => resolve({ text: '', error: String(e) }));
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        const n = Math.min(chunk.length, total - sent);
        sent += n;
        if (!req.write(chunk.subarray(0, n))) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

/**
 * A raw socket writing a 12 MB body with backpressure, reading only what arrives: whether the
 * 413 reached it, and the socket error if the server reset the connection under it.
 */
function postWithSocket(port: number): Promise<{ response: string; error?: string }> {
  return new Promise((resolve) => {
    const total = 12 * MB;
    const socket = connect(port, '127.0.0.1');
    let response = '';
    let error: string | undefined;
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => {
      response += text;
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error = e.code ?? String(e);
    });
    socket.on('close', () => resolve({ response, ...(error ? { error } : {}) }));
    socket.write(
      `POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${total}\r\n\r\n`,
    );
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    const pump = () => {
      while (sent < total && !socket.destroyed) {
        const n = Math.min(chunk.length, total - sent);
        sent += n;
        if (!socket.write(chunk.subarray(0, n))) {
          socket.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}

/**
 * Sends headers announcing `length` bytes, then trickles one byte every `everyMs`; resolves with
 * what the server sent and whether it closed the socket.
 */
function trickle(port: number, length: number, everyMs: number): Promise<{ response: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let response = '';
    const timer = setInterval(() => {
      if (!socket.destroyed && socket.writable) socket.write('{');
    }, everyMs);
    const guard = setTimeout(() => {
      clearInterval(timer);
      socket.destroy();
      reject(new Error(`the server kept the socket open; it sent: ${JSON.stringify(response)}`));
    }, 5000);
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => {
      response += text;
    });
    // Writing to a socket the server closed may fail with EPIPE: that is the close we wait for.
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(guard);
      resolve({ response, closedAfterMs: Date.now() - started });
    });
    socket.write(
      `POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`,
    );
  });
}

describe.each([
  ['with batonErrors()', true],
  ["with Koa's default error handler", false],
])('%s', (_name, withErrors) => {
  // Two servers: the 12 MB bodies are drained before the 413 within the default body timeout
  // (10 s; a busy machine may need more than a fraction of a second to take 12 MB), the trickling
  // body meets a 300 ms one.
  let s: Served;
  let slow: Served;
  const start = (options: { bodyTimeoutMs?: number }) =>
    serve((app) => {
      const router = batonRouter(hostAgent(), options);
      if (withErrors) app.use(batonErrors({ onError: () => {} }));
      app.use(router.routes()).use(router.allowedMethods());
    });
  beforeAll(async () => {
    s = await start({});
    slow = await start({ bodyTimeoutMs: 300 });
  });
  afterAll(async () => {
    await stop(s);
    await stop(slow);
  });

  const expectTooLarge = async (res: Response) => {
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    const text = await res.text();
    if (withErrors) expect(JSON.parse(text).error.code).toBe('BODY_TOO_LARGE');
    else expect(text).toBe('The request body is over the size limit');
  };

  it('a 12 MB string body: the client reads the 413, no EPIPE or reset', async () => {
    const res = await fetch(`${s.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bigText(),
    });
    await expectTooLarge(res);
    expect((await send(s.url, { messages: [user('hi')] })).status).toBe(200);
  });

  it('a 12 MB streamed body (chunked, duplex half): the client reads the 413', async () => {
    const res = await fetch(`${s.url}/api/chat-stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bigStream(),
      duplex: 'half',
    } as RequestInit);
    await expectTooLarge(res);
    expect((await send(s.url, { messages: [user('hi')] })).status).toBe(200);
  });

  it.each([
    ['with a Content-Length', false],
    ['chunked', true],
  ])('a 12 MB body from node:http (%s): the client reads the 413', async (_how, chunked) => {
    const reply = await postWithNodeHttp(s.url, chunked);
    expect({ status: reply.status, error: reply.error }).toEqual({ status: 413, error: undefined });
    if (withErrors) expect(JSON.parse(reply.text).error.code).toBe('BODY_TOO_LARGE');
  });

  it('a 12 MB body from a raw socket: the 413 arrives before the close, no reset', async () => {
    const { response, error } = await postWithSocket(s.port);
    expect({ head: response.slice(0, 12), error }).toEqual({ head: 'HTTP/1.1 413', error: undefined });
  });

  it('a body trickling in past bodyTimeoutMs -> 408 BODY_TIMEOUT and the socket closed', async () => {
    const { response, closedAfterMs } = await trickle(slow.port, 1000, 50);
    expect(response).toMatch(/^HTTP\/1\.1 408 /);
    expect(response).toMatch(/\r\nconnection: close\r\n/i);
    if (withErrors) expect(response).toContain('"code":"BODY_TIMEOUT"');
    else expect(response).toContain('The request body did not arrive within 300 ms');
    expect(closedAfterMs).toBeGreaterThanOrEqual(250);
    expect(closedAfterMs).toBeLessThan(3000);
    expect((await send(slow.url, { messages: [user('hi')] })).status).toBe(200);
  });
});
